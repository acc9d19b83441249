import type { Resolvers } from '../generated/resolvers.ts';
import { exportMemberRegister } from './member-export.ts';

export const exportResolvers: Resolvers = {
  Query: {
    memberRegisterExport: (_source, args, context) => exportMemberRegister(context.db, context.caller, args.unitId, (memberId) => context.sensitiveReads.record(memberId, 'citizenId', 'ethnicity', 'religion')),
  },
};
