import { compareVietnameseNames, compareVietnameseText } from '@dangvien/ui';
import type { Grade, MemberStatus } from '../generated/graphql.ts';
import type { GradeDecision, GradingRules, Proposal, RosterCell } from './queries.ts';

/** Members who are graded (the server's GRADED_STATUSES): exempt members are left out of the quota. */
export const GRADED_STATUSES: readonly MemberStatus[] = ['OFFICIAL', 'PROBATIONARY'];
export const GRADES: readonly Grade[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];

type Rules = Pick<GradingRules, 'excellentMinScore' | 'goodMinScore' | 'completedMinScore' | 'excellentRequiresAllTasks' | 'excellentMinExceededPercent'>;
type QuotaRules = Pick<GradingRules, 'excellentQuotaPercent'>;

export interface GradeFacts {
  score: number;
  disciplined: boolean;
  allTasksDone: boolean;
  exceededTaskPercent: number;
}

/**
 * The grade the rule set gives, as the server computes it (services/evaluation rules/rule-set.ts): the
 * score's band, capped by discipline and by the excellent grade's task conditions. Shown live while the
 * clerk types; the server's answer is what is recorded.
 */
export function gradeUnder(rules: Rules, facts: GradeFacts): Grade {
  if (facts.disciplined) return 'NOT_COMPLETED';
  if (facts.score >= rules.excellentMinScore) {
    const tasksMet = (!rules.excellentRequiresAllTasks || facts.allTasksDone) && facts.exceededTaskPercent >= rules.excellentMinExceededPercent;
    return tasksMet ? 'EXCELLENT' : 'GOOD';
  }
  if (facts.score >= rules.goodMinScore) return 'GOOD';
  if (facts.score >= rules.completedMinScore) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

/** The most excellent grades allowed for a number of good grades (floor, as the server checks it). */
export function excellentQuota(rules: QuotaRules, goodCount: number): number {
  return Math.floor((goodCount * rules.excellentQuotaPercent) / 100);
}

export interface QuotaCheck {
  excellent: number;
  good: number;
  allowed: number;
  exceeded: boolean;
  /** Fewest excellent grades to lower to good (each lowered one also counts as good) to meet the quota. */
  demote: number;
  /** Fewest more good grades (the excellent unchanged) to meet it; null when no number would (a 0 % quota). */
  moreGood: number | null;
}

/** The excellent quota of the rule set over the grades decided in the cycle, and what would satisfy it. */
export function quotaCheck(rules: QuotaRules, grades: readonly (Grade | undefined)[]): QuotaCheck {
  const excellent = grades.filter((grade) => grade === 'EXCELLENT').length;
  const good = grades.filter((grade) => grade === 'GOOD').length;
  const allowed = excellentQuota(rules, good);
  let demote = 0;
  while (demote < excellent && excellent - demote > excellentQuota(rules, good + demote)) demote++;
  let moreGood: number | null = 0;
  if (excellent > allowed) moreGood = rules.excellentQuotaPercent === 0 ? null : Math.ceil((excellent * 100) / rules.excellentQuotaPercent) - good;
  return { excellent, good, allowed, exceeded: excellent > allowed, demote, moreGood };
}

export interface DecisionRow {
  memberId: string;
  fullName: string;
  cellName: string;
  proposal: Proposal | undefined;
  /** The grade already decided in this cycle, if any, with every decision on it (oldest first). */
  decided: { score: number | null; grade: Grade | null; decisions: readonly GradeDecision[] } | undefined;
}

/** The graded members of the committee's cells with their proposal and decision in the cycle, by cell then name. */
export function decisionRows(cells: readonly RosterCell[], proposals: readonly Proposal[], cycleId: string): DecisionRow[] {
  const byMember = new Map(proposals.map((proposal) => [proposal.member.id, proposal]));
  const rows = cells.flatMap((cell) =>
    (cell.members ?? [])
      .filter((member) => GRADED_STATUSES.includes(member.status))
      .map((member) => {
        const review = (member.reviews ?? []).find((entry) => entry.cycle?.id === cycleId);
        return {
          memberId: member.id,
          fullName: member.fullName,
          cellName: cell.name,
          proposal: byMember.get(member.id),
          decided: review ? { score: review.score ?? null, grade: review.grade ?? null, decisions: review.decisions } : undefined,
        };
      }),
  );
  return rows.sort((a, b) => compareVietnameseText(a.cellName, b.cellName) || compareVietnameseNames(a.fullName, b.fullName));
}

/** The score a row starts with: the one decided, else the cell's proposal, else blank. */
export function initialScore(row: DecisionRow): string {
  const score = row.decided?.score ?? row.proposal?.score;
  return score === undefined || score === null ? '' : String(score);
}

/** A typed score: blank (not decided), a whole number 0–100, or invalid. */
export function parseScore(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,3}$/.test(trimmed)) return 'invalid';
  const score = Number(trimmed);
  return score <= 100 ? score : 'invalid';
}

/** The grade a typed score gives the member, with the proposal's discipline and task facts (the server keeps them). */
export function decidedGrade(rules: Rules, row: DecisionRow, text: string): Grade | undefined {
  const score = parseScore(text);
  if (score === null || score === 'invalid') return undefined;
  return gradeUnder(rules, {
    score,
    disciplined: row.proposal?.disciplined ?? false,
    allTasksDone: row.proposal?.allTasksDone ?? false,
    exceededTaskPercent: row.proposal?.exceededTaskPercent ?? 0,
  });
}

/** The decisions to send: every member with a valid score (omitted facts take the cell's proposal). */
export function decisionsOf(rows: readonly DecisionRow[], scores: Readonly<Record<string, string>>): { memberId: string; score: number }[] {
  return rows.flatMap((row) => {
    const score = parseScore(scores[row.memberId] ?? initialScore(row));
    return typeof score === 'number' ? [{ memberId: row.memberId, score }] : [];
  });
}
