import { describe, expect, it } from 'vitest';
import { activeMembersOf, cellRows, destinationsByCell, endMoves, formatRate, movesByTarget, placedNow, splitMoves } from './cells.ts';
import type { CellRoster, WardTree, WardTreeAlerts } from './queries.ts';
import { endCellsErrorPath, endCellsSchema, splitCellSchema } from './schemas.ts';

const cell = (id: string, name: string, memberCount: number, children: WardTree['children'][number]['children'] = []): WardTree['children'][number] => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'CELL',
  category: 'RESIDENTIAL',
  residentialArea: 'TO_DAN_PHO',
  establishedOn: '1990-02-03',
  memberCount,
  children,
});
const present = { status: 'PRESENT' } as const;
const absent = { status: 'ABSENT' } as const;

const tree: WardTree = {
  id: 'w',
  name: 'Đảng bộ thị trấn',
  asOf: '2026-06-30',
  children: [cell('c1', 'Chi bộ số 1', 8, [{ id: 'g1', code: 'G1', name: 'Tổ đảng 1', kind: 'PARTY_GROUP', memberCount: 3 }]), cell('c2', 'Chi bộ số 2', 5)],
  thisYear: [
    { id: 'm1', heldOn: '2026-03-05', cell: { id: 'c1' }, attendance: [present, present, absent, present] },
    { id: 'm2', heldOn: '2026-05-05', cell: { id: 'g1' }, attendance: [present, absent] },
    // After the day asked for: neither the last meeting nor in the rate.
    { id: 'm3', heldOn: '2026-07-05', cell: { id: 'c1' }, attendance: [absent, absent] },
  ],
  lastYear: [{ id: 'm0', heldOn: '2025-12-04', cell: { id: 'c2' } }],
};
const alerts: WardTreeAlerts = {
  evaluationAlerts: [{ unit: { id: 'c2' } }, { unit: { id: 'g1' } }, { unit: { id: 'w' } }],
  memberAlerts: { totalCount: 3, alerts: [{ cell: { id: 'c1' } }, { cell: { id: 'c1' } }, { cell: null }] },
};

describe('cellRows', () => {
  it('gives each cell its members, last meeting up to the day, attendance of the year and open alerts (party groups counted with their cell)', () => {
    const rows = cellRows(tree, alerts);
    expect(rows.map((row) => [row.name, row.memberCount, row.lastMeeting, row.attendanceRate, row.openAlerts])).toEqual([
      ['Chi bộ số 1', 8, '2026-05-05', 4 / 6, 3],
      ['Chi bộ số 2', 5, '2025-12-04', null, 1],
    ]);
    expect(rows[0]?.subUnits).toEqual([{ id: 'g1', name: 'Tổ đảng 1', memberCount: 3 }]);
  });

  it('writes rates the Vietnamese way', () => {
    expect(formatRate(4 / 6)).toBe('66,7%');
    expect(formatRate(null)).toBe('—');
  });
});

const roster = (id: string, name: string, members: string[], candidates: string[] = []): CellRoster => ({
  id,
  name,
  members: members.map((fullName, index) => ({ id: `${id}-m${String(index)}`, fullName, status: 'OFFICIAL' })),
  candidates: candidates.map((fullName, index) => ({ id: `${id}-q${String(index)}`, fullName, status: 'CANDIDATE' })),
});
const rosters = [roster('c1', 'Chi bộ số 1', ['Trần Văn Bình', 'Lê Thị An'], ['Phạm Văn Cường']), roster('c2', 'Chi bộ số 2', ['Ngô Văn Dũng']), roster('c3', 'Chi bộ số 3', ['Vũ Thị Em'])];

describe('who moves', () => {
  it('a dissolution moves every member and candidate of the cell to the successor, in Vietnamese name order', () => {
    const moves = endMoves(rosters, ['c1'], { id: 'c2', name: 'Chi bộ số 2' });
    expect(moves.map((move) => [move.member.fullName, move.fromName, move.toName])).toEqual([
      ['Lê Thị An', 'Chi bộ số 1', 'Chi bộ số 2'],
      ['Trần Văn Bình', 'Chi bộ số 1', 'Chi bộ số 2'],
      ['Phạm Văn Cường', 'Chi bộ số 1', 'Chi bộ số 2'],
    ]);
  });

  it('a dissolution sends a member named for another cell there, the others to the successor', () => {
    const moves = endMoves(rosters, ['c1'], { id: 'c2', name: 'Chi bộ số 2' }, { 'c1-m0': { id: 'c3', name: 'Chi bộ số 3' } });
    expect(moves.map((move) => [move.member.fullName, move.toId, move.toName])).toEqual([
      ['Lê Thị An', 'c2', 'Chi bộ số 2'],
      ['Trần Văn Bình', 'c3', 'Chi bộ số 3'],
      ['Phạm Văn Cường', 'c2', 'Chi bộ số 2'],
    ]);
    expect(movesByTarget(moves).map((group) => [group.toName, group.moves.map((move) => move.member.fullName)])).toEqual([
      ['Chi bộ số 2', ['Lê Thị An', 'Phạm Văn Cường']],
      ['Chi bộ số 3', ['Trần Văn Bình']],
    ]);
  });

  it('sends the destinations grouped by cell, leaving out members who go to the successor', () => {
    const rows = [
      { memberId: 'a', unitId: 'c3' },
      { memberId: 'b', unitId: '' },
      { memberId: 'c', unitId: 'c4' },
      { memberId: 'd', unitId: 'c2' },
      { memberId: 'e', unitId: 'c3' },
    ];
    expect(destinationsByCell(rows, 'c2')).toEqual([
      { unitId: 'c3', memberIds: ['a', 'e'] },
      { unitId: 'c4', memberIds: ['c'] },
    ]);
    expect(destinationsByCell([{ memberId: 'b', unitId: '' }], 'c2')).toEqual([]);
  });

  it('a merger moves the members of every merged cell', () => {
    const moves = endMoves(rosters, ['c1', 'c3'], { id: 'c2', name: 'Chi bộ số 2' });
    expect(moves).toHaveLength(4);
    expect(movesByTarget(moves).map((group) => [group.toName, group.moves.length])).toEqual([['Chi bộ số 2', 4]]);
  });

  it('a split sends named members to their part and the others to the part that receives the rest', () => {
    const parts = [{ name: 'Chi bộ số 1A' }, { name: 'Chi bộ số 1B' }];
    const moves = splitMoves(rosters[0], parts, { 'c1-m0': '0', 'c1-m1': '' }, 1);
    expect(moves.map((move) => [move.member.fullName, move.toName])).toEqual([
      ['Lê Thị An', 'Chi bộ số 1B'],
      ['Trần Văn Bình', 'Chi bộ số 1A'],
      ['Phạm Văn Cường', 'Chi bộ số 1B'],
    ]);
  });

  it('counts a member listed both as party member and candidate once', () => {
    const twice = { ...rosters[1]!, candidates: rosters[1]!.members };
    expect(activeMembersOf(twice)).toHaveLength(1);
  });

  it('reads back where each moved member is now', () => {
    const moves = endMoves(rosters, ['c1'], { id: 'c2', name: 'Chi bộ số 2' });
    const after = [roster('c2', 'Chi bộ số 2', ['Ngô Văn Dũng']), { ...rosters[0]!, id: 'c2', name: 'Chi bộ số 2' }];
    expect(placedNow(moves, after).map((row) => row.now?.name)).toEqual(['Chi bộ số 2', 'Chi bộ số 2', 'Chi bộ số 2']);
    expect(placedNow(moves, [rosters[1]!]).map((row) => row.now)).toEqual([null, null, null]);
  });
});

describe('schemas', () => {
  it('refuses a successor that is the dissolved cell, and a merger into one of the merged cells', () => {
    const dissolve = endCellsSchema('dissolve').safeParse({ ids: ['c1'], successorId: 'c1', members: [], effectiveDate: '2026-06-30', decisionNumber: '12-QĐ/ĐU' });
    expect(dissolve.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['successorId', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.']]);
    const merge = endCellsSchema('merge').safeParse({ ids: [], successorId: '', members: [], effectiveDate: '30/06/2026', decisionNumber: ' ' });
    expect(merge.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['decisionNumber', 'effectiveDate', 'ids', 'successorId']);
  });

  it('refuses a member sent to the dissolved cell itself', () => {
    const result = endCellsSchema('dissolve').safeParse({
      ids: ['c1'],
      successorId: 'c2',
      members: [
        { memberId: 'a', unitId: 'c3' },
        { memberId: 'b', unitId: 'c1' },
      ],
      effectiveDate: '2026-06-30',
      decisionNumber: '12-QĐ/ĐU',
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['members.1.unitId', 'Chi bộ chuyển đến phải khác đơn vị giải thể.']]);
  });

  it('puts a server refusal of the destinations on the member it names, else on the members’ list', () => {
    const members = [{ memberId: 'a' }, { memberId: 'b' }];
    expect(endCellsErrorPath('dissolve', { field: 'destinations.memberIds', memberId: 'b' }, members)).toBe('members.1.unitId');
    expect(endCellsErrorPath('dissolve', { field: 'destinations.unitId' }, members)).toBe('members');
    expect(endCellsErrorPath('dissolve', { field: 'destinations.unitId' }, [])).toBeUndefined();
    expect(endCellsErrorPath('dissolve', { field: 'successorId' }, members)).toBe('successorId');
    expect(endCellsErrorPath('dissolve', { field: 'effectiveDate' }, members)).toBe('effectiveDate');
    expect(endCellsErrorPath('dissolve', { field: 'id' }, members)).toBeUndefined();
    expect(endCellsErrorPath('merge', { field: 'intoId' }, [])).toBe('successorId');
    expect(endCellsErrorPath('merge', { field: 'ids' }, [])).toBe('ids');
  });

  it('refuses two new cells with the same code and a party group left unplaced', () => {
    const result = splitCellSchema.safeParse({
      effectiveDate: '2026-06-30',
      decisionNumber: '12-QĐ/ĐU',
      parts: [
        { code: 'X1', name: 'A' },
        { code: 'x1', name: 'B' },
      ],
      remainingPart: '0',
      members: [],
      subUnits: [{ unitId: 'g1', part: '' }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['subUnits.0.part', 'Chọn đơn vị mới cho tổ đảng này.'],
      ['parts.1.code', 'Hai đơn vị mới trùng mã.'],
    ]);
  });
});
