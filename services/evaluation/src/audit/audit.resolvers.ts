import type { GraphQLResolverMap } from '@apollo/subgraph';
import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { auditLogArguments, findAuditRecords } from '@dangvien/server';
import { sql } from 'kysely';
import type { EvaluationContext } from '../context.ts';

export const auditResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    // Changes about members, meetings, review cycles, tasks and organizations' grades inside the subtrees
    // where the caller may read the audit log.
    evaluationAuditLog: (_source, args: { entityId?: string; first?: number }, context) => {
      const scopes = scopesWithRole(context.caller, AUDIT_READER_ROLES);
      return findAuditRecords(
        context.db,
        sql<boolean>`(audit_log.entity_id::uuid IN (SELECT member_id FROM member_replica WHERE ${inReplicaSubtrees('member_replica.cell_id', scopes)})
          OR audit_log.entity_id::uuid IN (SELECT id FROM meeting WHERE ${inReplicaSubtrees('meeting.cell_id', scopes)})
          OR audit_log.entity_id::uuid IN (SELECT id FROM review_cycle WHERE ${inReplicaSubtrees('review_cycle.unit_id', scopes)})
          OR audit_log.entity_id::uuid IN (SELECT id FROM task WHERE ${inReplicaSubtrees('task.cell_id', scopes)})
          OR (audit_log.entity_type = 'OrgUnit' AND ${inReplicaSubtrees(sql`audit_log.entity_id::uuid`, scopes)}))`,
        auditLogArguments(args),
      );
    },
  },
};
