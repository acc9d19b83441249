import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { auditLogArguments } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { auditOfMembersWithin } from './audit.repository.ts';

export const auditResolvers: Resolvers = {
  Query: {
    membershipAuditLog: (_source, args, context) => auditOfMembersWithin(context.db, scopesWithRole(context.caller, AUDIT_READER_ROLES), auditLogArguments(args)),
  },
};
