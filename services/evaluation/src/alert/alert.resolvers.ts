import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { EvaluationContext } from '../context.ts';
import { requireYear } from '../scope/scope.ts';
import { requireAsOf } from '../task/task.queries.ts';
import { evaluationAlerts, type AlertKind, type EvaluationAlert } from './alerts.ts';

export const alertResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    evaluationAlerts: (_source, args: { unitId: string; asOf?: string | null; year?: number | null; kinds?: AlertKind[] | null }, context) => {
      const asOf = requireAsOf(args.asOf);
      const year = args.year === null || args.year === undefined ? Number(asOf.slice(0, 4)) : requireYear(args.year);
      return evaluationAlerts(context.db, context.caller, requireId(args.unitId, 'unitId'), { asOf, year, kinds: args.kinds ?? [] });
    },
  },
  EvaluationAlert: {
    unit: (alert: EvaluationAlert) => ({ __typename: 'OrgUnit', id: alert.unitId }),
    member: (alert: EvaluationAlert) => (alert.memberId ? { __typename: 'Member', id: alert.memberId } : null),
    cycle: (alert: EvaluationAlert, _args, context) => (alert.cycleId ? context.cycleById.load(alert.cycleId) : null),
  },
};
