import { describe, expect, it } from 'vitest';
import type { Grade } from '../generated/graphql.ts';
import { decidedGrade, decisionRows, decisionsOf, gradeUnder, initialScore, parseScore, quotaCheck, type DecisionRow } from './grading.ts';
import type { Proposal, RosterCell } from './queries.ts';

const RULES_366 = { excellentMinScore: 90, goodMinScore: 70, completedMinScore: 50, excellentRequiresAllTasks: true, excellentMinExceededPercent: 30, excellentQuotaPercent: 20 };
const grades = (excellent: number, good: number, completed = 0): Grade[] => [
  ...Array<Grade>(excellent).fill('EXCELLENT'),
  ...Array<Grade>(good).fill('GOOD'),
  ...Array<Grade>(completed).fill('COMPLETED'),
];

describe('quotaCheck (excellent ≤ the rule set’s share of good)', () => {
  it('allows the floor of 20 % of the good grades', () => {
    expect(quotaCheck(RULES_366, grades(1, 5))).toEqual({ excellent: 1, good: 5, allowed: 1, exceeded: false, demote: 0, moreGood: 0 });
    expect(quotaCheck(RULES_366, grades(1, 4, 3))).toMatchObject({ allowed: 0, exceeded: true });
    expect(quotaCheck(RULES_366, grades(2, 10))).toMatchObject({ allowed: 2, exceeded: false });
  });

  it('says how many excellent grades to lower: each lowered one counts as good', () => {
    // 2 excellent, 4 good: lowering one gives 1 excellent for 5 good, allowed 1.
    expect(quotaCheck(RULES_366, grades(2, 4))).toMatchObject({ excellent: 2, good: 4, allowed: 0, exceeded: true, demote: 1, moreGood: 6 });
    // 3 excellent, 0 good: lowering all three is the only way (3 good allow none).
    expect(quotaCheck(RULES_366, grades(3, 0))).toMatchObject({ demote: 3, moreGood: 15 });
    expect(quotaCheck(RULES_366, grades(4, 6))).toMatchObject({ allowed: 1, demote: 3, moreGood: 14 });
  });

  it('reads the percentage from the rule set, not a constant; a 0 % quota cannot be met by more good grades', () => {
    expect(quotaCheck({ excellentQuotaPercent: 50 }, grades(2, 4))).toMatchObject({ allowed: 2, exceeded: false });
    expect(quotaCheck({ excellentQuotaPercent: 0 }, grades(1, 9))).toMatchObject({ allowed: 0, exceeded: true, demote: 1, moreGood: null });
  });

  it('ignores members not yet decided', () => {
    expect(quotaCheck(RULES_366, [undefined, 'EXCELLENT', undefined, ...grades(0, 5)])).toMatchObject({ excellent: 1, good: 5, exceeded: false });
  });
});

describe('gradeUnder', () => {
  const facts = { disciplined: false, allTasksDone: true, exceededTaskPercent: 40 };
  it('gives the band of the score, excellent only with the task conditions, not completed when disciplined', () => {
    expect(gradeUnder(RULES_366, { ...facts, score: 95 })).toBe('EXCELLENT');
    expect(gradeUnder(RULES_366, { ...facts, score: 95, exceededTaskPercent: 20 })).toBe('GOOD');
    expect(gradeUnder(RULES_366, { ...facts, score: 95, allTasksDone: false })).toBe('GOOD');
    expect(gradeUnder(RULES_366, { ...facts, score: 89 })).toBe('GOOD');
    expect(gradeUnder(RULES_366, { ...facts, score: 69 })).toBe('COMPLETED');
    expect(gradeUnder(RULES_366, { ...facts, score: 49 })).toBe('NOT_COMPLETED');
    expect(gradeUnder(RULES_366, { ...facts, score: 95, disciplined: true })).toBe('NOT_COMPLETED');
  });
});

const proposal = (memberId: string, score: number, grade: Grade, extra: Partial<Proposal> = {}): Proposal => ({
  member: { id: memberId },
  score,
  grade,
  disciplined: false,
  allTasksDone: false,
  exceededTaskPercent: 0,
  ...extra,
});

describe('decision rows', () => {
  const cells = [
    {
      id: 'c2',
      name: 'Chi bộ Tổ dân phố số 2',
      kind: 'CELL',
      members: [{ id: 'm3', fullName: 'Trần Văn An', status: 'OFFICIAL', reviews: [] }],
    },
    {
      id: 'c1',
      name: 'Chi bộ Tổ dân phố số 1',
      kind: 'CELL',
      members: [
        { id: 'm1', fullName: 'Lê Kim Mai', status: 'OFFICIAL', reviews: [{ id: 'r1', year: 2026, period: 'YEAR', score: 80, grade: 'GOOD', cycle: { id: 'cy' } }] },
        { id: 'm2', fullName: 'Đỗ Minh Mai', status: 'PROBATIONARY', reviews: [{ id: 'r0', year: 2025, period: 'YEAR', score: 99, grade: 'EXCELLENT', cycle: null }] },
        { id: 'm4', fullName: 'Phạm Văn Bình', status: 'EXEMPT', reviews: [] },
      ],
    },
  ] as unknown as RosterCell[];
  const rows = decisionRows(cells, [proposal('m1', 85, 'GOOD'), proposal('m2', 92, 'EXCELLENT', { allTasksDone: true, exceededTaskPercent: 40 })], 'cy');

  it('lists the graded members by cell then given name, with this cycle’s decision only', () => {
    expect(rows.map((row) => [row.cellName, row.fullName])).toEqual([
      ['Chi bộ Tổ dân phố số 1', 'Đỗ Minh Mai'],
      ['Chi bộ Tổ dân phố số 1', 'Lê Kim Mai'],
      ['Chi bộ Tổ dân phố số 2', 'Trần Văn An'],
    ]);
    expect(rows.map((row) => row.decided?.score)).toEqual([undefined, 80, undefined]);
    expect(rows.map(initialScore)).toEqual(['92', '80', '']);
  });

  it('grades a typed score with the proposal’s task facts, and sends every valid score', () => {
    const [mai, lan, an] = rows as [DecisionRow, DecisionRow, DecisionRow];
    expect(decidedGrade(RULES_366, mai, '95')).toBe('EXCELLENT');
    expect(decidedGrade(RULES_366, lan, '95')).toBe('GOOD'); // the cell did not record the tasks as done
    expect(decidedGrade(RULES_366, an, '')).toBeUndefined();
    expect(decisionsOf(rows, { m2: '88', m3: 'abc' })).toEqual([
      { memberId: 'm2', score: 88 },
      { memberId: 'm1', score: 80 },
    ]);
  });

  it('accepts whole scores from 0 to 100 only', () => {
    expect(['', '0', '100', '101', '9.5', '-1', ' 70 '].map(parseScore)).toEqual([null, 0, 100, 'invalid', 'invalid', 'invalid', 70]);
  });
});
