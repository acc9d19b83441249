import { auditEntityUuid, findAuditRecords } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { AuditRecord } from '../generated/graphql.ts';
import { inSubtrees } from '../org-unit/org-unit.repository.ts';

/**
 * Audit records of entities inside the subtrees of `scopeIds`, newest first. Any parent link a unit
 * ever had counts: the log is history, so a unit moved or ended since stays visible where it was.
 */
export function findOrganizationAuditRecords(db: Kysely<OrganizationDatabase>, scopeIds: readonly string[], options: { entityId?: string; first: number }): Promise<AuditRecord[]> {
  return findAuditRecords(db, inSubtrees(auditEntityUuid, scopeIds, null), options);
}
