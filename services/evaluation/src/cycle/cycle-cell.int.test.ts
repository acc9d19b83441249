import type { Caller } from '@dangvien/auth';
import { callerWith, dataOf, demoDataSet, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The year-end review as a cell sees it: the members cycle of the grassroots organization above her
 * cell (opened on the ward's party committee), found with her cell's id, and the self-reviews and
 * proposals of that cycle, cut to her scope and to one cell on request.
 */
const demo = demoDataSet();
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const otherCell = demoId('unit', 102);
const farCell = demoId('unit', 111);
const taking = (member: { status: string; cellId: string }, cellId: string) => member.cellId === cellId && ['OFFICIAL', 'PROBATIONARY'].includes(member.status);
const [first, second] = demo.members.filter((member) => taking(member, cell));
const [neighbour] = demo.members.filter((member) => taking(member, otherCell));

const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const otherSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: otherCell });
const farSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: farCell });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => ward);
});
afterAll(async () => federation?.close());

const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);

const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`;
const SELF_REVIEW = `mutation ($input: SelfReviewInput!) { submitSelfReview(input: $input) { member { id } } }`;
const PROPOSE = `mutation ($input: ProposeGradeInput!) { proposeGrade(input: $input) { grade } }`;
const CYCLES = `query ($unitId: ID!) { reviewCycles(unitId: $unitId) { id year subject unit { id } } }`;
const PROGRESS = `query ($cycleId: ID!, $cellId: ID) {
  reviewCycle(id: $cycleId) {
    selfReviews(cellId: $cellId) { member { id fullName } content submittedAt }
    proposals(cellId: $cellId) { member { id } score grade }
  }
}`;
type Progress = { reviewCycle: { selfReviews: { member: { id: string; fullName: string }; content: string }[]; proposals: { member: { id: string }; score: number; grade: string }[] } | null };

let cycleId: string;
const progress = async (who: Caller, cellId?: string) => {
  const data = dataOf(await as(who, () => federation.post<Progress>(PROGRESS, { cycleId, cellId })));
  return { selfReviews: data.reviewCycle?.selfReviews.map((row) => row.member.id).sort(), proposals: data.reviewCycle?.proposals.map((row) => row.member.id).sort() };
};
const sorted = (...ids: string[]) => [...ids].sort();

describe('the year-end review of a cell under a ward’s party committee', () => {
  beforeAll(async () => {
    cycleId = dataOf(await federation.post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year: 2026, period: 'YEAR', closesOn: '2026-12-31' } })).openReviewCycle.id;
    for (const [who, member, score] of [[secretary, first!, 92], [secretary, second!, 75], [otherSecretary, neighbour!, 60]] as const) {
      dataOf(await as(who, () => federation.post(SELF_REVIEW, { input: { cycleId, memberId: member.id, content: `Bản tự kiểm điểm của ${member.fullName}` } })));
      dataOf(await as(who, () => federation.post(PROPOSE, { input: { cycleId, memberId: member.id, score } })));
    }
  });

  it('finds the cycle of the grassroots organization from the cell’s id', async () => {
    for (const unitId of [cell, committee]) {
      const cycles = dataOf(await as(secretary, () => federation.post<{ reviewCycles: unknown[] }>(CYCLES, { unitId }))).reviewCycles;
      expect(cycles).toEqual([{ id: cycleId, year: 2026, subject: 'MEMBERS', unit: { id: committee } }]);
    }
  });

  it('shows nothing of it to a cell of another grassroots organization', async () => {
    for (const unitId of [cell, farCell]) expect(dataOf(await as(farSecretary, () => federation.post<{ reviewCycles: unknown[] }>(CYCLES, { unitId }))).reviewCycles).toEqual([]);
    expect(dataOf(await as(farSecretary, () => federation.post<Progress>(PROGRESS, { cycleId }))).reviewCycle).toBeNull();
  });

  it('lists the self-reviews and proposals of the secretary’s own cell, with or without the cell filter', async () => {
    const own = { selfReviews: sorted(first!.id, second!.id), proposals: sorted(first!.id, second!.id) };
    expect(await progress(secretary, cell)).toEqual(own);
    expect(await progress(secretary)).toEqual(own);
    expect(await progress(secretary, otherCell)).toEqual({ selfReviews: [], proposals: [] });
    const data = dataOf(await as(secretary, () => federation.post<Progress>(PROGRESS, { cycleId, cellId: cell })));
    expect(data.reviewCycle!.selfReviews.find((row) => row.member.id === first!.id)).toMatchObject({ member: { fullName: first!.fullName }, content: `Bản tự kiểm điểm của ${first!.fullName}` });
    expect(data.reviewCycle!.proposals.find((row) => row.member.id === first!.id)).toMatchObject({ score: 92 });
  });

  it('lists every cell’s for the ward, and one cell’s on request', async () => {
    expect(await progress(ward)).toEqual({ selfReviews: sorted(first!.id, second!.id, neighbour!.id), proposals: sorted(first!.id, second!.id, neighbour!.id) });
    expect(await progress(ward, otherCell)).toEqual({ selfReviews: [neighbour!.id], proposals: [neighbour!.id] });
  });

  it('refuses a cell filter that is not an id', async () => {
    const response = await as(secretary, () => federation.post(PROGRESS, { cycleId, cellId: 'chi-bo-1' }));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cellId' });
  });

  it('gives the ward the task facts the cell recorded with a proposal, which its decision keeps unless it says otherwise', async () => {
    const FACTS = `query ($cycleId: ID!) { reviewCycle(id: $cycleId) { proposals { member { id } grade allTasksDone exceededTaskPercent } } }`;
    type Facts = { reviewCycle: { proposals: { member: { id: string }; grade: string; allTasksDone: boolean; exceededTaskPercent: number }[] } };
    dataOf(await as(secretary, () => federation.post(PROPOSE, { input: { cycleId, memberId: second!.id, score: 95, allTasksDone: true, exceededTaskPercent: 35 } })));
    const rows = dataOf(await as(ward, () => federation.post<Facts>(FACTS, { cycleId }))).reviewCycle.proposals;
    expect(rows.find((row) => row.member.id === second!.id)).toEqual({ member: { id: second!.id }, grade: 'EXCELLENT', allTasksDone: true, exceededTaskPercent: 35 });
    expect(rows.find((row) => row.member.id === first!.id)).toMatchObject({ allTasksDone: false, exceededTaskPercent: 0 });
  });
});
