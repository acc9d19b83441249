import { inReplicaSubtrees } from '@dangvien/org-replica';
import { auditEntityUuid, findAuditRecords } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

/** Newest first: changes to members now placed inside `scopes` (the subtrees where the caller may read the audit log). */
export function auditOfMembersWithin(db: Kysely<MembershipDatabase>, scopes: readonly string[], options: { entityId?: string; first: number }) {
  return findAuditRecords(db, sql<boolean>`${auditEntityUuid} IN (SELECT id FROM member WHERE ${inReplicaSubtrees('member.cell_id', scopes)})`, options);
}
