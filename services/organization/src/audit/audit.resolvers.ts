import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { auditLogArguments } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { findOrganizationAuditRecords } from './audit.repository.ts';

export const auditResolvers: Resolvers = {
  Query: {
    // Changes to units inside the subtrees where the caller may read the audit log; nothing elsewhere.
    organizationAuditLog: (_source, args, context) =>
      findOrganizationAuditRecords(context.db, scopesWithRole(context.caller, AUDIT_READER_ROLES), auditLogArguments(args)),
  },
};
