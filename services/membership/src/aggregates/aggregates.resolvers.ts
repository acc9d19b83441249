import { readableScopes } from '@dangvien/auth';
import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { subtreeMemberCounts } from './aggregates.repository.ts';

/** Aggregates over a subtree computed in one statement, so the gateway need not assemble them member by member. */
export const aggregatesResolvers: Resolvers = {
  Query: {
    subtreeMemberCounts: async (_source, args, context) => {
      const counts = await subtreeMemberCounts(context.db, requireId(args.unitId, 'unitId'), readableScopes(context.caller));
      return counts && { ...counts, members: counts.byStatus.reduce((sum, row) => sum + row.count, 0) };
    },
  },
};
