import { consistencyReport } from '@dangvien/stack';
import { demoDataSet, demoId, callerWith, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Chia tách through the gateway: organization creates the new units, hands out the sub-units and ends
 * the old unit in one transaction; membership moves each member where the input says; the operation
 * completes when membership and evaluation have applied their parts.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const committee = unit(11); // Đảng bộ xã Xuân Hồng: cells 111, 112, 113
const cell = unit(113); // Chi bộ xóm 3
const activeOf = (unitId: string) =>
  demo.members
    .filter((member) => member.cellId === unitId && member.status !== 'LEFT' && member.status !== 'DECEASED')
    .map((member) => member.id)
    .sort();
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => districtBoard);
});
afterAll(async () => federation?.close());

const SPLIT = `mutation ($input: SplitOrgUnitInput!) { splitOrgUnit(input: $input) { id kind status parts { subgraph status unit { id code name } } } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph status detail unit { id } } } }`;
const TREE = `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { name endedOn children { id code name } history { kind effectiveDate decisionNumber successor { id } } } }`;
const MEMBERS = `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { id members(asOf: $asOf, first: 100) { id } } }`;
type OperationReply = { id: string; kind: string; status: string; parts: { subgraph: string; status: string; detail?: string | null; unit: { id: string; code: string; name: string } }[] };
type Tree = { orgUnit: { name: string; endedOn: string | null; children: { id: string; code: string; name: string }[]; history: { kind: string; effectiveDate: string; successor: { id: string } | null }[] } };

const counts = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(federation.organization.db)).rows[0]!.n),
  units: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit`.execute(federation.organization.db)).rows[0]!.n),
  versions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit_version`.execute(federation.organization.db)).rows[0]!.n),
  placements: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM member_placement`.execute(federation.membership.db)).rows[0]!.n),
});

const cellSplit = (overrides: Record<string, unknown> = {}) => ({
  id: cell,
  effectiveDate: '2025-03-01',
  decisionNumber: '31-QĐ/ĐU',
  parts: [
    { code: 'XH-X3A', name: 'Chi bộ xóm 3A', memberIds: activeOf(cell).slice(0, 4) },
    { code: 'XH-X3B', name: 'Chi bộ xóm 3B', receivesRemainingMembers: true },
  ],
  ...overrides,
});

describe('splitting a unit (chia tách)', () => {
  it.each([
    [
      'a live sub-unit left without a new unit',
      () => ({
        id: committee,
        effectiveDate: '2025-03-01',
        decisionNumber: '30-QĐ/HU',
        parts: [
          { code: 'XH-A', name: 'Đảng bộ xã Xuân Hồng A', childIds: [unit(111)], receivesRemainingMembers: true },
          { code: 'XH-B', name: 'Đảng bộ xã Xuân Hồng B', childIds: [unit(112)] },
        ],
      }),
      'BAD_USER_INPUT',
      /Chi bộ xóm 3/,
    ],
    ['a member who is not in the unit', () => cellSplit({ parts: [{ code: 'A', name: 'Chi bộ A', memberIds: [demoId('member', 9999)] }, { code: 'B', name: 'Chi bộ B', receivesRemainingMembers: true }] }), 'BAD_USER_INPUT', /không sinh hoạt tại/],
    ['a member of another cell', () => cellSplit({ parts: [{ code: 'A', name: 'Chi bộ A', memberIds: activeOf(unit(111)).slice(0, 1) }, { code: 'B', name: 'Chi bộ B', receivesRemainingMembers: true }] }), 'BAD_USER_INPUT', /không sinh hoạt tại/],
    ['a date before the unit existed', () => cellSplit({ effectiveDate: '1980-01-01' }), 'BAD_USER_INPUT', /thành lập/],
    ['no part taking the remaining members', () => cellSplit({ parts: [{ code: 'A', name: 'Chi bộ A' }, { code: 'B', name: 'Chi bộ B' }] }), 'BAD_USER_INPUT', /không được nêu tên/],
    ['one new unit only', () => cellSplit({ parts: [{ code: 'A', name: 'Chi bộ A', receivesRemainingMembers: true }] }), 'BAD_USER_INPUT', /từ 2 đến/],
    ['a code already used', () => cellSplit({ parts: [{ code: demo.orgUnits.find((row) => row.id === unit(111))!.code, name: 'Chi bộ A', receivesRemainingMembers: true }, { code: 'B', name: 'Chi bộ B' }] }), 'CONFLICT', /đã được dùng/],
  ])('refuses %s with a clear error, and changes nothing', async (_case, input, code, message) => {
    await federation.catchUp();
    const before = await counts();
    const response = await federation.post(SPLIT, { input: input() });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(message);
    await federation.catchUp();
    expect(await counts()).toEqual(before);
  });

  it('refuses a caller outside the unit as if it did not exist, and a role below its parent plainly', async () => {
    const before = await counts();
    const outside = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => federation.post(SPLIT, { input: cellSplit() }));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A cell secretary may not split the cell; a ward committee may not split itself (the new units sit under its parent).
    const secretary = await federation.as(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell }), () => federation.post(SPLIT, { input: cellSplit() }));
    expect(secretary.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const itself = await federation.as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee }), () =>
      federation.post(SPLIT, {
        input: {
          id: committee,
          effectiveDate: '2025-03-01',
          decisionNumber: '30-QĐ/HU',
          parts: [
            { code: 'XH-A', name: 'Đảng bộ xã Xuân Hồng A', childIds: [unit(111), unit(113)], receivesRemainingMembers: true },
            { code: 'XH-B', name: 'Đảng bộ xã Xuân Hồng B', childIds: [unit(112)] },
          ],
        },
      }),
    );
    expect(itself.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  let cellA = '';
  let cellB = '';
  it('splits a cell: members land where named, the rest in the default part, the operation completes', async () => {
    const named = activeOf(cell).slice(0, 4);
    const rest = activeOf(cell).slice(4);
    const response = await federation.post<{ splitOrgUnit: OperationReply }>(SPLIT, { input: cellSplit() });
    expect(response.errors).toBeUndefined();
    const operation = response.data!.splitOrgUnit;
    expect(operation).toMatchObject({ kind: 'SPLIT_ORG_UNIT', status: 'PENDING' });
    expect(operation.parts).toHaveLength(4); // membership and evaluation, for each new unit
    cellA = operation.parts.find((part) => part.unit.code === 'XH-X3A')!.unit.id;
    cellB = operation.parts.find((part) => part.unit.code === 'XH-X3B')!.unit.id;

    await federation.catchUp();
    const done = await federation.post<{ operation: OperationReply }>(OPERATION, { id: operation.id });
    expect(done.data!.operation.status).toBe('COMPLETED');
    const moved = Object.fromEntries(done.data!.operation.parts.filter((part) => part.subgraph === 'membership').map((part) => [part.unit.id, JSON.parse(part.detail!)]));
    expect(moved).toEqual({ [cellA]: { moved: named.length }, [cellB]: { moved: rest.length } });

    const members = async (id: string, asOf: string) =>
      (await federation.post<{ orgUnit: { members: { id: string }[] } }>(MEMBERS, { id, asOf })).data!.orgUnit.members.map((member) => member.id).sort();
    expect(await members(cellA, '2025-03-01')).toEqual(named);
    expect(await members(cellB, '2025-03-01')).toEqual(rest);
    expect(await members(cell, '2025-02-28')).toEqual(expect.arrayContaining([...named, ...rest]));
    const placements = await sql<{ member_id: string }>`SELECT member_id FROM member_placement WHERE operation_id = ${operation.id} ORDER BY member_id`.execute(federation.membership.db);
    expect(placements.rows.map((row) => row.member_id)).toEqual([...named, ...rest].sort()); // each exactly once
    expect((await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });

  it('shows both trees by date, and the split in the unit history', async () => {
    const before = await federation.post<Tree>(TREE, { id: committee, asOf: '2025-02-28' });
    expect(before.data!.orgUnit.children.map((child) => child.id).sort()).toEqual([unit(111), unit(112), unit(113)].sort());
    const after = await federation.post<Tree>(TREE, { id: committee, asOf: '2025-03-01' });
    expect(after.data!.orgUnit.children.map((child) => child.name)).toEqual(['Chi bộ xóm 1', 'Chi bộ xóm 2', 'Chi bộ xóm 3A', 'Chi bộ xóm 3B']);
    const old = await federation.post<Tree>(TREE, { id: cell });
    expect(old.data!.orgUnit.endedOn).toBe('2025-03-01');
    expect(old.data!.orgUnit.history.at(-1)).toMatchObject({ kind: 'ENDED', effectiveDate: '2025-03-01', decisionNumber: '31-QĐ/ĐU', successor: { id: cellB } });
    const audit = await sql<{ operation: string; entity_id: string }>`SELECT operation, entity_id FROM audit_log WHERE operation = 'splitOrgUnit'`.execute(federation.organization.db);
    expect(audit.rows.map((row) => row.entity_id).sort()).toEqual([cell, cellA, cellB].sort());
  });

  it('splits a committee: every cell goes under the new committee the input names, on that day', async () => {
    const response = await federation.post<{ splitOrgUnit: OperationReply }>(SPLIT, {
      input: {
        id: committee,
        effectiveDate: '2025-06-01',
        decisionNumber: '40-QĐ/HU',
        parts: [
          { code: 'XH-BAC', name: 'Đảng bộ xã Xuân Hồng Bắc', childIds: [unit(111), cellA], receivesRemainingMembers: true },
          { code: 'XH-NAM', name: 'Đảng bộ xã Xuân Hồng Nam', childIds: [unit(112), cellB] },
        ],
      },
    });
    expect(response.errors).toBeUndefined();
    const north = response.data!.splitOrgUnit.parts.find((part) => part.unit.code === 'XH-BAC')!.unit.id;
    const south = response.data!.splitOrgUnit.parts.find((part) => part.unit.code === 'XH-NAM')!.unit.id;
    await federation.catchUp();
    const done = await federation.post<{ operation: OperationReply }>(OPERATION, { id: response.data!.splitOrgUnit.id });
    expect(done.data!.operation.status).toBe('COMPLETED');

    const children = async (id: string, asOf: string) => (await federation.post<Tree>(TREE, { id, asOf })).data!.orgUnit.children.map((child) => child.id).sort();
    expect(await children(north, '2025-06-01')).toEqual([unit(111), cellA].sort());
    expect(await children(south, '2025-06-01')).toEqual([unit(112), cellB].sort());
    expect(await children(committee, '2025-05-31')).toEqual([unit(111), unit(112), cellA, cellB].sort());
    expect(await children(unit(2), '2025-05-31')).toContain(committee);
    expect(await children(unit(2), '2025-06-01')).toEqual(expect.arrayContaining([north, south]));
    expect(await children(unit(2), '2025-06-01')).not.toContain(committee);
    // The members did not move: they stay in their cells, now under the new committees.
    const count = await federation.post<{ orgUnit: { memberCount: number } }>('query ($id: ID!) { orgUnit(id: $id) { memberCount(includeSubtree: true) } }', { id: north });
    expect(count.data!.orgUnit.memberCount).toBeGreaterThan(0);
    expect((await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });
});
