import { insertMembers, type NewMember } from '@dangvien/membership/bulk';
import { insertOrgUnits, type NewOrgUnit } from '@dangvien/organization/bulk';
import { consistencyReport } from '@dangvien/stack';
import { callerWith, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The Biên Hòa restructuring of seed 002, replayed as told: 30 wards, 28 of them with an agency cell
 * (chi bộ cơ quan) holding 473 members between them; on 16-4-2019 the ward committees dissolve the 28
 * agency cells and each member goes to the residential cell (chi bộ khu phố) of the ward named for him
 * or her, all in ONE operation (one plan, one dissolution step per agency cell, a destination per
 * member). The trees and member counts as of 15-4 and 17-4 come from the effective-dated tree and the
 * dated placements.
 */
const WARD_NAMES = [
  'An Bình', 'Bình Đa', 'Bửu Hòa', 'Bửu Long', 'Hố Nai', 'Hòa Bình', 'Long Bình', 'Long Bình Tân', 'Quang Vinh', 'Quyết Thắng',
  'Tam Hiệp', 'Tam Hòa', 'Tân Biên', 'Tân Hạnh', 'Tân Hiệp', 'Tân Hòa', 'Tân Mai', 'Tân Phong', 'Tân Tiến', 'Tân Vạn',
  'Thanh Bình', 'Thống Nhất', 'Trảng Dài', 'Trung Dũng', 'Hóa An', 'Hiệp Hòa', 'An Hòa', 'Long Hưng', 'Phước Tân', 'Tam Phước',
];
const AGENCY_MEMBERS = 473;
const RESIDENTIAL_MEMBERS_EACH = 4;
const RESIDENTIAL_CELLS_EACH = 3;
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
  residentialCells: Array.from({ length: RESIDENTIAL_CELLS_EACH }, (_, cell) => uuid(43000000, RESIDENTIAL_CELLS_EACH * index + cell + 1)),
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
/** Where the decision sends each agency member: a residential cell of the member's ward, named per member. */
const destinationOf = new Map(
  wards.flatMap((ward) => (ward.agencyCell ? agencyMembersOf(ward.agencyCell).map((id, n) => [id, ward.residentialCells[(n * 7) % RESIDENTIAL_CELLS_EACH]!] as const) : [])),
);

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
const PLAN = `mutation ($input: RestructuringPlanInput!) { applyRestructuringPlan(input: $input) { id kind status } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph status detail unit { id } } } }`;

const treeOn = async (asOf: string) => {
  const response = await federation.post<Tree>(TREE, { id: city, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit;
};
const cellCount = (tree: Tree['orgUnit']) => tree.unitCounts.find((row) => row.kind === 'CELL')?.count ?? 0;

describe('the Biên Hòa restructuring of 16-4-2019 (seed 002), as told', () => {
  it('starts with 30 wards, 28 agency cells holding 473 members', async () => {
    expect(agencyCells).toHaveLength(28);
    const tree = await treeOn(BEFORE);
    expect(tree.children).toHaveLength(30);
    expect(cellCount(tree)).toBe(28 + 30 * RESIDENTIAL_CELLS_EACH);
    const agency = tree.children.flatMap((ward) => ward.children).filter((cell) => agencyCells.includes(cell.id));
    expect(agency.reduce((sum, cell) => sum + cell.memberCount, 0)).toBe(AGENCY_MEMBERS);
    expect(tree.memberCount).toBe(AGENCY_MEMBERS + residentialMembers.length);
  });

  let operationId = '';
  it('dissolves the 28 agency cells in one operation, each member to the residential cell named for him or her', async () => {
    const steps = wards.flatMap((ward) => {
      if (!ward.agencyCell) return [];
      const members = agencyMembersOf(ward.agencyCell);
      return [
        {
          dissolve: {
            units: [{ id: ward.agencyCell }],
            successor: { id: ward.residentialCells[0] },
            destinations: members.map((id) => ({ unit: { id: destinationOf.get(id) }, memberIds: [id] })),
          },
        },
      ];
    });
    const response = await federation.post<{ applyRestructuringPlan: { id: string; kind: string; status: string } }>(PLAN, {
      input: { subjectId: city, effectiveDate: DAY, decisionNumber: '260-KH/TU', steps },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.applyRestructuringPlan).toMatchObject({ kind: 'RESTRUCTURING_PLAN', status: 'PENDING' });
    operationId = response.data!.applyRestructuringPlan.id;
    await federation.catchUp();
    const operation = await federation.post<{ operation: { status: string; parts: { subgraph: string; status: string; detail: string; unit: { id: string } }[] } }>(OPERATION, { id: operationId });
    expect(operation.data!.operation.status).toBe('COMPLETED');
    // One part per subgraph and agency cell; membership moved each cell's members, evaluation updated as many.
    expect(operation.data!.operation.parts).toHaveLength(2 * 28);
    for (const part of operation.data!.operation.parts) {
      const count = agencyMembersOf(part.unit.id).length;
      expect(JSON.parse(part.detail)).toEqual(part.subgraph === 'membership' ? { moved: count } : { updated: count });
    }
  });

  it('answers the tree and the counts of 15-4 as they were, and those of 17-4 after the change', async () => {
    const before = await treeOn(BEFORE);
    const after = await treeOn(AFTER);
    expect(cellCount(before)).toBe(28 + 30 * RESIDENTIAL_CELLS_EACH);
    expect(cellCount(after)).toBe(30 * RESIDENTIAL_CELLS_EACH);
    expect(after.children).toHaveLength(30);
    const cellsAfter = after.children.flatMap((ward) => ward.children);
    expect(cellsAfter.map((cell) => cell.id).sort()).toEqual([...residentialCells].sort());
    expect(cellsAfter.every((cell) => cell.name.startsWith('Chi bộ khu phố'))).toBe(true);
    // Nobody lost: the city holds the same members both days.
    expect(before.memberCount).toBe(AGENCY_MEMBERS + residentialMembers.length);
    expect(after.memberCount).toBe(before.memberCount);

    // Every one of the 473 members is in a residential cell on 17-4, exactly once, in the cell named for him or her.
    const placedAfter = cellsAfter.flatMap((cell) => cell.members.map((member) => ({ member: member.id, cell: cell.id })));
    const moved = placedAfter.filter((row) => destinationOf.has(row.member));
    expect(moved).toHaveLength(AGENCY_MEMBERS);
    expect(new Set(moved.map((row) => row.member)).size).toBe(AGENCY_MEMBERS);
    for (const row of moved) expect(row.cell).toBe(destinationOf.get(row.member));
    // Spread over many residential cells, every cell counting its own members and those sent to it.
    expect(new Set(moved.map((row) => row.cell)).size).toBe(28 * RESIDENTIAL_CELLS_EACH);
    for (const cell of cellsAfter) {
      const sent = [...destinationOf.values()].filter((target) => target === cell.id).length;
      expect(cell.memberCount).toBe(RESIDENTIAL_MEMBERS_EACH + sent);
      expect(cell.members).toHaveLength(RESIDENTIAL_MEMBERS_EACH + sent);
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
      SELECT count(*) AS n, count(DISTINCT member_id) AS members FROM member_placement WHERE operation_id = ${operationId}::uuid AND valid_from = ${DAY}::date`.execute(federation.membership.db);
    expect({ n: Number(placements.rows[0]!.n), members: Number(placements.rows[0]!.members) }).toEqual({ n: AGENCY_MEMBERS, members: AGENCY_MEMBERS });
    expect((await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });
});
