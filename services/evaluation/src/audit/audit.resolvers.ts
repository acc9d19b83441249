import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { auditLogArguments } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { findEvaluationAuditRecords } from './audit.repository.ts';

export const auditResolvers: Resolvers = {
  Query: {
    evaluationAuditLog: (_source, args, context) => findEvaluationAuditRecords(context.db, scopesWithRole(context.caller, AUDIT_READER_ROLES), auditLogArguments(args)),
  },
};
