import { readableScopes } from '@dangvien/auth';
import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { IN_PARTY_STATUSES } from '../statistics/status-at.ts';
import { subtreeMemberCounts } from './aggregates.repository.ts';

/** Aggregates over a subtree computed in one statement, so the gateway need not assemble them member by member. */
export const aggregatesResolvers: Resolvers = {
  Query: {
    subtreeMemberCounts: async (_source, args, context) => {
      const counts = await subtreeMemberCounts(context.db, requireId(args.unitId, 'unitId'), readableScopes(context.caller), args.includeLeft ?? false);
      const inParty: readonly string[] = IN_PARTY_STATUSES;
      return counts && { ...counts, members: counts.byStatus.filter((row) => inParty.includes(row.value)).reduce((sum, row) => sum + row.count, 0) };
    },
  },
};
