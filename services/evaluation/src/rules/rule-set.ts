import type { Grade, ReviewPeriod } from '../generated/graphql.ts';
import type { RuleSetRow } from './rules.tables.ts';

/** First and last day of a review period. */
export function periodBounds(year: number, period: ReviewPeriod): { start: string; end: string } {
  if (period === 'YEAR') return { start: `${year}-01-01`, end: `${year}-12-31` };
  const quarter = Number(period.slice(1));
  const startMonth = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, startMonth + 2, 0)).toISOString().slice(0, 10); // day 0 of the next month
  return { start: `${year}-${String(startMonth).padStart(2, '0')}-01`, end };
}

export interface GradeFacts {
  score: number;
  /** Disciplined in the year: graded no higher than NOT_COMPLETED. */
  disciplined: boolean;
  allTasksDone: boolean;
  /** Share of the member's tasks done beyond what was asked, in percent. */
  exceededTaskPercent: number;
}

/** The grade a rule set gives: the score's band, capped by discipline and by the excellent grade's task conditions. */
export function gradeUnder(ruleSet: RuleSetRow, facts: GradeFacts): Grade {
  if (facts.disciplined) return 'NOT_COMPLETED';
  if (facts.score >= ruleSet.excellent_min_score) {
    const tasksMet = (!ruleSet.excellent_requires_all_tasks || facts.allTasksDone) && facts.exceededTaskPercent >= ruleSet.excellent_min_exceeded_percent;
    return tasksMet ? 'EXCELLENT' : 'GOOD';
  }
  if (facts.score >= ruleSet.good_min_score) return 'GOOD';
  if (facts.score >= ruleSet.completed_min_score) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

/** The most excellent grades allowed for a number of good grades. */
export function excellentQuota(ruleSet: RuleSetRow, goodCount: number): number {
  return Math.floor((goodCount * ruleSet.excellent_quota_percent) / 100);
}
