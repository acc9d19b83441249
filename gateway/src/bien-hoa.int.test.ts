import { insertMembers, type NewMember } from '@dangvien/membership/bulk';
import { insertOrgUnits, type NewOrgUnit } from '@dangvien/organization/bulk';
import { consistencyReport } from '@dangvien/stack';
import { callerWith, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The Biên Hòa restructuring of seed 002, replayed: 30 wards, 28 of them with an agency cell (chi bộ cơ
 * quan) holding 473 members between them; on 16-4-2019 the 28 agency cells are dissolved and their
 * members go to a residential cell (chi bộ khu phố) of the same ward. The trees and member counts as of
 * 15-4 and 17-4 come from the effective-dated tree and the dated placements.
 */
const WARD_NAMES = [
  'An Bình', 'Bình Đa', 'Bửu Hòa', 'Bửu Long', 'Hố Nai', 'Hòa Bình', 'Long Bình', 'Long Bình Tân', 'Quang Vinh', 'Quyết Thắng',
  'Tam Hiệp', 'Tam Hòa', 'Tân Biên', 'Tân Hạnh', 'Tân Hiệp', 'Tân Hòa', 'Tân Mai', 'Tân Phong', 'Tân Tiến', 'Tân Vạn',
  'Thanh Bình', 'Thống Nhất', 'Trảng Dài', 'Trung Dũng', 'Hóa An', 'Hiệp Hòa', 'An Hòa', 'Long Hưng', 'Phước Tân', 'Tam Phước',
];
const AGENCY_MEMBERS = 473;
const RESIDENTIAL_MEMBERS_EACH = 4;
const DAY = '2019-04-16';
const BEFORE = '2019-04-15';
const AFTER = '2019-04-17';

const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const province = uuid(40000000, 1);
const city = uuid(40000000, 2);
const wards = WARD_NAMES.map((name, index) => ({
  id: uuid(41000000, index + 1),
  name: `Đảng bộ phường ${name}`,
  agencyCell: index < 28 ? uuid(42000000, index + 1) : null, // the last two wards have none
  residentialCells: [uuid(43000000, 2 * index + 1), uuid(43000000, 2 * index + 2)],
}));
const agencyCells = wards.flatMap((ward) => (ward.agencyCell ? [ward.agencyCell] : []));
const residentialCells = wards.flatMap((ward) => ward.residentialCells);

const units: NewOrgUnit[] = [
  { id: province, code: 'DN', name: 'Đảng bộ tỉnh Đồng Nai', kind: 'PROVINCE', parent_id: null, established_on: null },
  { id: city, code: 'DN-BH', name: 'Đảng bộ thành phố Biên Hòa', kind: 'DISTRICT', parent_id: province, established_on: '1976-01-01' },
  ...wards.flatMap((ward, index): NewOrgUnit[] => [
    { id: ward.id, code: `BH-${index + 1}`, name: ward.name, kind: 'GRASSROOTS_COMMITTEE', parent_id: city, established_on: '1990-01-01' },
    ...(ward.agencyCell ? [{ id: ward.agencyCell, code: `BH-${index + 1}-CQ`, name: `Chi bộ cơ quan phường ${WARD_NAMES[index]}`, kind: 'CELL' as const, parent_id: ward.id, established_on: '1995-01-01' }] : []),
    ...ward.residentialCells.map((id, cell) => ({ id, code: `BH-${index + 1}-KP${cell + 1}`, name: `Chi bộ khu phố ${cell + 1}`, kind: 'CELL' as const, parent_id: ward.id, established_on: '1995-01-01' })),
  ]),
];

// 473 members over the 28 agency cells (16 or 17 each), and a few in every residential cell.
const agencyMembers: NewMember[] = Array.from({ length: AGENCY_MEMBERS }, (_, n) => ({
  id: uuid(30000000, n + 1),
  full_name: `Nguyễn Văn Cơ Quan ${n + 1}`,
  status: n % 10 === 0 ? 'PROBATIONARY' : 'OFFICIAL',
  cell_id: agencyCells[n % agencyCells.length]!,
  placed_on: '2015-01-01',
}));
const residentialMembers: NewMember[] = residentialCells.flatMap((cellId, cell) =>
  Array.from({ length: RESIDENTIAL_MEMBERS_EACH }, (_, n) => ({ id: uuid(31000000, cell * 10 + n + 1), full_name: `Trần Thị Khu Phố ${cell}-${n}`, status: 'OFFICIAL' as const, cell_id: cellId, placed_on: '2010-01-01' })),
);
const agencyMembersOf = (cellId: string) => agencyMembers.filter((member) => member.cell_id === cellId).map((member) => member.id);

const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: city });
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
  await federation.organization.db.transaction().execute((trx) => insertOrgUnits(trx, units));
  await federation.membership.db.transaction().execute((trx) => insertMembers(trx, [...agencyMembers, ...residentialMembers]));
  await federation.catchUp();
}, 120_000);
afterAll(async () => federation?.close());

const TREE = `query ($id: ID!, $asOf: String) {
  orgUnit(id: $id, asOf: $asOf) {
    unitCounts { kind count }
    memberCount(asOf: $asOf, includeSubtree: true)
    children { id children { id name memberCount(asOf: $asOf) members(asOf: $asOf, first: 300) { id } } }
  }
}`;
type Tree = {
  orgUnit: {
    unitCounts: { kind: string; count: number }[];
    memberCount: number;
    children: { id: string; children: { id: string; name: string; memberCount: number; members: { id: string }[] }[] }[];
  };
};
const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id status } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph status detail } } }`;

const treeOn = async (asOf: string) => {
  const response = await federation.post<Tree>(TREE, { id: city, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit;
};
const cellCount = (tree: Tree['orgUnit']) => tree.unitCounts.find((row) => row.kind === 'CELL')?.count ?? 0;

describe('the Biên Hòa restructuring of 16-4-2019 (seed 002)', () => {
  it('starts with 30 wards, 28 agency cells holding 473 members', async () => {
    expect(agencyCells).toHaveLength(28);
    const tree = await treeOn(BEFORE);
    expect(tree.children).toHaveLength(30);
    expect(cellCount(tree)).toBe(28 + 60);
    const agency = tree.children.flatMap((ward) => ward.children).filter((cell) => agencyCells.includes(cell.id));
    expect(agency.reduce((sum, cell) => sum + cell.memberCount, 0)).toBe(AGENCY_MEMBERS);
    expect(tree.memberCount).toBe(AGENCY_MEMBERS + residentialMembers.length);
  });

  const operations: string[] = [];
  it('dissolves the 28 agency cells, each into a residential cell of its ward, as 28 operations that complete', async () => {
    for (const ward of wards) {
      if (!ward.agencyCell) continue;
      const response = await federation.post<{ dissolveOrgUnit: { id: string; status: string } }>(DISSOLVE, {
        input: { id: ward.agencyCell, successorId: ward.residentialCells[0], effectiveDate: DAY, decisionNumber: '1234-QĐ/TU' },
      });
      expect(response.errors).toBeUndefined();
      operations.push(response.data!.dissolveOrgUnit.id);
    }
    await federation.catchUp();
    for (const [index, id] of operations.entries()) {
      const operation = await federation.post<{ operation: { status: string; parts: { subgraph: string; detail: string }[] } }>(OPERATION, { id });
      expect(operation.data!.operation.status).toBe('COMPLETED');
      const moved = operation.data!.operation.parts.find((part) => part.subgraph === 'membership')!;
      expect(JSON.parse(moved.detail)).toEqual({ moved: agencyMembersOf(agencyCells[index]!).length });
    }
  });

  it('answers the tree and the counts of 15-4 as they were, and those of 17-4 after the change', async () => {
    const before = await treeOn(BEFORE);
    const after = await treeOn(AFTER);
    expect(cellCount(before)).toBe(88);
    expect(cellCount(after)).toBe(60);
    expect(after.children).toHaveLength(30);
    const cellsAfter = after.children.flatMap((ward) => ward.children);
    expect(cellsAfter.map((cell) => cell.id).sort()).toEqual([...residentialCells].sort());
    expect(cellsAfter.every((cell) => cell.name.startsWith('Chi bộ khu phố'))).toBe(true);
    // Nobody lost: the city holds the same members both days.
    expect(before.memberCount).toBe(AGENCY_MEMBERS + residentialMembers.length);
    expect(after.memberCount).toBe(before.memberCount);

    // Every one of the 473 members is in a residential cell on 17-4, exactly once, in the successor of its agency cell.
    const placedAfter = cellsAfter.flatMap((cell) => cell.members.map((member) => ({ member: member.id, cell: cell.id })));
    const moved = placedAfter.filter((row) => agencyMembers.some((member) => member.id === row.member));
    expect(moved).toHaveLength(AGENCY_MEMBERS);
    expect(new Set(moved.map((row) => row.member)).size).toBe(AGENCY_MEMBERS);
    for (const ward of wards) {
      if (!ward.agencyCell) continue;
      const successor = cellsAfter.find((cell) => cell.id === ward.residentialCells[0])!;
      expect(successor.memberCount).toBe(RESIDENTIAL_MEMBERS_EACH + agencyMembersOf(ward.agencyCell).length);
      expect(successor.members.map((member) => member.id)).toEqual(expect.arrayContaining(agencyMembersOf(ward.agencyCell)));
    }
    // The agency cells themselves: their members on 15-4, nobody on 17-4.
    const agencyBefore = before.children.flatMap((ward) => ward.children).filter((cell) => agencyCells.includes(cell.id));
    expect(agencyBefore).toHaveLength(28);
    for (const cell of agencyBefore) expect(cell.members.map((member) => member.id).sort()).toEqual(agencyMembersOf(cell.id).sort());
    const ended = await federation.post<{ orgUnit: { endedOn: string; memberCount: number } }>('query ($id: ID!) { orgUnit(id: $id) { endedOn memberCount(asOf: "2019-04-17") } }', { id: agencyCells[0] });
    expect(ended.data!.orgUnit).toEqual({ endedOn: DAY, memberCount: 0 });
  });

  it('records one placement per moved member for the day, and leaves every replica equal to its source', async () => {
    const placements = await sql<{ n: string; members: string }>`
      SELECT count(*) AS n, count(DISTINCT member_id) AS members FROM member_placement WHERE operation_id = ANY(${operations}::uuid[]) AND valid_from = ${DAY}::date`.execute(federation.membership.db);
    expect({ n: Number(placements.rows[0]!.n), members: Number(placements.rows[0]!.members) }).toEqual({ n: AGENCY_MEMBERS, members: AGENCY_MEMBERS });
    expect((await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });
});
