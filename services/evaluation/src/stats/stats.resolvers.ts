import { requireDate, requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { attendanceByChild, attendanceRate, gradeDistribution, gradesByChild } from './stats.repository.ts';

const dateRange = (args: { from?: string | null; to?: string | null }) => ({
  from: args.from ? requireDate(args.from, 'from') : undefined,
  to: args.to ? requireDate(args.to, 'to') : undefined,
});

/** Aggregates over a unit's subtree: the annual grades of its members, and attendance at its cells' meetings; each also per unit directly below. */
export const statsResolvers: Resolvers = {
  Query: {
    gradeDistribution: (_source, args, context) => gradeDistribution(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    attendanceRate: (_source, args, context) => attendanceRate(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, dateRange(args)),
    gradeDistributionByChildUnit: (_source, args, context) => gradesByChild(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    attendanceRateByChildUnit: (_source, args, context) => attendanceByChild(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, dateRange(args)),
  },
};
