import type { Resolvers } from '../generated/resolvers.ts';
import { applyRestructuringPlan } from './restructuring-plan.ts';

export const restructuringPlanResolvers: Resolvers = {
  Mutation: {
    applyRestructuringPlan: (_source, { input }, context) => applyRestructuringPlan(context.db, context.caller, input),
  },
};
