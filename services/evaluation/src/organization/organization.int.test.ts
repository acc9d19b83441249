import { callerWith, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import type { GradeDistribution } from '../generated/graphql.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** The ward grades the cells directly under it in an ORGANIZATIONS cycle, under the rule set of the period. */
const committee = demoId('unit', 10);
const [cellA, cellB] = [demoId('unit', 101), demoId('unit', 102)];
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });

let subgraph: TestSubgraph<EvaluationDatabase>;
let cycleId: string;
beforeAll(async () => {
  subgraph = await startEvaluationWithDemoPlacements();
  const opened = await subgraph.post<{ openReviewCycle: { id: string } }>(
    `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`,
    { input: { unitId: committee, year: 2025, period: 'YEAR', closesOn: '2026-01-31', subject: 'ORGANIZATIONS' } },
    ward,
  );
  expect(opened.errors).toBeUndefined();
  cycleId = opened.data!.openReviewCycle.id;
});
afterAll(async () => subgraph?.close());

const DECIDE = `mutation ($cycleId: ID!, $decisions: [OrganizationGradeInput!]!) {
  decideOrganizationGrades(cycleId: $cycleId, decisions: $decisions) { unit { id } year period score grade disciplined cycle { id } ruleSet { code } }
}`;
const READ = `query ($unitId: ID!) {
  organizationReviews(unitId: $unitId, year: 2025) { unit { id } grade }
  organizationGrades(unitId: $unitId, year: 2025) { excellent good completed notCompleted total }
}`;

describe('grades of organizations', () => {
  it('decides each cell’s grade under the cycle’s rule set, then reads them and their distribution', async () => {
    const decided = await subgraph.post(DECIDE, { cycleId, decisions: [{ unitId: cellA, score: 95, allTasksDone: true, exceededTaskPercent: 40 }, { unitId: cellB, score: 75 }] }, ward);
    expect(decided.errors).toBeUndefined();
    expect(decided.data).toEqual({
      decideOrganizationGrades: [
        { unit: { id: cellA }, year: 2025, period: 'YEAR', score: 95, grade: 'EXCELLENT', disciplined: false, cycle: { id: cycleId }, ruleSet: { code: '366-QĐ/TW' } },
        { unit: { id: cellB }, year: 2025, period: 'YEAR', score: 75, grade: 'GOOD', disciplined: false, cycle: { id: cycleId }, ruleSet: { code: '366-QĐ/TW' } },
      ],
    });
    const read = await subgraph.post<{ organizationReviews: unknown[]; organizationGrades: GradeDistribution }>(READ, { unitId: committee }, ward);
    expect(read.data!.organizationReviews).toEqual([{ unit: { id: cellA }, grade: 'EXCELLENT' }, { unit: { id: cellB }, grade: 'GOOD' }]);
    expect(read.data!.organizationGrades).toEqual({ excellent: 1, good: 1, completed: 0, notCompleted: 0, total: 2 });
  });

  it('refuses a unit that is not directly under the cycle’s unit', async () => {
    const response = await subgraph.post(DECIDE, { cycleId, decisions: [{ unitId: demoId('unit', 111), score: 80 }] }, ward);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', unitId: demoId('unit', 111) });
  });
});
