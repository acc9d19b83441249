import type { Caller } from '@dangvien/auth';
import { callerWith, dataOf, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Mở lại kỳ đánh giá, through the gateway on real databases: a discipline recorded in membership after
 * the ward closed its 2026 cycle raises "cần xếp loại lại"; the ward reopens the cycle, decides the
 * grade again (capped by the discipline), the alert goes, the review keeps both decisions in order, and
 * the cycle closes again. Only the level that closed a cycle, or one above, reopens it.
 */
const demo = demoDataSet();
const district = demoId('unit', 2);
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const [late, steady] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const otherWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => ward);
});
afterAll(async () => federation?.close());

const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);
const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);

const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`;
const CLOSE = `mutation ($id: ID!) { closeReviewCycle(id: $id) { status closedBy } }`;
const REOPEN = `mutation ($input: ReopenReviewCycleInput!) { reopenReviewCycle(input: $input) { status closedAt } }`;
const DECIDE = `mutation ($cycleId: ID!, $decisions: [GradeDecisionInput!]!) { decideGrades(cycleId: $cycleId, decisions: $decisions) { id grade } }`;
const REVIEW = `query ($id: ID!) { review(id: $id) { grade decisions { grade score disciplined reason decisionNumber decidedBy ruleSet { code } } } }`;
const ALERTS = `query ($unitId: ID!) { evaluationAlerts(unitId: $unitId, asOf: "2026-12-01", year: 2026, kinds: [GRADE_ABOVE_DISCIPLINE]) { member { id } cycle { id } detail } }`;
type ReviewAnswer = { grade: string; decisions: { grade: string; score: number; disciplined: boolean; reason: string | null; decisionNumber: string | null; decidedBy: string; ruleSet: { code: string } }[] };

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(federation.evaluation.db)).rows[0]!.n);
const counts = async () => ({
  audit: await count(sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`),
  open: await count(sql<{ n: number }>`SELECT count(*) AS n FROM review_cycle WHERE status = 'OPEN'`),
  decisions: await count(sql<{ n: number }>`SELECT count(*) AS n FROM review_decision`),
});
const alerts = async () => dataOf(await post<{ evaluationAlerts: { member: { id: string }; cycle: { id: string } | null; detail: string }[] }>(ALERTS, { unitId: committee })).evaluationAlerts;

let cycleId: string;
let reviewId: string;

describe('a discipline recorded after the cycle closed', () => {
  beforeAll(async () => {
    cycleId = dataOf(await post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year: 2026, period: 'YEAR', closesOn: '2026-12-31' } })).openReviewCycle.id;
    const decided = dataOf(await post<{ decideGrades: { id: string; grade: string }[] }>(DECIDE, { cycleId, decisions: [{ memberId: late!.id, score: 75, decisionNumber: '30-QĐ/ĐU' }, { memberId: steady!.id, score: 80 }] })).decideGrades;
    expect(decided.map((review) => review.grade)).toEqual(['GOOD', 'GOOD']);
    reviewId = decided[0]!.id;
    expect(dataOf(await post<{ closeReviewCycle: { status: string; closedBy: string } }>(CLOSE, { id: cycleId })).closeReviewCycle).toMatchObject({ status: 'CLOSED', closedBy: expect.stringContaining(ward.name) });
    const recorded = await post(`mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { status } }`, {
      input: { memberId: late!.id, kind: 'DISCIPLINE', occurredOn: '2026-11-02', decisionNumber: '05-QĐ/UBKT', details: { disciplineLevel: 'REPRIMAND' } },
    });
    dataOf(recorded);
    await federation.catchUp();
  });

  it('raises "cần xếp loại lại", which cannot be acted on while the cycle is closed', async () => {
    const raised = await alerts();
    expect(raised).toEqual([expect.objectContaining({ member: { id: late!.id }, cycle: { id: cycleId } })]);
    expect(raised[0]!.detail).toContain('cần xếp loại lại');
    const refused = await post(DECIDE, { cycleId, decisions: [{ memberId: late!.id, score: 75 }] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it.each([
    ['a cell secretary (whose role does not close cycles)', secretary, 'FORBIDDEN'],
    ['another ward (outside its scope)', otherWard, 'NOT_FOUND'],
  ])('is not reopened by %s, and nothing changes', async (_case, who, code) => {
    const before = await counts();
    const response = await as(who, () => post(REOPEN, { input: { cycleId, reason: 'Xếp loại lại sau kỷ luật' } }));
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưốủệ]/i);
    expect(await counts()).toEqual(before);
  });

  it('is not reopened without a reason', async () => {
    const before = await counts();
    const response = await post(REOPEN, { input: { cycleId, reason: ' ' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await counts()).toEqual(before);
  });

  it('is reopened by the ward that closed it, re-decided within the cap, and the alert goes', async () => {
    const before = await counts();
    expect(dataOf(await post<{ reopenReviewCycle: { status: string; closedAt: string | null } }>(REOPEN, { input: { cycleId, reason: 'Đảng viên bị khiển trách ngày 02-11-2026' } })).reopenReviewCycle).toEqual({
      status: 'OPEN',
      closedAt: null,
    });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, open: before.open + 1 });
    const again = dataOf(await post<{ decideGrades: { id: string; grade: string }[] }>(DECIDE, { cycleId, decisions: [{ memberId: late!.id, score: 75, reason: 'Xếp loại lại sau kỷ luật', decisionNumber: '41-QĐ/ĐU' }] })).decideGrades;
    expect(again).toEqual([{ id: reviewId, grade: 'NOT_COMPLETED' }]);
    expect(await alerts()).toEqual([]);
  });

  it('keeps both decisions in order; the grade is the latest', async () => {
    const review = dataOf(await post<{ review: ReviewAnswer }>(REVIEW, { id: reviewId })).review;
    expect(review.grade).toBe('NOT_COMPLETED');
    expect(review.decisions).toEqual([
      expect.objectContaining({ grade: 'GOOD', score: 75, disciplined: false, reason: null, decisionNumber: '30-QĐ/ĐU', ruleSet: { code: '366-QĐ/TW' } }),
      expect.objectContaining({ grade: 'NOT_COMPLETED', score: 75, disciplined: true, reason: 'Xếp loại lại sau kỷ luật', decisionNumber: '41-QĐ/ĐU' }),
    ]);
    expect(review.decisions[1]!.decidedBy).toContain(ward.name);
    const steadyReview = await sql<{ n: number }>`SELECT count(*) AS n FROM review_decision WHERE member_id = ${steady!.id}`.execute(federation.evaluation.db);
    expect(Number(steadyReview.rows[0]!.n)).toBe(1); // not re-decided: one decision
  });

  it('closes again, and a cycle that is open is not reopened', async () => {
    const refused = await post(REOPEN, { input: { cycleId, reason: 'Mở lại' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(dataOf(await post<{ closeReviewCycle: { status: string } }>(CLOSE, { id: cycleId })).closeReviewCycle.status).toBe('CLOSED');
  });
});

describe('a cycle closed by the level above', () => {
  let quarter: string;
  beforeAll(async () => {
    quarter = dataOf(await post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year: 2026, period: 'Q3', closesOn: '2026-10-15' } })).openReviewCycle.id;
    dataOf(await as(districtBoard, () => post(CLOSE, { id: quarter })));
  });

  it('is not reopened by the ward below it, and nothing changes', async () => {
    const before = await counts();
    const refused = await post(REOPEN, { input: { cycleId: quarter, reason: 'Xếp loại lại' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'cycleId' });
    expect(refused.errors?.[0]?.message).toContain('cấp trên');
    expect(await counts()).toEqual(before);
  });

  it('is reopened by the district that closed it', async () => {
    expect(dataOf(await as(districtBoard, () => post<{ reopenReviewCycle: { status: string } }>(REOPEN, { input: { cycleId: quarter, reason: 'Xếp loại lại' } }))).reopenReviewCycle.status).toBe('OPEN');
  });
});
