import { inReplicaSubtrees } from '@dangvien/org-replica';
import { auditEntityUuid, findAuditRecords } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AuditRecord } from '../generated/graphql.ts';

/**
 * The newest audit records about members, meetings, review cycles, tasks and organizations' grades
 * inside the subtrees `scopes` (those where the caller may read the audit log).
 */
export function findEvaluationAuditRecords(db: Kysely<EvaluationDatabase>, scopes: readonly string[], options: { entityId?: string; first: number }): Promise<AuditRecord[]> {
  return findAuditRecords(
    db,
    sql<boolean>`(${auditEntityUuid} IN (SELECT member_id FROM member_replica WHERE ${inReplicaSubtrees('member_replica.cell_id', scopes)})
      OR ${auditEntityUuid} IN (SELECT id FROM meeting WHERE ${inReplicaSubtrees('meeting.cell_id', scopes)})
      OR ${auditEntityUuid} IN (SELECT id FROM review_cycle WHERE ${inReplicaSubtrees('review_cycle.unit_id', scopes)})
      OR ${auditEntityUuid} IN (SELECT id FROM task WHERE ${inReplicaSubtrees('task.cell_id', scopes)})
      OR (audit_log.entity_type = 'OrgUnit' AND ${inReplicaSubtrees(auditEntityUuid, scopes)}))`,
    options,
  );
}
