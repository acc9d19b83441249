import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { OrganizationContext } from '../context.ts';
import { splitOrgUnit, type SplitOrgUnitInput } from './split-org-unit.ts';

export const splitResolvers: GraphQLResolverMap<OrganizationContext> = {
  Mutation: {
    splitOrgUnit: (_source, args: { input: SplitOrgUnitInput }, context) => splitOrgUnit(context.db, context.caller, args.input),
  },
};
