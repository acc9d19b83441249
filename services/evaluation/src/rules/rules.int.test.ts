import { callerWith, demoDataSet, demoId, postGraphQL } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Rule sets are dated data: a review uses the rule set valid for its period, and a new rule set never
 * rewrites decisions made (or cycles opened) under an older one.
 */
const demo = demoDataSet();
const committee = demoId('unit', 12);
const cells = demo.orgUnits.filter((unit) => unit.parentId === committee).map((unit) => unit.id);
const [first, second, third] = demo.members.filter((member) => cells.includes(member.cellId) && member.status === 'OFFICIAL');
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const TEST_RULE_SET = '40000000-0000-4000-8000-000000009999';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => ward);
});
afterAll(async () => federation?.close());

const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(federation.gateway.url, query, variables);
const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id ruleSet { code goodMinScore } } }`;
const DECIDE = `mutation ($cycleId: ID!, $decisions: [GradeDecisionInput!]!) { decideGrades(cycleId: $cycleId, decisions: $decisions) { id grade ruleSet { code } } }`;
const REVIEW = `query ($id: ID!) { review(id: $id) { grade period ruleSet { code } cycle { ruleSet { code } } } }`;
type Cycle = { openReviewCycle: { id: string; ruleSet: { code: string; goodMinScore: number } } };
type Decided = { decideGrades: { id: string; grade: string; ruleSet: { code: string } }[] };

const open = async (period: string, closesOn: string) => {
  const response = await post<Cycle>(OPEN, { input: { unitId: committee, year: 2026, period, closesOn } });
  expect(response.errors).toBeUndefined();
  return response.data!.openReviewCycle;
};
const decide = async (cycleId: string, memberId: string, score: number) => {
  const response = await post<Decided>(DECIDE, { cycleId, decisions: [{ memberId, score }] });
  expect(response.errors).toBeUndefined();
  return response.data!.decideGrades[0]!;
};

describe('rule sets as dated configuration', () => {
  it('holds Quy định 132, 124 and 366 with their dates, thresholds, quota and residence comment', async () => {
    const response = await post<{ ruleSets: Record<string, unknown>[] }>(
      '{ ruleSets { code validFrom excellentMinScore goodMinScore completedMinScore excellentMinExceededPercent excellentQuotaPercent residenceCommentRequired } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.ruleSets.map((ruleSet) => [ruleSet.code, ruleSet.validFrom])).toEqual([
      ['132-QĐ/TW', '2018-03-08'],
      ['124-QĐ/TW', '2023-10-04'],
      ['366-QĐ/TW', '2025-08-30'],
    ]);
    expect(response.data!.ruleSets[2]).toMatchObject({ excellentMinScore: 90, goodMinScore: 70, completedMinScore: 50, excellentMinExceededPercent: 30, excellentQuotaPercent: 20, residenceCommentRequired: true });
  });

  it('grades each period under its own rule set, and never rewrites a decision when the rules change', async () => {
    const annual = await open('YEAR', '2027-01-31');
    expect(annual.ruleSet.code).toBe('366-QĐ/TW');
    const decidedBefore = await decide(annual.id, first!.id, 75);
    expect(decidedBefore).toMatchObject({ grade: 'GOOD', ruleSet: { code: '366-QĐ/TW' } });

    // A (test) regulation from 1 April 2026 with stricter numbers: good needs 80, completed 60.
    await sql`INSERT INTO rule_set VALUES (${TEST_RULE_SET}, 'TEST-2026', 'Quy định thử nghiệm', '2026-04-01', 95, 80, 60, true, 30, 50, false)`.execute(federation.evaluation.db);

    const q1 = await open('Q1', '2026-04-15'); // ends 31 March: still 366
    const q2 = await open('Q2', '2026-07-15'); // ends 30 June: the new one
    expect(q1.ruleSet).toEqual({ code: '366-QĐ/TW', goodMinScore: 70 });
    expect(q2.ruleSet).toEqual({ code: 'TEST-2026', goodMinScore: 80 });
    expect(await decide(q1.id, second!.id, 75)).toMatchObject({ grade: 'GOOD', ruleSet: { code: '366-QĐ/TW' } });
    expect(await decide(q2.id, second!.id, 75)).toMatchObject({ grade: 'COMPLETED', ruleSet: { code: 'TEST-2026' } });
    expect(await decide(q2.id, third!.id, 55)).toMatchObject({ grade: 'NOT_COMPLETED' }); // 366 would say COMPLETED

    // The annual decision made before keeps its grade and rule set; the cycle keeps its rule set too.
    const kept = await post<{ review: Record<string, unknown> }>(REVIEW, { id: decidedBefore.id });
    expect(kept.data!.review).toEqual({ grade: 'GOOD', period: 'YEAR', ruleSet: { code: '366-QĐ/TW' }, cycle: { ruleSet: { code: '366-QĐ/TW' } } });
    expect(await decide(annual.id, third!.id, 75)).toMatchObject({ grade: 'GOOD', ruleSet: { code: '366-QĐ/TW' } });
  });

  it('shows quarterly and annual reviews on the member, the annual one first', async () => {
    type Reviews = { review: { member: { reviews: { year: number; period: string }[]; latestReview: { year: number; period: string } } } };
    const response = await post<Reviews>(
      `query ($id: ID!) { review(id: $id) { member { reviews { year period grade } latestReview { year period } } } }`,
      { id: (await federation.evaluation.db.selectFrom('review').select('id').where('member_id', '=', second!.id).where('period', '=', 'Q2').executeTakeFirstOrThrow()).id },
    );
    expect(response.errors).toBeUndefined();
    const member = response.data!.review.member;
    expect(member.reviews.filter((review) => review.year === 2026).map((review) => review.period)).toEqual(['Q2', 'Q1']);
    expect(member.latestReview).toEqual({ year: 2026, period: 'Q2' });
  });
});
