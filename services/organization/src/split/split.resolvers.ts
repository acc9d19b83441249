import type { Resolvers } from '../generated/resolvers.ts';
import { splitOrgUnit } from './split-org-unit.ts';

export const splitResolvers: Resolvers = {
  Mutation: {
    splitOrgUnit: (_source, { input }, context) => splitOrgUnit(context.db, context.caller, input),
  },
};
