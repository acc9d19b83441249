import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import type { MemberRow } from './member.repository.ts';

export const memberResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    member: (_source, args: { id: string }, context) => context.memberById.load(requireId(args.id)),
  },
  Member: {
    __resolveReference: (reference: { id: string }, context: MembershipContext) => context.memberById.load(reference.id),
    fullName: (member: MemberRow) => member.full_name,
    cell: (member: MemberRow) => (member.cell_id ? { __typename: 'OrgUnit', id: member.cell_id } : null),
  },
  OrgUnit: {
    // Membership knows only the id of an OrgUnit; the organization subgraph resolves the rest.
    __resolveReference: (reference: { id: string }) => reference,
    members: (unit: { id: string }, _args, context) => context.membersOfCell.load(unit.id),
  },
};
