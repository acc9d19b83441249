import { demoSeed } from '@dangvien/stack/demo-seed';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';

/** Lịch sử sắp xếp tổ chức: the restructurings of a subtree, by decision and day, only inside the caller's scope. */
let subgraph: TestSubgraph<OrganizationDatabase>;
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const nameOf = (n: number) => demo.orgUnits.find((row) => row.id === unit(n))!.name;
const xuanTruong = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const giaoThuy = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) });
const province = callerWith({ role: 'ADMIN', scopeUnitId: unit(1) });

const HISTORY = `query ($unitId: ID!, $from: String, $to: String, $first: Int) {
  restructurings(unitId: $unitId, from: $from, to: $to, first: $first) {
    kind effectiveDate decisionNumber
    operations { kind status }
    changes { kind name previousName unit { id } parent { id } previousParent { id } successor { id } }
  }
}`;
type Change = { kind: string; name: string; previousName: string | null; unit: { id: string } | null; parent: { id: string } | null; previousParent: { id: string } | null; successor: { id: string } | null };
type ListedRestructuring = { kind: string; effectiveDate: string; decisionNumber: string | null; operations: { kind: string; status: string }[]; changes: Change[] };

async function history(caller: ReturnType<typeof callerWith>, unitId: string, range: { from?: string; to?: string; first?: number } = {}) {
  const response = await subgraph.post<{ restructurings: ListedRestructuring[] }>(HISTORY, { unitId, ...range }, caller);
  return response;
}

async function run(caller: ReturnType<typeof callerWith>, query: string, input: Record<string, unknown>) {
  const response = await subgraph.post(query, { input }, caller);
  expect(response.errors).toBeUndefined();
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
  // Xuân Trường: two cells of the township merged into the third; a cell of Xuân Hồng renamed.
  await run(xuanTruong, `mutation ($input: MergeOrgUnitsInput!) { mergeOrgUnits(input: $input) { id } }`, {
    ids: [unit(101), unit(102)],
    intoId: unit(103),
    effectiveDate: '2026-01-10',
    decisionNumber: '12-QĐ/HU',
  });
  await run(xuanTruong, `mutation ($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id } }`, {
    id: unit(111),
    name: 'Chi bộ xóm Đông',
    effectiveDate: '2026-02-01',
    decisionNumber: '20-QĐ/ĐU',
  });
  // The province moves a cell of Xuân Ninh to Giao Thiện (another district).
  await run(province, `mutation ($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { id } }`, {
    id: unit(121),
    newParentId: unit(13),
    effectiveDate: '2026-03-01',
    decisionNumber: '30-QĐ/TU',
  });
});
afterAll(async () => subgraph.close());

describe('the restructurings of a subtree', () => {
  it('lists each decision once, newest first: a move, a rename, a merger carried out as an operation', async () => {
    const response = await history(xuanTruong, unit(2), { from: '2026-01-01' });
    expect(response.errors).toBeUndefined();
    const list = response.data!.restructurings;
    expect(list.map((item) => [item.effectiveDate, item.kind, item.decisionNumber])).toEqual([
      ['2026-03-01', 'MOVE', '30-QĐ/TU'],
      ['2026-02-01', 'RENAME', '20-QĐ/ĐU'],
      ['2026-01-10', 'MERGE', '12-QĐ/HU'],
    ]);
    const [move, rename, merge] = list;
    expect(rename!.changes).toEqual([
      { kind: 'RENAMED', name: 'Chi bộ xóm Đông', previousName: nameOf(111), unit: { id: unit(111) }, parent: { id: unit(11) }, previousParent: null, successor: null },
    ]);
    expect(merge!.operations).toEqual([{ kind: 'MERGE_ORG_UNITS', status: 'PENDING' }]);
    expect(merge!.changes.map((change) => [change.kind, change.unit?.id, change.successor?.id, change.parent?.id])).toEqual([
      ['ENDED', unit(101), unit(103), unit(10)],
      ['ENDED', unit(102), unit(103), unit(10)],
    ]);
    // Moved out of the district: where it came from is shown, where it went (another district) is not.
    expect(move!.changes).toEqual([
      { kind: 'MOVED', name: nameOf(121), previousName: null, unit: null, parent: null, previousParent: { id: unit(12) }, successor: null },
    ]);
  });

  it('keeps to the dates asked for and to the subtree of the unit asked for', async () => {
    const february = (await history(xuanTruong, unit(2), { from: '2026-02-01', to: '2026-02-28' })).data!.restructurings;
    expect(february.map((item) => item.decisionNumber)).toEqual(['20-QĐ/ĐU']);
    const township = (await history(xuanTruong, unit(10), { from: '2026-01-01' })).data!.restructurings;
    expect(township.map((item) => item.decisionNumber)).toEqual(['12-QĐ/HU']);
    const limited = (await history(xuanTruong, unit(2), { from: '2026-01-01', first: 1 })).data!.restructurings;
    expect(limited.map((item) => item.decisionNumber)).toEqual(['30-QĐ/TU']);
  });

  it('lists the creations recorded with the units, with their decisions, when no lower date is given', async () => {
    const all = (await history(xuanTruong, unit(10))).data!.restructurings;
    const created = all.filter((item) => item.kind === 'CREATE');
    // The township (1976) and its three cells (1990), recorded without decisions: one row per day.
    expect(created.map((item) => [item.effectiveDate, item.decisionNumber, item.changes.length])).toEqual([
      ['1990-02-03', null, 3],
      ['1976-05-19', null, 1],
    ]);
    expect(created.flatMap((item) => item.changes.map((change) => change.kind))).toEqual(created.flatMap((item) => item.changes.map(() => 'CREATED')));
  });

  it('shows another district only what entered its scope: the move in, not where the cell came from, nor the other district’s changes', async () => {
    const list = (await history(giaoThuy, unit(3), { from: '2026-01-01' })).data!.restructurings;
    expect(list.map((item) => [item.kind, item.decisionNumber])).toEqual([['MOVE', '30-QĐ/TU']]);
    expect(list[0]!.changes).toEqual([
      { kind: 'MOVED', name: nameOf(121), previousName: null, unit: { id: unit(121) }, parent: { id: unit(13) }, previousParent: null, successor: null },
    ]);
  });

  it('answers nothing for a unit outside the caller’s scope, as for a missing one', async () => {
    const outside = await history(giaoThuy, unit(2));
    expect(outside.errors).toBeUndefined();
    expect(outside.data!.restructurings).toEqual([]);
    expect((await history(giaoThuy, unit(10))).data!.restructurings).toEqual([]);
    expect((await history(giaoThuy, demoId('unit', 9999))).data!.restructurings).toEqual([]);
  });

  it.each([
    ['a from after to', { from: '2026-03-01', to: '2026-01-01' }],
    ['an impossible date', { from: '2026-02-30' }],
    ['a page too large', { first: 501 }],
  ])('refuses %s with a Vietnamese message', async (_case, range) => {
    const response = await history(xuanTruong, unit(2), range);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơư]/i);
  });
});
