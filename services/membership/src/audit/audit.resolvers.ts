import type { GraphQLResolverMap } from '@apollo/subgraph';
import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { auditLogArguments, findAuditRecords } from '@dangvien/server';
import { sql } from 'kysely';
import type { MembershipContext } from '../context.ts';

export const auditResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    // Changes to members now placed inside the subtrees where the caller may read the audit log.
    membershipAuditLog: (_source, args: { entityId?: string; first?: number }, context) =>
      findAuditRecords(
        context.db,
        sql<boolean>`audit_log.entity_id::uuid IN (SELECT id FROM member WHERE ${inReplicaSubtrees('member.cell_id', scopesWithRole(context.caller, AUDIT_READER_ROLES))})`,
        auditLogArguments(args),
      ),
  },
};
