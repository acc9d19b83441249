import type { GraphQLResolverMap } from '@apollo/subgraph';
import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { auditLogArguments, findAuditRecords } from '@dangvien/server';
import { sql } from 'kysely';
import type { OrganizationContext } from '../context.ts';
import { inSubtrees } from '../org-unit/org-unit.repository.ts';

export const auditResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    // Changes to units inside the subtrees where the caller may read the audit log; nothing elsewhere.
    organizationAuditLog: (_source, args: { entityId?: string; first?: number }, context) =>
      findAuditRecords(context.db, inSubtrees(sql`audit_log.entity_id::uuid`, scopesWithRole(context.caller, AUDIT_READER_ROLES), null), auditLogArguments(args)),
  },
};
