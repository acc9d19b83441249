import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { EvaluationContext } from '../context.ts';
import type { ReviewRow } from './review.repository.ts';

export const reviewResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    review: (_source, args: { id: string }, context) => context.reviewById.load(requireId(args.id)),
  },
  Review: {
    __resolveReference: (reference: { id: string }, context: EvaluationContext) => context.reviewById.load(reference.id),
    member: (review: ReviewRow) => ({ __typename: 'Member', id: review.member_id }),
  },
  Member: {
    // Evaluation knows only the id of a Member; the membership subgraph resolves the rest.
    __resolveReference: (reference: { id: string }) => reference,
    reviews: (member: { id: string }, _args, context) => context.reviewsOfMember.load(member.id),
    latestReview: async (member: { id: string }, _args, context) => (await context.reviewsOfMember.load(member.id))[0] ?? null,
  },
};
