import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { EvaluationContext } from '../context.ts';
import type { ReviewPeriod } from '../database.ts';
import { ruleSetToGraphQL } from '../rules/rule-set.ts';
import { decideOrganizationGrades, organizationGradeDistribution, organizationReviews, type OrganizationGradeInput, type OrganizationReviewRow } from './organization-review.ts';

/** Grades of organizations decided by the level above, and their distribution. */
export const organizationResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    organizationReviews: (_source, args: { unitId: string; year: number }, context) => organizationReviews(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    organizationGrades: (_source, args: { unitId: string; year: number; period?: ReviewPeriod | null }, context) =>
      organizationGradeDistribution(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, args.period ?? 'YEAR'),
  },
  Mutation: {
    decideOrganizationGrades: (_source, args: { cycleId: string; decisions: OrganizationGradeInput[] }, context) => decideOrganizationGrades(context.db, context.caller, args.cycleId, args.decisions),
  },
  OrganizationReview: {
    unit: (review: OrganizationReviewRow) => ({ __typename: 'OrgUnit', id: review.unit_id }),
    cycle: (review: OrganizationReviewRow, _args, context) => context.cycleById.load(review.cycle_id),
    ruleSet: async (review: OrganizationReviewRow, _args, context) => ruleSetToGraphQL((await context.ruleSetById.load(review.rule_set_id))!),
  },
};
