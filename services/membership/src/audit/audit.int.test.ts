import { replicateOrgUnits } from '@dangvien/org-replica';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';

let subgraph: TestSubgraph<MembershipDatabase>;
let memberId: string;
const cell = demoId('unit', 101);

const AUDIT_LOG = `query ($entityId: ID) { membershipAuditLog(entityId: $entityId) { operation entityType entityId actor before after } }`;
type AuditLog = { membershipAuditLog: { operation: string; entityType: string; entityId: string; actor: string; before: string | null; after: string | null }[] };

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  const created = await subgraph.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
    input: { profile: { fullName: 'Vũ Thị Kiểm', dateOfBirth: '1985-04-02' }, cellId: cell, candidateSince: '2019-01-01', admittedOn: '2020-01-01' },
  });
  expect(created.errors).toBeUndefined();
  memberId = created.data!.createMember.id;
  const renamed = await subgraph.post(`mutation ($id: ID!) { updateMemberProfile(id: $id, input: { phone: "0912 345 678" }) { id } }`, { id: memberId });
  expect(renamed.errors).toBeUndefined();
});
afterAll(async () => subgraph.close());

describe('the membership audit log', () => {
  it('lists a member’s changes newest first, with the state before and after', async () => {
    const response = await subgraph.post<AuditLog>(AUDIT_LOG, { entityId: memberId });
    expect(response.errors).toBeUndefined();
    const records = response.data!.membershipAuditLog;
    expect(records.map((record) => [record.operation, record.entityType, record.entityId])).toEqual([
      ['updateMemberProfile', 'Member', memberId],
      ['createMember', 'Member', memberId],
    ]);
    expect(JSON.parse(records[0]!.before!)).toEqual({ phone: null });
    expect(JSON.parse(records[0]!.after!)).toEqual({ phone: '0912 345 678' });
    expect(records[1]!.before).toBeNull();
  });

  it('shows nothing to roles that do not read the audit log, nor outside the reader’s subtree', async () => {
    const secretary = await subgraph.post<AuditLog>(AUDIT_LOG, { entityId: memberId }, callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell }));
    expect(secretary.data!.membershipAuditLog).toEqual([]);
    const otherCell = await subgraph.post<AuditLog>(AUDIT_LOG, { entityId: memberId }, callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 102) }));
    expect(otherCell.data!.membershipAuditLog).toEqual([]);
  });
});
