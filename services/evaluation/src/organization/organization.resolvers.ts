import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { orgUnitRef } from '../references.ts';
import { referencedRuleSet } from '../rules/rules.resolvers.ts';
import { decideOrganizationGrades } from './organization-grading.ts';
import { organizationGradeDistribution, organizationReviews } from './organization.repository.ts';

/** Grades of organizations decided by the level above, and their distribution. */
export const organizationResolvers: Resolvers = {
  Query: {
    organizationReviews: (_source, args, context) => organizationReviews(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    // An explicit null period takes the default too.
    organizationGrades: (_source, args, context) => organizationGradeDistribution(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, args.period ?? 'YEAR'),
  },
  Mutation: {
    decideOrganizationGrades: (_source, args, context) => decideOrganizationGrades(context.db, context.caller, args.cycleId, args.decisions),
  },
  OrganizationReview: {
    unit: (review) => orgUnitRef(review.unit_id),
    cycle: (review, _args, context) => context.cycleById.load(review.cycle_id),
    ruleSet: (review, _args, context) => referencedRuleSet(context, review.rule_set_id),
  },
};
