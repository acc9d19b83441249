import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberRef, orgUnitRef } from '../references.ts';
import { requireAsOf, requireYear } from '../scope/scope.ts';
import { evaluationAlerts } from './alerts.ts';

/** What needs the committee's attention in a unit's subtree. */
export const alertResolvers: Resolvers = {
  Query: {
    evaluationAlerts: (_source, args, context) => {
      const asOf = requireAsOf(args.asOf);
      const year = args.year === null || args.year === undefined ? Number(asOf.slice(0, 4)) : requireYear(args.year);
      return evaluationAlerts(context.db, context.caller, requireId(args.unitId, 'unitId'), { asOf, year, kinds: args.kinds ?? [] });
    },
  },
  EvaluationAlert: {
    unit: (alert) => orgUnitRef(alert.unitId),
    member: (alert) => (alert.memberId ? memberRef(alert.memberId) : null),
    cycle: (alert, _args, context) => (alert.cycleId ? context.cycleById.load(alert.cycleId) : null),
  },
};
