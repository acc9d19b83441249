import type { Resolvers } from '../generated/resolvers.ts';
import { dissolveOrgUnit, mergeOrgUnits } from './dissolution.ts';

export const dissolutionResolvers: Resolvers = {
  Mutation: {
    dissolveOrgUnit: (_source, { input }, context) => dissolveOrgUnit(context.db, context.caller, input),
    mergeOrgUnits: (_source, { input }, context) => mergeOrgUnits(context.db, context.caller, input),
  },
};
