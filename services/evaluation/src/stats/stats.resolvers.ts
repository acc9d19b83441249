import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { attendanceRate, gradeDistribution } from './stats.repository.ts';

/** Aggregates over a unit's subtree: the annual grades of its members, and attendance at its cells' meetings. */
export const statsResolvers: Resolvers = {
  Query: {
    gradeDistribution: (_source, args, context) => gradeDistribution(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    attendanceRate: (_source, args, context) => attendanceRate(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
  },
};
