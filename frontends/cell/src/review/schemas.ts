import { z } from 'zod';
import { vi } from './messages.ts';
import type { Grade } from '../generated/graphql.ts';
import type { GradeFacts, GradingRules } from './review.ts';

// The same rules services/evaluation/src/cycle/grading.ts and scope.ts enforce, checked before anything is sent.

const MAX_SELF_REVIEW = 20000;

/** Bản tự kiểm điểm, entered by the cell on the member's behalf: required text. */
export const selfReviewSchema = z.object({
  content: z.string().trim().min(1, vi.selfReviewRequired).max(MAX_SELF_REVIEW, vi.selfReviewTooLong),
});
export type SelfReviewForm = z.infer<typeof selfReviewSchema>;

/** A whole number from 0 to 100 (a number input left empty gives NaN). */
const percent = (message: string) => z.number({ error: message }).int(message).min(0, message).max(100, message);

/** Yes or no as radio buttons give it. */
const yesNo = z.enum(['yes', 'no']);

/** The cell's proposal: score 0–100, tasks done, share of tasks exceeded, discipline not yet recorded. */
export const proposalSchema = z.object({
  score: percent(vi.scoreRequired),
  allTasksDone: yesNo,
  exceededTaskPercent: percent(vi.exceededRequired),
  disciplined: yesNo,
});
export type ProposalForm = z.infer<typeof proposalSchema>;

/** The mutation's facts from the form's values. */
export function proposalFacts(values: ProposalForm): GradeFacts {
  return { score: values.score, allTasksDone: values.allTasksDone === 'yes', exceededTaskPercent: values.exceededTaskPercent, disciplined: values.disciplined === 'yes' };
}

/**
 * The form's first values: empty for a new proposal; for one already made, its score and discipline.
 * The API does not return the task facts of a proposal, so an excellent one is taken to meet the
 * rule set's task conditions (it could not be excellent otherwise) and a rewrite keeps it excellent.
 */
export function proposalDefaults(rules: Pick<GradingRules, 'excellentMinExceededPercent'>, current: { score: number; grade: Grade; disciplined: boolean } | undefined): ProposalForm {
  return {
    score: current?.score ?? Number.NaN,
    allTasksDone: 'yes',
    exceededTaskPercent: current?.grade === 'EXCELLENT' ? rules.excellentMinExceededPercent : 0,
    disciplined: current?.disciplined ? 'yes' : 'no',
  };
}
