import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { attendanceByMonth } from './aggregates.repository.ts';

/** Aggregates over a subtree computed in one statement, so the gateway need not assemble them meeting by meeting. */
export const aggregatesResolvers: Resolvers = {
  Query: {
    attendanceByMonth: (_source, args, context) => attendanceByMonth(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
  },
};
