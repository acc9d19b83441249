import { callerWith, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import type { AuditRecord } from '../generated/graphql.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** Evaluation's audit log: what a mutation wrote, readable by the district board, not by a cell. */
const committee = demoId('unit', 10);
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 101) });

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
});
afterAll(async () => subgraph?.close());

const LOG = `query ($entityId: ID) { evaluationAuditLog(entityId: $entityId) { entityType entityId operation actorRoles after } }`;

describe('evaluation audit log', () => {
  it('shows the district board who opened a cycle in its district, and what', async () => {
    const response = await subgraph.post<{ evaluationAuditLog: Pick<AuditRecord, 'entityType' | 'entityId' | 'operation' | 'actorRoles' | 'after'>[] }>(LOG, { entityId: cycleId }, districtBoard);
    expect(response.errors).toBeUndefined();
    const [record] = response.data!.evaluationAuditLog;
    expect(record).toMatchObject({ entityType: 'ReviewCycle', entityId: cycleId, operation: 'openReviewCycle' });
    expect(JSON.parse(record!.after!)).toMatchObject({ unitId: committee, year: 2025, period: 'Q1', subject: 'MEMBERS', ruleSet: '124-QĐ/TW' });
  });

  it('shows nothing to a role that may not read the audit log', async () => {
    const response = await subgraph.post(LOG, { entityId: cycleId }, secretary);
    expect(response.data).toEqual({ evaluationAuditLog: [] });
  });
});
