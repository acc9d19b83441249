import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { MembershipContext } from '../context.ts';
import { searchMembers, type MemberSearchArguments } from './search.ts';

export const searchResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    searchMembers: (_source, args: MemberSearchArguments, context: MembershipContext) => searchMembers(context.db, context.caller, args),
  },
};
