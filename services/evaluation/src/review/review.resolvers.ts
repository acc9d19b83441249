import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberRef } from '../references.ts';

/** Members' reviews and grades, and the cycle and rule set each was decided under. */
export const reviewResolvers: Resolvers = {
  Query: {
    review: (_source, args, context) => context.reviewById.load(requireId(args.id)),
  },
  Review: {
    __resolveReference: (reference, context) => context.reviewById.load(reference.id),
    member: (review) => memberRef(review.member_id),
    cycle: (review, _args, context) => (review.cycle_id ? context.cycleById.load(review.cycle_id) : null),
    ruleSet: (review, _args, context) => (review.rule_set_id ? context.ruleSetById.load(review.rule_set_id) : null),
    decisions: (review, _args, context) => context.decisionsOfReview.load(review.id),
  },
  ReviewDecision: {
    id: (decision) => String(decision.id),
    ruleSet: (decision, _args, context) => (decision.rule_set_id ? context.ruleSetById.load(decision.rule_set_id) : null),
    decisionNumber: (decision) => decision.decision_number,
    decidedAt: (decision) => decision.decided_at.toISOString(),
    decidedBy: (decision) => decision.decided_by,
  },
  Member: {
    // Evaluation knows only the id of a Member; the membership subgraph resolves the rest.
    __resolveReference: (reference) => reference,
    reviews: (member, _args, context) => context.reviewsOfMember.load(member.id),
    latestReview: async (member, _args, context) => (await context.reviewsOfMember.load(member.id))[0] ?? null,
  },
};
