import type { Caller } from '@dangvien/auth';
import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import type { Grade } from '../generated/graphql.ts';

/**
 * Review cycles through the gateway: the cell proposes, the grassroots committee decides under the
 * cycle's rule set, the excellent quota holds per grassroots organization, and failures change nothing.
 */
const demo = demoDataSet();
const committee = demoId('unit', 10);
const otherCommittee = demoId('unit', 11);
const cell = demoId('unit', 101);
const cellsOf = (committeeId: string) => demo.orgUnits.filter((unit) => unit.parentId === committeeId).map((unit) => unit.id);
const graded = (committeeId: string) => demo.members.filter((member) => cellsOf(committeeId).includes(member.cellId) && ['OFFICIAL', 'PROBATIONARY'].includes(member.status));
const cellMembers = graded(committee).filter((member) => member.cellId === cell);
/** The committee's graded members, those of cell 101 last (its last ones are kept for the proposal cases). */
const committeeMembers = [...graded(committee).filter((member) => member.cellId !== cell), ...cellMembers];
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const caller: Caller = ward;

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => caller);
});
afterAll(async () => federation?.close());

const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);
const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);

const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id year period status ruleSet { code } unit { id name } } }`;
const CLOSE = `mutation ($id: ID!) { closeReviewCycle(id: $id) { id status } }`;
const PROPOSE = `mutation ($input: ProposeGradeInput!) { proposeGrade(input: $input) { score grade disciplined member { id } ruleSet { code } } }`;
const DECIDE = `mutation ($cycleId: ID!, $decisions: [GradeDecisionInput!]!) {
  decideGrades(cycleId: $cycleId, decisions: $decisions) { id year period score grade member { id fullName } ruleSet { code } cycle { id } }
}`;
const SELF_REVIEW = `mutation ($input: SelfReviewInput!) { submitSelfReview(input: $input) { content member { id } } }`;
const DISTRIBUTION = `query ($unitId: ID!, $year: Int!) { gradeDistribution(unitId: $unitId, year: $year) { excellent good completed notCompleted total } }`;

type Decided = { id: string; grade: Grade; score: number; member: { id: string; fullName: string }; ruleSet: { code: string } };
const excellent = (memberId: string) => ({ memberId, score: 95, allTasksDone: true, exceededTaskPercent: 40 });
const good = (memberId: string) => ({ memberId, score: 80 });

/** Everything a failed call must leave untouched in evaluation's database. */
const counts = async () => {
  const db = federation.evaluation.db;
  const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return { reviews: await count('review'), proposals: await count('grade_proposal'), selfReviews: await count('self_review'), cycles: await count('review_cycle'), audit: await count('audit_log') };
};
const expectRefused = async (response: { errors?: { message: string; extensions?: { code?: string } }[] }, code: string) => {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưố]/i);
};

let cycleId: string;

describe('review cycles and grading (2026)', () => {
  it('opens a 2026 annual cycle for the grassroots committee under Quy định 366', async () => {
    expect(committeeMembers.length).toBeGreaterThanOrEqual(20); // enough members for the quota cases below
    const response = await post<{ openReviewCycle: { id: string; status: string; ruleSet: { code: string }; unit: { name: string } } }>(OPEN, {
      input: { unitId: committee, year: 2026, period: 'YEAR', closesOn: '2027-01-31' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.openReviewCycle).toMatchObject({ status: 'OPEN', ruleSet: { code: '366-QĐ/TW' }, unit: { name: 'Đảng bộ thị trấn Xuân Trường' } });
    cycleId = response.data!.openReviewCycle.id;
  });

  it('refuses 3 excellent for 14 good (21%) naming the excess, and changes nothing', async () => {
    const before = await counts();
    const [a, b, c, ...rest] = committeeMembers;
    const response = await post(DECIDE, { cycleId, decisions: [...[a, b, c].map((member) => excellent(member!.id)), ...rest.slice(0, 14).map((member) => good(member.id))] });
    await expectRefused(response, 'CONFLICT');
    expect(response.errors![0]!.message).toBe('Số đảng viên xếp loại xuất sắc (3) vượt 20% số xếp loại tốt (14): tối đa 2.');
    expect(await counts()).toEqual(before);
  });

  it('accepts 2 excellent for 10 good (20%), each decision keeping the rule set it was made under', async () => {
    const before = await counts();
    const [a, b, ...rest] = committeeMembers;
    const response = await post<{ decideGrades: Decided[] }>(DECIDE, { cycleId, decisions: [excellent(a!.id), excellent(b!.id), ...rest.slice(0, 10).map((member) => good(member.id))] });
    expect(response.errors).toBeUndefined();
    const decided = response.data!.decideGrades;
    expect(decided.map((review) => review.grade)).toEqual(['EXCELLENT', 'EXCELLENT', ...Array<Grade>(10).fill('GOOD')]);
    expect(decided[0]!.member.fullName).toBe(a!.fullName); // resolved by membership through the gateway
    expect(new Set(decided.map((review) => review.ruleSet.code))).toEqual(new Set(['366-QĐ/TW']));
    expect(await counts()).toMatchObject({ reviews: before.reviews + 12, audit: before.audit + 12 });
    // The third excellent would now break the quota again: 3 > 20% of 10.
    const third = await post(DECIDE, { cycleId, decisions: [excellent(rest[10]!.id)] });
    expect(third.errors?.[0]?.message).toBe('Số đảng viên xếp loại xuất sắc (3) vượt 20% số xếp loại tốt (10): tối đa 2.');
  });

  it('gives good, not excellent, to a 95 without every task done and 30% exceeded', async () => {
    const member = committeeMembers[13]!;
    const response = await post<{ decideGrades: Decided[] }>(DECIDE, { cycleId, decisions: [{ memberId: member.id, score: 95, allTasksDone: true, exceededTaskPercent: 20 }] });
    expect(response.errors).toBeUndefined();
    expect(response.data!.decideGrades[0]!.grade).toBe('GOOD');
  });

  it('grades a disciplined member no higher than not completed, from the cell’s proposal to the decision', async () => {
    const member = cellMembers.at(-1)!;
    expect(committeeMembers.indexOf(member)).toBeGreaterThan(13); // not graded above
    const selfReview = await as(secretary, () => post(SELF_REVIEW, { input: { cycleId, memberId: member.id, content: 'Bản tự kiểm điểm năm 2026' } }));
    expect(selfReview.errors).toBeUndefined();
    const proposed = await as(secretary, () => post<{ proposeGrade: { grade: Grade; disciplined: boolean } }>(PROPOSE, { input: { cycleId, memberId: member.id, score: 85, disciplined: true } }));
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeGrade).toMatchObject({ grade: 'NOT_COMPLETED', disciplined: true });
    // The committee takes the proposal; even a higher score does not lift the grade.
    const decided = await post<{ decideGrades: Decided[] }>(DECIDE, { cycleId, decisions: [{ memberId: member.id, score: 92, allTasksDone: true, exceededTaskPercent: 50 }] });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideGrades[0]).toMatchObject({ grade: 'NOT_COMPLETED', score: 92 });
    // Without the flag the same proposal would be good.
    const other = cellMembers.at(-2)!;
    const proposedOther = await as(secretary, () => post<{ proposeGrade: { grade: Grade } }>(PROPOSE, { input: { cycleId, memberId: other.id, score: 85 } }));
    expect(proposedOther.data!.proposeGrade.grade).toBe('GOOD');
  });

  describe('refuses with a clear code and changes nothing', () => {
    let closedCycleId: string;
    beforeAll(async () => {
      const opened = await post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year: 2026, period: 'Q1', closesOn: '2026-04-15' } });
      closedCycleId = opened.data!.openReviewCycle.id;
      expect((await post(CLOSE, { id: closedCycleId })).errors).toBeUndefined();
    });

    const member = () => cellMembers[0]!;
    it.each([
      ['a proposed score above 100', () => as(secretary, () => post(PROPOSE, { input: { cycleId, memberId: member().id, score: 101 } })), 'BAD_USER_INPUT'],
      ['a decided score below 0', () => post(DECIDE, { cycleId, decisions: [{ memberId: member().id, score: -1 }] }), 'BAD_USER_INPUT'],
      ['a decision on another committee’s cycle', () => as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: otherCommittee }), () => post(DECIDE, { cycleId, decisions: [good(member().id)] })), 'NOT_FOUND'],
      ['a decision for a member of another committee', () => post(DECIDE, { cycleId, decisions: [good(graded(otherCommittee)[0]!.id)] }), 'NOT_FOUND'],
      ['a proposal by a cell outside the member’s cell', () => as(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) }), () => post(PROPOSE, { input: { cycleId, memberId: member().id, score: 70 } })), 'NOT_FOUND'],
      ['a decision by the cell (not its role)', () => as(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: committee }), () => post(DECIDE, { cycleId, decisions: [good(member().id)] })), 'FORBIDDEN'],
      ['a proposal in a closed cycle', () => as(secretary, () => post(PROPOSE, { input: { cycleId: closedCycleId, memberId: member().id, score: 70 } })), 'CONFLICT'],
      ['a decision in a closed cycle', () => post(DECIDE, { cycleId: closedCycleId, decisions: [good(member().id)] }), 'CONFLICT'],
      ['a self-review in a closed cycle', () => as(secretary, () => post(SELF_REVIEW, { input: { cycleId: closedCycleId, memberId: member().id, content: 'x' } })), 'CONFLICT'],
      ['a second 2026 annual cycle', () => post(OPEN, { input: { unitId: committee, year: 2026, period: 'YEAR', closesOn: '2027-01-31' } }), 'CONFLICT'],
      ['a cycle for a cell', () => post(OPEN, { input: { unitId: cell, year: 2026, period: 'Q2', closesOn: '2026-07-15' } }), 'BAD_USER_INPUT'],
    ])('%s', async (_case, run, code) => {
      const before = await counts();
      await expectRefused(await run(), code);
      expect(await counts()).toEqual(before);
    });
  });
});

describe('reading cycles', () => {
  const CYCLES = `query ($unitId: ID!) { reviewCycles(unitId: $unitId, year: 2026) { period status ruleSet { code } } }`;
  it('shows the committee’s cycles to the committee and its cells, not to another committee', async () => {
    const expected = [
      { period: 'YEAR', status: 'OPEN', ruleSet: { code: '366-QĐ/TW' } },
      { period: 'Q1', status: 'CLOSED', ruleSet: { code: '366-QĐ/TW' } },
    ];
    expect((await post<{ reviewCycles: unknown[] }>(CYCLES, { unitId: committee })).data!.reviewCycles).toEqual(expected);
    expect((await as(secretary, () => post<{ reviewCycles: unknown[] }>(CYCLES, { unitId: committee }))).data!.reviewCycles).toEqual(expected);
    const other = await as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: otherCommittee }), () => post<{ reviewCycles: unknown[] }>(CYCLES, { unitId: committee }));
    expect(other.data!.reviewCycles).toEqual([]);
  });

  it('shows the decisions in the evaluation audit log to the district board', async () => {
    const member = committeeMembers[0]!;
    const response = await as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }), () =>
      post<{ evaluationAuditLog: { operation: string; entityId: string }[] }>(`query ($id: ID) { evaluationAuditLog(entityId: $id) { operation entityId } }`, { id: member.id }),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.evaluationAuditLog.map((record) => record.operation)).toEqual(['decideGrades']);
    const cycleLog = await as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }), () =>
      post<{ evaluationAuditLog: { operation: string }[] }>(`query ($id: ID) { evaluationAuditLog(entityId: $id) { operation } }`, { id: cycleId }),
    );
    expect(cycleLog.data!.evaluationAuditLog.map((record) => record.operation)).toEqual(['openReviewCycle']);
  });
});

describe('grade distribution (SQL on the local replicas)', () => {
  const unitsUnder = (rootId: string): string[] => [rootId, ...demo.orgUnits.filter((unit) => unit.parentId === rootId).flatMap((unit) => unitsUnder(unit.id))];
  const expected = (rootId: string, year: number) => {
    const units = unitsUnder(rootId);
    const members = new Set(demo.members.filter((member) => units.includes(member.cellId)).map((member) => member.id));
    const grades = demo.reviews.filter((review) => review.year === year && members.has(review.memberId)).map((review) => review.grade);
    const count = (grade: Grade) => grades.filter((value) => value === grade).length;
    return { excellent: count('EXCELLENT'), good: count('GOOD'), completed: count('COMPLETED'), notCompleted: count('NOT_COMPLETED'), total: grades.length };
  };

  it.each([
    ['a cell', cell],
    ['a ward', committee],
    ['a district', demoId('unit', 2)],
  ])('counts the 2025 grades of %s', async (_case, unitId) => {
    const response = await as(callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }), () => post<{ gradeDistribution: Record<string, number> }>(DISTRIBUTION, { unitId, year: 2025 }));
    expect(response.errors).toBeUndefined();
    const want = expected(unitId, 2025);
    expect(want.total).toBeGreaterThan(0);
    expect(response.data!.gradeDistribution).toEqual(want);
  });

  it('counts the grades decided in 2026 for the ward, and nothing outside the caller’s scope', async () => {
    const response = await post<{ gradeDistribution: Record<string, number> }>(DISTRIBUTION, { unitId: committee, year: 2026 });
    // 2 excellent, 10 good + 1 (95 without the task conditions) and the disciplined member.
    expect(response.data!.gradeDistribution).toEqual({ excellent: 2, good: 11, completed: 0, notCompleted: 1, total: 14 });
    const outside = await post<{ gradeDistribution: unknown }>(DISTRIBUTION, { unitId: demoId('unit', 3), year: 2025 });
    expect(outside.errors).toBeUndefined();
    expect(outside.data!.gradeDistribution).toBeNull();
  });

  it('holds the quota over the whole proposal set, whatever the order of decisions (excellent first, goods still proposed)', async () => {
    const opened = await post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year: 2026, period: 'Q3', closesOn: '2026-10-15' } });
    expect(opened.errors).toBeUndefined();
    const quarter = opened.data!.openReviewCycle.id;
    // Members of the committee's other cells, each proposed by the secretary of their own cell.
    const [star, second, ...goods] = committeeMembers;
    for (const member of goods.slice(0, 5)) {
      const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: member.cellId });
      expect((await as(secretary, () => post(SELF_REVIEW, { input: { cycleId: quarter, memberId: member.id, content: 'Bản tự kiểm điểm quý III' } }))).errors).toBeUndefined();
      const proposed = await as(secretary, () => post<{ proposeGrade: { grade: Grade } }>(PROPOSE, { input: { cycleId: quarter, memberId: member.id, score: 80 } }));
      expect(proposed.data!.proposeGrade.grade).toBe('GOOD');
    }
    // One excellent for five proposed good (20%): accepted before any good is decided.
    const first = await post<{ decideGrades: Decided[] }>(DECIDE, { cycleId: quarter, decisions: [excellent(star!.id)] });
    expect(first.errors).toBeUndefined();
    // A second would break it (2 > 20% of 5), decided or proposed alike.
    const refused = await post(DECIDE, { cycleId: quarter, decisions: [excellent(second!.id)] });
    expect(refused.errors?.[0]?.message).toBe('Số đảng viên xếp loại xuất sắc (2) vượt 20% số xếp loại tốt (5): tối đa 1.');
    // The goods decided as proposed afterwards: the same set, accepted.
    const rest = await post<{ decideGrades: Decided[] }>(DECIDE, { cycleId: quarter, decisions: goods.slice(0, 5).map((member) => ({ memberId: member.id })) });
    expect(rest.errors).toBeUndefined();
    expect(rest.data!.decideGrades.map((review) => review.grade)).toEqual(Array<Grade>(5).fill('GOOD'));
  });
});
