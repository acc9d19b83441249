import { randomUUID } from 'node:crypto';
import { callerWith, demoDataSet, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import { insertMeeting } from '../meeting/meeting.repository.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** Alerts of a committee's subtree: a cycle left open past its day, and the cells that did not meet last month. */
const committee = demoId('unit', 10);
const cells = demoDataSet().orgUnits.filter((unit) => unit.parentId === committee).map((unit) => unit.id);
const [metCell, ...silentCells] = cells;
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });

let subgraph: TestSubgraph<EvaluationDatabase>;
let cycleId: string;
beforeAll(async () => {
  subgraph = await startEvaluationWithDemoPlacements();
  const opened = await subgraph.post<{ openReviewCycle: { id: string } }>(
    `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`,
    { input: { unitId: committee, year: 2025, period: 'Q1', closesOn: '2025-04-15' } },
    ward,
  );
  expect(opened.errors).toBeUndefined();
  cycleId = opened.data!.openReviewCycle.id;
  await insertMeeting(subgraph.db, { id: randomUUID(), cell_id: metCell!, held_on: '2025-04-08', kind: 'REGULAR', agenda: 'Sinh hoạt tháng 4', resolution: null });
});
afterAll(async () => subgraph?.close());

const ALERTS = `query ($unitId: ID!, $asOf: String, $kinds: [EvaluationAlertKind!]) {
  evaluationAlerts(unitId: $unitId, asOf: $asOf, kinds: $kinds) { kind unit { id } member { id } cycle { id } task { id } months detail }
}`;

describe('evaluation alerts', () => {
  it('names the overdue cycle and each cell without a meeting last month', async () => {
    const response = await subgraph.post<{ evaluationAlerts: { kind: string; unit: { id: string } }[] }>(ALERTS, { unitId: committee, asOf: '2025-05-10', kinds: ['CYCLE_OVERDUE', 'NO_MEETING_LAST_MONTH'] }, ward);
    expect(response.errors).toBeUndefined();
    expect(response.data!.evaluationAlerts).toEqual([
      { kind: 'CYCLE_OVERDUE', unit: { id: committee }, member: null, cycle: { id: cycleId }, task: null, months: null, detail: 'Đợt kiểm điểm quý 1/2025 quá hạn khóa (hạn 15/04/2025) mà chưa khóa.' },
      ...[...silentCells].sort().map((cellId) => ({ kind: 'NO_MEETING_LAST_MONTH', unit: { id: cellId }, member: null, cycle: null, task: null, months: null, detail: 'Chi bộ không sinh hoạt trong tháng 04/2025.' })),
    ]);
  });

  it('has nothing to say before the cycle’s closing day', async () => {
    const response = await subgraph.post<{ evaluationAlerts: unknown[] }>(ALERTS, { unitId: committee, asOf: '2025-04-15', kinds: ['CYCLE_OVERDUE'] }, ward);
    expect(response.data!.evaluationAlerts).toEqual([]);
  });
});
