import { describe, expect, it } from 'vitest';
import { currentCycle, excellentQuota, gradeBands, gradeCounts, gradeUnder, quotaOf, residenceStatus, splitRoster, type GradingRules } from './review.ts';
import { proposalDefaults, proposalFacts, proposalSchema, selfReviewSchema } from './schemas.ts';

/** Quy định 366-QĐ/TW as the evaluation migrations seed it. */
const rules366: GradingRules = {
  excellentMinScore: 90,
  goodMinScore: 70,
  completedMinScore: 50,
  excellentRequiresAllTasks: true,
  excellentMinExceededPercent: 30,
  excellentQuotaPercent: 20,
};
const facts = (score: number, more: Partial<{ disciplined: boolean; allTasksDone: boolean; exceededTaskPercent: number }> = {}) => ({
  score,
  disciplined: false,
  allTasksDone: true,
  exceededTaskPercent: 30,
  ...more,
});

describe('gradeUnder (the server rule, shown while typing)', () => {
  it('gives the score band', () => {
    expect(gradeUnder(rules366, facts(95))).toBe('EXCELLENT');
    expect(gradeUnder(rules366, facts(90))).toBe('EXCELLENT');
    expect(gradeUnder(rules366, facts(89))).toBe('GOOD');
    expect(gradeUnder(rules366, facts(70))).toBe('GOOD');
    expect(gradeUnder(rules366, facts(69))).toBe('COMPLETED');
    expect(gradeUnder(rules366, facts(50))).toBe('COMPLETED');
    expect(gradeUnder(rules366, facts(49))).toBe('NOT_COMPLETED');
    expect(gradeUnder(rules366, facts(0))).toBe('NOT_COMPLETED');
  });

  it('caps an excellent score at good when the task conditions are not met', () => {
    expect(gradeUnder(rules366, facts(95, { allTasksDone: false }))).toBe('GOOD');
    expect(gradeUnder(rules366, facts(95, { exceededTaskPercent: 29 }))).toBe('GOOD');
    expect(gradeUnder({ ...rules366, excellentRequiresAllTasks: false, excellentMinExceededPercent: 0 }, facts(95, { allTasksDone: false, exceededTaskPercent: 0 }))).toBe('EXCELLENT');
  });

  it('grades a member disciplined in the year as not completed, whatever the score', () => {
    expect(gradeUnder(rules366, facts(100, { disciplined: true }))).toBe('NOT_COMPLETED');
  });
});

describe('gradeBands (the guidance shown)', () => {
  it('reads the bands off the rule set', () => {
    expect(gradeBands(rules366)).toEqual({
      EXCELLENT: { key: 'bandExcellentWithTasks', values: { min: 90, percent: 30 } },
      GOOD: { key: 'bandRange', values: { min: 70, max: 89 } },
      COMPLETED: { key: 'bandRange', values: { min: 50, max: 69 } },
      NOT_COMPLETED: { key: 'bandBelow', values: { max: 50 } },
    });
    expect(gradeBands({ ...rules366, excellentRequiresAllTasks: false, excellentMinExceededPercent: 0, goodMinScore: 75 }).GOOD).toEqual({ key: 'bandRange', values: { min: 75, max: 89 } });
  });
});

describe('the excellent quota', () => {
  it('allows the rule set percentage of good grades, rounded down', () => {
    expect(excellentQuota(rules366, 4)).toBe(0);
    expect(excellentQuota(rules366, 5)).toBe(1);
    expect(excellentQuota(rules366, 9)).toBe(1);
    expect(excellentQuota(rules366, 10)).toBe(2);
  });

  it('is exceeded when the cell proposes more excellent grades than allowed', () => {
    expect(quotaOf(rules366, ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD', 'EXCELLENT', 'COMPLETED'])).toEqual({ good: 5, excellent: 1, allowed: 1, exceeded: false });
    expect(quotaOf(rules366, ['GOOD', 'GOOD', 'EXCELLENT'])).toEqual({ good: 2, excellent: 1, allowed: 0, exceeded: true });
    expect(quotaOf(rules366, [])).toEqual({ good: 0, excellent: 0, allowed: 0, exceeded: false });
  });

  it('counts proposals per grade, best first, leaving out grades nobody got', () => {
    expect(gradeCounts(['COMPLETED', 'GOOD', 'GOOD', 'EXCELLENT'])).toEqual([
      { grade: 'EXCELLENT', count: 1 },
      { grade: 'GOOD', count: 2 },
      { grade: 'COMPLETED', count: 1 },
    ]);
  });
});

describe('residenceStatus (Regulation 213)', () => {
  it('is none for a member with no tie to a residence during the year', () => {
    expect(residenceStatus([], 2026)).toBe('none');
    expect(residenceStatus([{ validFrom: '2020-01-01', validTo: '2025-06-30', comments: [{ year: 2024 }] }], 2026)).toBe('none');
    expect(residenceStatus([{ validFrom: '2027-01-10', validTo: null, comments: [] }], 2026)).toBe('none');
  });

  it('needs the comment of the cycle year for a working member linked during it', () => {
    expect(residenceStatus([{ validFrom: '2026-01-15', validTo: null, comments: [] }], 2026)).toBe('missing');
    expect(residenceStatus([{ validFrom: '2024-01-15', validTo: null, comments: [{ year: 2025 }] }], 2026)).toBe('missing');
    expect(residenceStatus([{ validFrom: '2024-01-15', validTo: '2026-03-01', comments: [{ year: 2025 }, { year: 2026 }] }], 2026)).toBe('done');
  });
});

describe('splitRoster', () => {
  it('grades official and probationary members in Vietnamese order and leaves exempt members out', () => {
    const roster = [
      { fullName: 'Trần Văn Bình', status: 'OFFICIAL' as const },
      { fullName: 'Nguyễn Thị An', status: 'EXEMPT' as const },
      { fullName: 'Lê Văn An', status: 'PROBATIONARY' as const },
    ];
    const { graded, exempt } = splitRoster(roster);
    expect(graded.map((member) => member.fullName)).toEqual(['Lê Văn An', 'Trần Văn Bình']);
    expect(exempt.map((member) => member.fullName)).toEqual(['Nguyễn Thị An']);
  });
});

describe('currentCycle', () => {
  const cycle = (id: string, year: number, period: string, status = 'OPEN', subject = 'MEMBERS') => ({ id, year, period, status, subject });
  it('takes the open members cycle of the newest year, the year-end one before a quarter', () => {
    expect(currentCycle([cycle('q4', 2026, 'Q4'), cycle('y', 2026, 'YEAR'), cycle('old', 2025, 'YEAR')])?.id).toBe('y');
  });
  it('ignores closed cycles and those grading organizations', () => {
    expect(currentCycle([cycle('c', 2026, 'YEAR', 'CLOSED'), cycle('o', 2026, 'YEAR', 'OPEN', 'ORGANIZATIONS')])).toBeUndefined();
  });
});

describe('the forms’ schemas', () => {
  it('requires the self-review text', () => {
    expect(selfReviewSchema.safeParse({ content: '   ' }).error?.issues[0]?.message).toBe('Ghi nội dung bản tự kiểm điểm.');
    expect(selfReviewSchema.safeParse({ content: 'Hoàn thành tốt nhiệm vụ' }).success).toBe(true);
  });

  it('takes a whole score from 0 to 100 and yes/no answers', () => {
    const ok = proposalSchema.safeParse({ score: 92, allTasksDone: 'yes', exceededTaskPercent: 40, disciplined: 'no' });
    expect(ok.success && proposalFacts(ok.data)).toEqual({ score: 92, allTasksDone: true, exceededTaskPercent: 40, disciplined: false });
    for (const score of [Number.NaN, -1, 101, 80.5]) {
      expect(proposalSchema.safeParse({ score, allTasksDone: 'yes', exceededTaskPercent: 0, disciplined: 'no' }).error?.issues[0]?.message).toBe(
        'Nhập điểm là số nguyên từ 0 đến 100.',
      );
    }
  });

  it('starts a rewrite of an excellent proposal from facts that keep it excellent', () => {
    const defaults = proposalDefaults(rules366, { score: 95, grade: 'EXCELLENT', disciplined: false });
    expect(gradeUnder(rules366, proposalFacts(defaults))).toBe('EXCELLENT');
    expect(proposalDefaults(rules366, { score: 80, grade: 'GOOD', disciplined: true })).toEqual({ score: 80, allTasksDone: 'yes', exceededTaskPercent: 0, disciplined: 'yes' });
    expect(Number.isNaN(proposalDefaults(rules366, undefined).score)).toBe(true);
  });
});
