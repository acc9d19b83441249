import { describe, expect, it } from 'vitest';
import { excellentQuota, gradeUnder, periodBounds } from './rule-set.ts';
import type { RuleSetRow } from './rules.tables.ts';

const rules366: RuleSetRow = {
  id: '40000000-0000-4000-8000-000000000366',
  code: '366-QĐ/TW',
  name: 'Quy định 366-QĐ/TW',
  valid_from: '2025-08-30',
  excellent_min_score: 90,
  good_min_score: 70,
  completed_min_score: 50,
  excellent_requires_all_tasks: true,
  excellent_min_exceeded_percent: 30,
  excellent_quota_percent: 20,
  residence_comment_required: true,
};
const facts = (score: number, extra: Partial<Parameters<typeof gradeUnder>[1]> = {}) => ({ score, disciplined: false, allTasksDone: true, exceededTaskPercent: 30, ...extra });

describe('grading under a rule set', () => {
  it.each([
    [100, 'EXCELLENT'],
    [90, 'EXCELLENT'],
    [89, 'GOOD'],
    [70, 'GOOD'],
    [69, 'COMPLETED'],
    [50, 'COMPLETED'],
    [49, 'NOT_COMPLETED'],
    [0, 'NOT_COMPLETED'],
  ])('gives %i points %s', (score, grade) => expect(gradeUnder(rules366, facts(score))).toBe(grade));

  it('needs every task done and 30% exceeded for excellent, and caps a disciplined member', () => {
    expect(gradeUnder(rules366, facts(95, { allTasksDone: false }))).toBe('GOOD');
    expect(gradeUnder(rules366, facts(95, { exceededTaskPercent: 29 }))).toBe('GOOD');
    expect(gradeUnder(rules366, facts(95, { disciplined: true }))).toBe('NOT_COMPLETED');
  });

  it('allows 20% of the good grades as excellent, rounded down', () => {
    expect([0, 4, 5, 10, 14, 15].map((good) => excellentQuota(rules366, good))).toEqual([0, 0, 1, 2, 2, 3]);
  });

  it('knows the days of each period', () => {
    expect(periodBounds(2026, 'YEAR')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodBounds(2024, 'Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds(2026, 'Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodBounds(2026, 'Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});
