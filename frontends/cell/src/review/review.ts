import { compareVietnameseNames } from '@dangvien/ui';
import type { Grade, MemberStatus, ReviewCyclesQuery } from '../generated/graphql.ts';

/** Members who are reviewed and graded: those who take part in party life (the server's rule; exempt members are left out). */
export const GRADED_STATUSES: readonly MemberStatus[] = ['OFFICIAL', 'PROBATIONARY'];

/** The grades, best first (the order the guidance and the summary list them). */
export const GRADES: readonly Grade[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];

/** What of a rule set the grading needs (fields of the RuleSet the page reads). */
export type GradingRules = Pick<
  ReviewCyclesQuery['reviewCycles'][number]['ruleSet'],
  'excellentMinScore' | 'goodMinScore' | 'completedMinScore' | 'excellentRequiresAllTasks' | 'excellentMinExceededPercent' | 'excellentQuotaPercent'
>;

export interface GradeFacts {
  score: number;
  disciplined: boolean;
  allTasksDone: boolean;
  exceededTaskPercent: number;
}

/**
 * The grade the rule set gives, as the server computes it (services/evaluation rules/rule-set.ts):
 * the score's band, capped by discipline and by the excellent grade's task conditions. Shown while
 * the secretary types; the server's answer is what is recorded.
 */
export function gradeUnder(rules: GradingRules, facts: GradeFacts): Grade {
  if (facts.disciplined) return 'NOT_COMPLETED';
  if (facts.score >= rules.excellentMinScore) {
    const tasksMet = (!rules.excellentRequiresAllTasks || facts.allTasksDone) && facts.exceededTaskPercent >= rules.excellentMinExceededPercent;
    return tasksMet ? 'EXCELLENT' : 'GOOD';
  }
  if (facts.score >= rules.goodMinScore) return 'GOOD';
  if (facts.score >= rules.completedMinScore) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

/** Each grade's band under a rule set, as a message of the page (key and values) for the guidance. */
export function gradeBands(rules: GradingRules): Record<Grade, { key: string; values: Record<string, number> }> {
  const tasks = rules.excellentRequiresAllTasks || rules.excellentMinExceededPercent > 0;
  return {
    EXCELLENT: { key: tasks ? 'bandExcellentWithTasks' : 'bandExcellent', values: { min: rules.excellentMinScore, percent: rules.excellentMinExceededPercent } },
    GOOD: { key: 'bandRange', values: { min: rules.goodMinScore, max: rules.excellentMinScore - 1 } },
    COMPLETED: { key: 'bandRange', values: { min: rules.completedMinScore, max: rules.goodMinScore - 1 } },
    NOT_COMPLETED: { key: 'bandBelow', values: { max: rules.completedMinScore } },
  };
}

/** The most excellent grades allowed for a number of good grades (floor, as the server checks it). */
export function excellentQuota(rules: Pick<GradingRules, 'excellentQuotaPercent'>, goodCount: number): number {
  return Math.floor((goodCount * rules.excellentQuotaPercent) / 100);
}

export interface QuotaCheck {
  good: number;
  excellent: number;
  allowed: number;
  exceeded: boolean;
}

/** The excellent quota over the cell's proposals. */
export function quotaOf(rules: Pick<GradingRules, 'excellentQuotaPercent'>, grades: readonly Grade[]): QuotaCheck {
  const good = grades.filter((grade) => grade === 'GOOD').length;
  const excellent = grades.filter((grade) => grade === 'EXCELLENT').length;
  const allowed = excellentQuota(rules, good);
  return { good, excellent, allowed, exceeded: excellent > allowed };
}

/** How many proposals of each grade, best first, leaving out grades nobody got. */
export function gradeCounts(grades: readonly Grade[]): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: grades.filter((g) => g === grade).length })).filter((entry) => entry.count > 0);
}

export interface ResidenceLinkFacts {
  validFrom: string;
  validTo?: string | null;
  comments: readonly { year: number }[];
}

/**
 * Regulation 213 for one member and year: 'none' when the member was not a working member linked to a
 * residence during the year, else whether the residence's comment for that year is recorded.
 */
export function residenceStatus(links: readonly ResidenceLinkFacts[], year: number): 'none' | 'done' | 'missing' {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const during = links.filter((link) => link.validFrom <= end && (!link.validTo || link.validTo >= start));
  if (during.length === 0) return 'none';
  return links.some((link) => link.comments.some((comment) => comment.year === year)) ? 'done' : 'missing';
}

/** The members a cycle grades (Vietnamese order) and those left out (exempt), by the status the roster gives. */
export function splitRoster<M extends { fullName: string; status: MemberStatus }>(members: readonly M[]): { graded: M[]; exempt: M[] } {
  const sorted = [...members].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  return {
    graded: sorted.filter((member) => GRADED_STATUSES.includes(member.status)),
    exempt: sorted.filter((member) => member.status === 'EXEMPT'),
  };
}

/** Of the open cycles that grade members, the one the page works on: the newest year, and in a year the year-end cycle before a quarterly one. */
export function currentCycle<C extends { status: string; subject: string; period: string; year: number }>(cycles: readonly C[]): C | undefined {
  const open = cycles.filter((cycle) => cycle.status === 'OPEN' && cycle.subject === 'MEMBERS');
  return [...open].sort((a, b) => b.year - a.year || Number(b.period === 'YEAR') - Number(a.period === 'YEAR'))[0];
}
