import type { Role } from '@dangvien/auth';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { callerWith } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The three audit logs through the gateway, for every role, with and without `entityId`, over the demo
 * data (whose bulk loads leave audit rows whose entity is a data set's name, not a UUID).
 */
const demo = demoDataSet();
const province = demoId('unit', 1);
const district = demo.orgUnits.find((unit) => unit.parentId === province)!;
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;
let federation: TestFederation;
let memberId: string;

const admin = callerWith({ role: 'ADMIN', scopeUnitId: province });
beforeAll(async () => {
  federation = await startTestFederation(() => admin);
  // One change in each subgraph, inside the district, so that each log has something to show.
  const created = await federation.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
    input: { profile: { fullName: 'Vũ Thị Kiểm', dateOfBirth: '1985-04-02' }, cellId: cell.id, candidateSince: '2019-01-01', admittedOn: '2020-01-01' },
  });
  expect(created.errors).toBeUndefined();
  memberId = created.data!.createMember.id;
  const renamed = await federation.post(`mutation ($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id } }`, {
    input: { id: cell.id, name: `${cell.name} (mới)`, effectiveDate: '2025-01-01', decisionNumber: '12-QĐ/HU' },
  });
  expect(renamed.errors).toBeUndefined();
  await federation.catchUp();
  // What the generator (tools/datagen) leaves in each database: one audit row per data set loaded.
  for (const subgraph of [federation.organization, federation.membership, federation.evaluation]) {
    await sql`INSERT INTO audit_log (actor_subject, actor_name, actor_roles, operation, entity_type, entity_id, before, after)
      VALUES ('datagen', 'Bộ sinh dữ liệu', 'SYSTEM', 'bulkLoad', 'Dataset', 'district:xuan-truong', NULL, '{}')`.execute(subgraph.db);
  }
});
afterAll(async () => federation?.close());

const LOGS = ['organizationAuditLog', 'membershipAuditLog', 'evaluationAuditLog'] as const;
type Row = { operation: string; entityType: string; entityId: string };

const ROLES: [Role, string][] = [
  ['ADMIN', province],
  ['DISTRICT_BOARD', district.id],
  ['ANALYST', province],
  ['WARD_COMMITTEE', cell.parentId!],
  ['CELL_SECRETARY', cell.id],
  ['CELL_COMMITTEE', cell.id],
  ['PROVINCIAL_SYSTEM', province],
];

describe.each(ROLES)('the audit logs as %s', (role, scope) => {
  const reader = role === 'ADMIN' || role === 'DISTRICT_BOARD';
  it.each(LOGS)('%s answers without entityId, and with one', async (log) => {
    const caller = callerWith({ role, scopeUnitId: scope });
    const all = await federation.as(caller, () => federation.post<Record<string, Row[]>>(`{ ${log}(first: 500) { operation entityType entityId } }`));
    expect(all.errors).toBeUndefined();
    const rows = all.data![log]!;
    if (!reader) expect(rows).toEqual([]);
    if (reader && log === 'membershipAuditLog') expect(rows.map((row) => [row.operation, row.entityId])).toContainEqual(['createMember', memberId]);
    if (reader && log === 'organizationAuditLog') expect(rows.map((row) => [row.operation, row.entityId])).toContainEqual(['renameOrgUnit', cell.id]);
    const one = await federation.as(caller, () => federation.post<Record<string, Row[]>>(`query ($id: ID) { ${log}(entityId: $id) { operation entityId } }`, { id: log === 'organizationAuditLog' ? cell.id : memberId }));
    expect(one.errors).toBeUndefined();
    expect(one.data![log]!.every((row) => row.entityId === (log === 'organizationAuditLog' ? cell.id : memberId))).toBe(true);
  });
});
