import type { EvaluationContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { addReviewRuleSet } from './add-rule-set.ts';
import { findRuleSets } from './rules.repository.ts';
import type { RuleSetRow } from './rules.tables.ts';

/** The rule set a cycle or decision references, for a non-null `ruleSet` field (the foreign key keeps it). */
export async function referencedRuleSet(context: EvaluationContext, id: string): Promise<RuleSetRow> {
  const ruleSet = await context.ruleSetById.load(id);
  if (!ruleSet) throw new Error(`Rule set ${id} is referenced but missing.`);
  return ruleSet;
}

/** Grading rule sets: dated data, each valid from its date until the next one's. */
export const rulesResolvers: Resolvers = {
  Query: {
    ruleSets: (_source, _args, context) => findRuleSets(context.db),
  },
  Mutation: {
    addReviewRuleSet: (_source, args, context) => addReviewRuleSet(context.db, context.caller, args.input),
  },
  RuleSet: {
    validFrom: (ruleSet) => ruleSet.valid_from,
    excellentMinScore: (ruleSet) => ruleSet.excellent_min_score,
    goodMinScore: (ruleSet) => ruleSet.good_min_score,
    completedMinScore: (ruleSet) => ruleSet.completed_min_score,
    excellentRequiresAllTasks: (ruleSet) => ruleSet.excellent_requires_all_tasks,
    excellentMinExceededPercent: (ruleSet) => ruleSet.excellent_min_exceeded_percent,
    excellentQuotaPercent: (ruleSet) => ruleSet.excellent_quota_percent,
    residenceCommentRequired: (ruleSet) => ruleSet.residence_comment_required,
  },
};
