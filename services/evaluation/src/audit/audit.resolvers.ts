import type { GraphQLResolverMap } from '@apollo/subgraph';
import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { auditLogArguments, findAuditRecords } from '@dangvien/server';
import { sql } from 'kysely';
import type { EvaluationContext } from '../context.ts';

export const auditResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    // Changes about members placed inside the subtrees where the caller may read the audit log.
    evaluationAuditLog: (_source, args: { entityId?: string; first?: number }, context) =>
      findAuditRecords(
        context.db,
        sql<boolean>`audit_log.entity_id::uuid IN (SELECT member_id FROM member_replica WHERE ${inReplicaSubtrees('member_replica.cell_id', scopesWithRole(context.caller, AUDIT_READER_ROLES))})`,
        auditLogArguments(args),
      ),
  },
};
