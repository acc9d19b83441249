import { subtreeUnitIds } from '@dangvien/org-replica';
import { consistencyReport } from '@dangvien/stack';
import { demoDataSet, demoId, callerWith, postGraphQL, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Renames, moves and the 2025 reform through the gateway: organization keeps the versions, and the
 * replicas in membership and evaluation follow from the events, equal to the source after each step.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const nameOf = (n: number) => demo.orgUnits.find((row) => row.id === unit(n))!.name;
const admin = callerWith({ role: 'ADMIN', scopeUnitId: unit(1) });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => admin);
});
afterAll(async () => federation?.close());

const post = <T>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(federation.gateway.url, query, variables);
const consistent = async () => {
  await federation.catchUp();
  const report = await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET);
  expect(report.replicas.every((check) => check.matches)).toBe(true);
  expect(report.ok).toBe(true);
  return report;
};
const counts = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(federation.organization.db)).rows[0]!.n),
});

const RENAME = `mutation ($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id name } }`;
const MOVE = `mutation ($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { id parent { id } } }`;
const REFORM = `mutation ($input: ApplyProvinceReformInput!) { applyProvinceReform(input: $input) { id status kind } }`;
type UnitCounts = { orgUnit: { unitCounts: { kind: string; count: number }[]; children: { id: string }[] } };
const COUNTS = 'query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { unitCounts { kind count } children { id } } }';
const countOf = (response: { data?: UnitCounts | null }, kind: string) => response.data!.orgUnit.unitCounts.find((row) => row.kind === kind)?.count ?? 0;

describe('restructuring through the federation', () => {
  it('keeps the replicas equal to the source after a rename, a move and a rename dated in the future', async () => {
    const renamed = await post(RENAME, { input: { id: unit(10), name: 'Đảng bộ thị trấn Xuân Trường (mới)', effectiveDate: '2024-01-01', decisionNumber: '3-QĐ/HU' } });
    expect(renamed.errors).toBeUndefined();
    const moved = await post(MOVE, { input: { id: unit(113), newParentId: unit(12), effectiveDate: '2024-02-01', decisionNumber: '4-QĐ/HU' } });
    expect(moved.errors).toBeUndefined();
    const later = await post(RENAME, { input: { id: unit(121), name: 'Chi bộ xóm 1 (mới)', effectiveDate: '2099-01-01', decisionNumber: '5-QĐ/HU' } });
    expect(later.errors).toBeUndefined();
    const report = await consistent();
    expect(report.replicas.find((check) => check.what === 'tree')!.replicaRows).toBe(demo.orgUnits.length);

    // The replicas answer as of a date too.
    for (const db of [federation.membership.db, federation.evaluation.db]) {
      expect(await subtreeUnitIds(db, [unit(12)], '2024-01-31')).not.toContain(unit(113));
      expect(await subtreeUnitIds(db, [unit(12)], '2024-02-01')).toContain(unit(113));
      const names = await sql<{ name: string; valid_from: string | null }>`
        SELECT name, valid_from FROM org_unit_replica WHERE id = ${unit(10)} ORDER BY valid_from NULLS FIRST`.execute(db);
      expect(names.rows.map((row) => row.name)).toEqual([nameOf(10), 'Đảng bộ thị trấn Xuân Trường (mới)']);
    }
    // Members still come with their cell, wherever it hangs.
    const cell = await post<{ orgUnit: { parent: { id: string }; members: { id: string }[] } }>('query ($id: ID!) { orgUnit(id: $id) { parent { id } members(first: 100) { id } } }', { id: unit(113) });
    expect(cell.errors).toBeUndefined();
    expect(cell.data!.orgUnit.parent.id).toBe(unit(12));
    expect(cell.data!.orgUnit.members.length).toBe(demo.members.filter((member) => member.cellId === unit(113)).length);
  });

  it('refuses a reform of what is not a district, changing nothing', async () => {
    const before = await counts();
    const response = await post(REFORM, { input: { districtId: unit(10), decisionNumber: '1-NQ/TW' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('không phải đảng bộ huyện');
    expect(await counts()).toEqual(before);
  });

  it('applies the 2025 reform to a district as one operation: committees under the province, district ended', async () => {
    const before2019 = await post<UnitCounts>(COUNTS, { id: unit(1), asOf: '2019-06-01' });
    const response = await post<{ applyProvinceReform: { id: string; status: string; kind: string } }>(REFORM, { input: { districtId: unit(2), decisionNumber: '60-NQ/TW' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.applyProvinceReform).toMatchObject({ status: 'PENDING', kind: 'PROVINCE_REFORM' });
    await consistent();
    const operation = await post<{ operation: { status: string } }>('query ($id: ID!) { operation(id: $id) { status } }', { id: response.data!.applyProvinceReform.id });
    expect(operation.data!.operation.status).toBe('COMPLETED');

    // 2019: the district is there with its committees under it.
    const then = await post<UnitCounts>(COUNTS, { id: unit(1), asOf: '2019-06-01' });
    expect(then.data).toEqual(before2019.data);
    expect(countOf(then, 'DISTRICT')).toBe(2);
    expect(countOf(then, 'GRASSROOTS_COMMITTEE')).toBe(4);
    expect(countOf(then, 'CELL')).toBe(11);
    expect(then.data!.orgUnit.children.map((child) => child.id).sort()).toEqual([unit(2), unit(3)].sort());
    const district2019 = await post<UnitCounts>(COUNTS, { id: unit(2), asOf: '2019-06-01' });
    expect(district2019.data!.orgUnit.children.map((child) => child.id).sort()).toEqual([unit(10), unit(11), unit(12)].sort());

    // 2026: the committees sit directly under the province; the district has ended.
    const now = await post<UnitCounts>(COUNTS, { id: unit(1), asOf: '2026-01-01' });
    expect(countOf(now, 'DISTRICT')).toBe(1);
    expect(countOf(now, 'GRASSROOTS_COMMITTEE')).toBe(4);
    expect(countOf(now, 'CELL')).toBe(11);
    expect(now.data!.orgUnit.children.map((child) => child.id).sort()).toEqual([unit(3), unit(10), unit(11), unit(12)].sort());
    const district = await post<{ orgUnit: { endedOn: string; history: { kind: string; effectiveDate: string; decisionNumber: string }[] } }>(
      'query ($id: ID!) { orgUnit(id: $id, asOf: "2026-01-01") { endedOn history { kind effectiveDate decisionNumber } } }',
      { id: unit(2) },
    );
    expect(district.data!.orgUnit.endedOn).toBe('2025-07-01');
    expect(district.data!.orgUnit.history.at(-1)).toEqual({ kind: 'ENDED', effectiveDate: '2025-07-01', decisionNumber: '60-NQ/TW' });
    const committee = await post<{ orgUnit: { path: string[]; history: { kind: string; effectiveDate: string }[] } }>(
      'query ($id: ID!) { orgUnit(id: $id) { path history { kind effectiveDate } } }',
      { id: unit(10) },
    );
    expect(committee.data!.orgUnit.path).toEqual([nameOf(1), 'Đảng bộ thị trấn Xuân Trường (mới)']);
    expect(committee.data!.orgUnit.history.map((change) => change.kind)).toEqual(['CREATED', 'RENAMED', 'MOVED']);

    // The replicas answer the same tree for both dates.
    for (const db of [federation.membership.db, federation.evaluation.db]) {
      expect(await subtreeUnitIds(db, [unit(2)], '2019-06-01')).toContain(unit(10));
      expect(await subtreeUnitIds(db, [unit(2)], '2026-01-01')).toEqual([]);
      expect((await subtreeUnitIds(db, [unit(1)], '2026-01-01')).sort()).toEqual((await subtreeUnitIds(db, [unit(1)], '2019-06-01')).filter((id) => id !== unit(2)).sort());
    }

    const again = await post(REFORM, { input: { districtId: unit(2), decisionNumber: '60-NQ/TW' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
