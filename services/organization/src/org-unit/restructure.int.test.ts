import { todayInVietnam } from '@dangvien/db';
import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoDataSet, demoId, callerWith, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';
import { foldText } from '@dangvien/server';

/** The effective-dated tree: versions, as-of reads, history, restructuring and search. */
let subgraph: TestSubgraph<OrganizationDatabase>;
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const nameOf = (n: number) => demo.orgUnits.find((row) => row.id === unit(n))!.name;
const admin = callerWith({ role: 'ADMIN', scopeUnitId: unit(1) });

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
});
afterAll(async () => subgraph.close());

const RENAME = `mutation ($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id name asOf } }`;
const MOVE = `mutation ($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { id asOf parent { id } } }`;
const CREATE = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id name kind asOf parent { id } } }`;
const UNIT = `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { id name asOf parent { id name } children { id name } path ancestors { id } } }`;
type Unit = { id: string; name: string; asOf: string; parent: { id: string; name: string } | null; children: { id: string; name: string }[]; path: string[]; ancestors: { id: string }[] };

const counts = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(subgraph.db)).rows[0]!.n),
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(subgraph.db)).rows[0]!.n),
  versions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit_version`.execute(subgraph.db)).rows[0]!.n),
  units: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit`.execute(subgraph.db)).rows[0]!.n),
});

async function unitAsOf(n: number | string, asOf?: string, caller = admin): Promise<Unit | null> {
  const response = await subgraph.post<{ orgUnit: Unit | null }>(UNIT, { id: typeof n === 'number' ? unit(n) : n, asOf }, caller);
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit;
}

describe('the tree as of a date', () => {
  it('starts with one version per demo unit, and answers today by default', async () => {
    expect((await counts()).versions).toBe(demo.orgUnits.length);
    const today = todayInVietnam();
    expect((await unitAsOf(101))!.asOf).toBe(today);
    expect(await unitAsOf(101, '1985-01-01')).toBeNull(); // established 1990-02-03
  });

  it('renames from a date: the old name before, the new one from that day, in history with its decision', async () => {
    const before = await counts();
    const response = await subgraph.post<{ renameOrgUnit: { name: string; asOf: string } }>(
      RENAME,
      { input: { id: unit(101), name: 'Chi bộ Khu dân cư số 1', effectiveDate: '2020-01-01', decisionNumber: '101-QĐ/ĐU' } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.renameOrgUnit).toEqual({ id: unit(101), name: 'Chi bộ Khu dân cư số 1', asOf: '2020-01-01' });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, events: before.events + 1, versions: before.versions + 1 });

    expect((await unitAsOf(101, '2019-12-31'))!.name).toBe(nameOf(101));
    expect((await unitAsOf(101, '2020-01-01'))!.name).toBe('Chi bộ Khu dân cư số 1');
    expect((await unitAsOf(101))!.name).toBe('Chi bộ Khu dân cư số 1');
    expect((await unitAsOf(10, '2019-06-01'))!.children.map((child) => child.name)).toContain(nameOf(101));
    expect((await unitAsOf(10, '2021-06-01'))!.children.map((child) => child.name)).toContain('Chi bộ Khu dân cư số 1');

    const history = await subgraph.post<{ orgUnit: { history: { kind: string; effectiveDate: string; decisionNumber: string | null; name: string; parent: { id: string } }[] } }>(
      'query ($id: ID!) { orgUnit(id: $id) { history { kind effectiveDate decisionNumber name parent { id } } } }',
      { id: unit(101) },
      admin,
    );
    expect(history.data!.orgUnit.history).toEqual([
      { kind: 'CREATED', effectiveDate: '1990-02-03', decisionNumber: null, name: nameOf(101), parent: { id: unit(10) } },
      { kind: 'RENAMED', effectiveDate: '2020-01-01', decisionNumber: '101-QĐ/ĐU', name: 'Chi bộ Khu dân cư số 1', parent: { id: unit(10) } },
    ]);
    const event = await sql<{ type: string; payload: unknown }>`SELECT type, payload FROM outbox_event ORDER BY position DESC LIMIT 1`.execute(subgraph.db);
    expect(event.rows[0]).toEqual({ type: 'OrgUnitRenamed', payload: { id: unit(101), name: 'Chi bộ Khu dân cư số 1', effectiveDate: '2020-01-01', decisionNumber: '101-QĐ/ĐU' } });
  });

  it('moves a unit under a new parent from a date: parent, children, ancestors and path follow the date', async () => {
    const response = await subgraph.post<{ moveOrgUnit: { parent: { id: string } } }>(
      MOVE,
      { input: { id: unit(102), newParentId: unit(11), effectiveDate: '2021-03-01', decisionNumber: '55-QĐ/HU' } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.moveOrgUnit.parent.id).toBe(unit(11));

    const before = (await unitAsOf(102, '2021-02-28'))!;
    expect(before.parent!.id).toBe(unit(10));
    expect(before.path).toEqual([nameOf(1), nameOf(2), nameOf(10), nameOf(102)]);
    expect(before.ancestors.map((row) => row.id)).toEqual([unit(1), unit(2), unit(10)]);
    const after = (await unitAsOf(102, '2021-03-01'))!;
    expect(after.parent!.id).toBe(unit(11));
    expect(after.path).toEqual([nameOf(1), nameOf(2), nameOf(11), nameOf(102)]);
    expect((await unitAsOf(10, '2021-02-28'))!.children.map((child) => child.id)).toContain(unit(102));
    expect((await unitAsOf(10, '2021-03-01'))!.children.map((child) => child.id)).not.toContain(unit(102));
    expect((await unitAsOf(11, '2021-03-01'))!.children.map((child) => child.id)).toContain(unit(102));
    // Lists as of a date, too.
    const lists = await subgraph.post<{ then: { id: string }[]; now: { id: string }[] }>(
      `query { then: orgUnit(id: "${unit(10)}", asOf: "2020-01-01") { descendants(kind: CELL) { id } } now: orgUnit(id: "${unit(10)}") { descendants(kind: CELL) { id } } }`,
      {},
      admin,
    );
    expect(lists.errors).toBeUndefined();
  });

  it('answers a subtree’s unit counts and descendants as of a date', async () => {
    type Counts = { orgUnit: { unitCounts: { kind: string; count: number }[]; descendants: { id: string }[] } };
    const query = 'query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { unitCounts { kind count } descendants(kind: CELL) { id } } }';
    const then = await subgraph.post<Counts>(query, { id: unit(10), asOf: '2021-02-28' }, admin);
    const now = await subgraph.post<Counts>(query, { id: unit(10) }, admin);
    expect(then.data!.orgUnit.unitCounts).toEqual(expect.arrayContaining([{ kind: 'GRASSROOTS_COMMITTEE', count: 1 }, { kind: 'CELL', count: 3 }]));
    expect(now.data!.orgUnit.unitCounts).toEqual(expect.arrayContaining([{ kind: 'CELL', count: 2 }]));
    expect(now.data!.orgUnit.descendants.map((row) => row.id).sort()).toEqual([unit(101), unit(103)].sort());
    const province = await subgraph.post<Counts>(query, { id: unit(1), asOf: '2021-03-01' }, admin);
    expect(province.data!.orgUnit.unitCounts).toEqual(
      expect.arrayContaining([
        { kind: 'PROVINCE', count: 1 },
        { kind: 'DISTRICT', count: 2 },
        { kind: 'GRASSROOTS_COMMITTEE', count: 4 },
        { kind: 'CELL', count: 11 },
      ]),
    );
    expect((await subgraph.post<Counts>(query, { id: unit(1), asOf: '1980-01-01' }, admin)).data!.orgUnit.unitCounts).toEqual(
      expect.arrayContaining([{ kind: 'GRASSROOTS_COMMITTEE', count: 4 }]),
    );
    expect((await subgraph.post<Counts>(query, { id: unit(1), asOf: '1980-01-01' }, admin)).data!.orgUnit.unitCounts.find((row) => row.kind === 'CELL')).toBeUndefined();
  });

  it('reads one SQL statement per hop, whatever the date', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post('{ rootOrgUnits(asOf: "2019-01-01") { name children { name children { name parent { name } } } } }', {}, admin);
    expect(response.errors).toBeUndefined();
    expect(subgraph.queries.filter((statement) => statement.includes('from "org_unit"'))).toHaveLength(4);
  });

  it('rejects a malformed asOf', async () => {
    const response = await subgraph.post('{ orgUnits(kind: CELL, asOf: "2021-02-30") { id } }', {}, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Ngày không hợp lệ');
  });

  it('creates a unit from its establishment date, published and audited', async () => {
    const before = await counts();
    const response = await subgraph.post<{ createOrgUnit: { id: string; name: string; kind: string; parent: { id: string } } }>(
      CREATE,
      { input: { code: 'ND-XT-2-4', name: 'Chi bộ xóm 4', kind: 'CELL', parentId: unit(11), establishedOn: '2024-01-01', decisionNumber: '7-QĐ/ĐU' } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    const created = response.data!.createOrgUnit;
    expect(created).toMatchObject({ name: 'Chi bộ xóm 4', kind: 'CELL', parent: { id: unit(11) } });
    expect(await counts()).toEqual({ audit: before.audit + 1, events: before.events + 1, versions: before.versions + 1, units: before.units + 1 });
    expect(await unitAsOf(created.id, '2023-12-31')).toBeNull();
    expect((await unitAsOf(created.id, '2024-01-01'))!.name).toBe('Chi bộ xóm 4');
    const history = await subgraph.post<{ orgUnit: { history: { kind: string; decisionNumber: string }[] } }>('query ($id: ID!) { orgUnit(id: $id) { history { kind decisionNumber } } }', { id: created.id }, admin);
    expect(history.data!.orgUnit.history).toEqual([{ kind: 'CREATED', decisionNumber: '7-QĐ/ĐU' }]);
  });
});

describe('unit categories (loại hình)', () => {
  it('records a residential cell with its area, and reads the demo tree’s categories', async () => {
    const response = await subgraph.post<{ createOrgUnit: { category: string; residentialArea: string } }>(
      `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { category residentialArea } }`,
      { input: { code: 'ND-XT-2-9', name: 'Chi bộ thôn Trà Thượng', kind: 'CELL', category: 'RESIDENTIAL', residentialArea: 'THON', parentId: unit(11), establishedOn: '2024-01-01', decisionNumber: '9-QĐ/ĐU' } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createOrgUnit).toEqual({ category: 'RESIDENTIAL', residentialArea: 'THON' });
    const demo = await subgraph.post<{ township: { category: string }; cell: { category: string; residentialArea: string }; district: { category: null } }>(
      `query ($township: ID!, $cell: ID!, $district: ID!) { township: orgUnit(id: $township) { category } cell: orgUnit(id: $cell) { category residentialArea } district: orgUnit(id: $district) { category } }`,
      { township: unit(10), cell: unit(101), district: unit(2) },
      admin,
    );
    expect(demo.data).toEqual({ township: { category: 'TOWNSHIP' }, cell: { category: 'RESIDENTIAL', residentialArea: 'TO_DAN_PHO' }, district: { category: null } });
  });
});

describe('restructuring refuses what cannot be', () => {
  const ward13 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(13) });
  const rename = (input: Record<string, unknown>) => ({ query: RENAME, input: { id: unit(111), name: 'Chi bộ mới', effectiveDate: '2022-01-01', decisionNumber: '1-QĐ', ...input } });
  const move = (input: Record<string, unknown>) => ({ query: MOVE, input: { id: unit(103), newParentId: unit(11), effectiveDate: '2022-01-01', decisionNumber: '1-QĐ', ...input } });
  const create = (input: Record<string, unknown>) => ({
    query: CREATE,
    input: { code: 'NEW-1', name: 'Chi bộ mới', kind: 'CELL', parentId: unit(11), establishedOn: '2022-01-01', decisionNumber: '1-QĐ', ...input },
  });
  it.each([
    ['an impossible date', () => rename({ effectiveDate: '2022-02-30' }), 'BAD_USER_INPUT', 'Ngày không hợp lệ'],
    ['a rename before the unit existed', () => rename({ effectiveDate: '1980-01-01' }), 'BAD_USER_INPUT', 'ngày thành lập'],
    ['a rename before its last change', () => rename({ id: unit(101), effectiveDate: '2019-06-01' }), 'BAD_USER_INPUT', 'lần thay đổi gần nhất'],
    ['a change on the day of its last change', () => move({ id: unit(102), newParentId: unit(12), effectiveDate: '2021-03-01' }), 'BAD_USER_INPUT', 'lần thay đổi gần nhất'],
    ['an empty name', () => rename({ name: '   ' }), 'BAD_USER_INPUT', 'Chưa nhập tên đơn vị'],
    ['the same name', () => rename({ name: nameOf(111) }), 'BAD_USER_INPUT', 'trùng với tên hiện tại'],
    ['no decision number', () => rename({ decisionNumber: '' }), 'BAD_USER_INPUT', 'số quyết định'],
    ['an unknown unit', () => rename({ id: unit(9999) }), 'NOT_FOUND', 'Không tìm thấy đơn vị'],
    ['a move under its own descendant', () => move({ id: unit(10), newParentId: unit(103) }), 'BAD_USER_INPUT', 'trực thuộc chính'],
    ['a move under itself', () => move({ newParentId: unit(103) }), 'BAD_USER_INPUT', 'chính nó'],
    ['a move under an unknown parent', () => move({ newParentId: unit(9999) }), 'NOT_FOUND', 'đơn vị cấp trên'],
    ['a cell under a province', () => move({ newParentId: unit(1) }), 'BAD_USER_INPUT', 'chi bộ trực thuộc trực thuộc đảng bộ tỉnh'],
    ['a move to its current parent', () => move({ newParentId: unit(10) }), 'BAD_USER_INPUT', 'đã trực thuộc'],
    ['a duplicate code', () => create({ code: 'nd-xt-1-1' }), 'CONFLICT', 'đã được dùng'],
    ['a new cell under a province', () => create({ parentId: unit(1) }), 'BAD_USER_INPUT', 'trực thuộc đảng bộ tỉnh'],
    ['a new unit under an unknown parent', () => create({ parentId: unit(9999) }), 'NOT_FOUND', 'đơn vị cấp trên'],
    ['a new unit before its parent existed', () => create({ establishedOn: '1970-01-01' }), 'BAD_USER_INPUT', 'chưa thành lập'],
    ['a cell with a committee’s category', () => create({ category: 'COMMUNE' }), 'BAD_USER_INPUT', 'không dùng cho đơn vị loại này'],
    ['a residential area on an agency cell', () => create({ category: 'AGENCY', residentialArea: 'THON' }), 'BAD_USER_INPUT', 'Chỉ chi bộ khu dân cư'],
    ['a rename outside the caller’s scope', () => ({ ...rename({}), caller: ward13 }), 'NOT_FOUND', 'Không tìm thấy đơn vị'],
    ['a move into a parent outside the caller’s scope', () => ({ ...move({ id: unit(131) }), caller: ward13 }), 'NOT_FOUND', 'đơn vị cấp trên'],
    ['a new unit under a parent outside the caller’s scope', () => ({ ...create({}), caller: ward13 }), 'NOT_FOUND', 'đơn vị cấp trên'],
    ['a change by a role that may only read', () => ({ ...rename({}), caller: callerWith({ role: 'ANALYST', scopeUnitId: unit(1) }) }), 'FORBIDDEN', 'Vai trò'],
  ])('refuses %s with a clear error, and changes, publishes and audits nothing', async (_case, request, code, message) => {
    const before = await counts();
    const { query, input, caller } = request() as { query: string; input: Record<string, unknown>; caller?: ReturnType<typeof callerWith> };
    const response = await subgraph.post(query, { input }, caller ?? admin);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toContain(message);
    expect(await counts()).toEqual(before);
  });
});

describe('reading within the caller’s scope, as of a date', () => {
  const ward10 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) });
  it('shows a moved cell to its old committee only before the move, and nothing above the grant', async () => {
    expect(await unitAsOf(102, '2021-02-28', ward10)).not.toBeNull();
    expect(await unitAsOf(102, '2021-03-01', ward10)).toBeNull();
    expect(await unitAsOf(102, undefined, ward10)).toBeNull();
    expect(await unitAsOf(1, undefined, ward10)).toBeNull();
    const committee = (await unitAsOf(10, undefined, ward10))!;
    expect(committee.parent).toBeNull();
    expect(committee.ancestors).toEqual([]);
    expect(committee.path).toEqual([nameOf(10)]);
    const cells = await subgraph.post<{ then: { id: string }[]; now: { id: string }[] }>(
      '{ then: orgUnits(kind: CELL, asOf: "2021-01-01") { id } now: orgUnits(kind: CELL) { id } }',
      {},
      ward10,
    );
    expect(cells.data!.then.map((row) => row.id).sort()).toEqual([unit(101), unit(102), unit(103)].sort());
    expect(cells.data!.now.map((row) => row.id).sort()).toEqual([unit(101), unit(103)].sort());
    const roots = await subgraph.post<{ rootOrgUnits: { id: string }[] }>('{ rootOrgUnits { id } }', {}, ward10);
    expect(roots.data!.rootOrgUnits).toEqual([{ id: unit(10) }]);
  });
});

describe('search', () => {
  type Page = { searchOrgUnits: { nodes: { id: string; name: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
  const SEARCH = 'query ($text: String!, $kind: OrgUnitKind, $asOf: String, $first: Int, $after: String) { searchOrgUnits(text: $text, kind: $kind, asOf: $asOf, first: $first, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } } }';

  it('folds case and Vietnamese diacritics', () => {
    expect(foldText('Đảng bộ huyện XUÂN Trường')).toBe('dang bo huyen xuan truong');
  });

  it('finds names ignoring diacritics, and codes', async () => {
    const response = await subgraph.post<Page>(SEARCH, { text: 'xuan truong' }, admin);
    expect(response.errors).toBeUndefined();
    expect(response.data!.searchOrgUnits.nodes.map((row) => row.name).sort()).toEqual([nameOf(2), nameOf(10)].sort());
    const byCode = await subgraph.post<Page>(SEARCH, { text: 'ND-GT', kind: 'CELL' }, admin);
    expect(byCode.data!.searchOrgUnits.nodes.map((row) => row.id).sort()).toEqual([unit(131), unit(132)].sort());
  });

  it('searches the names of a date', async () => {
    const then = await subgraph.post<Page>(SEARCH, { text: 'khu dan cu', asOf: '2019-01-01' }, admin);
    const now = await subgraph.post<Page>(SEARCH, { text: 'khu dan cu' }, admin);
    expect(then.data!.searchOrgUnits.nodes).toEqual([]);
    expect(now.data!.searchOrgUnits.nodes.map((row) => row.id)).toEqual([unit(101)]);
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const all = await subgraph.post<Page>(SEARCH, { text: 'chi bo', first: 500 }, admin);
    const expected = all.data!.searchOrgUnits.nodes.map((row) => row.id);
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: Awaited<ReturnType<typeof subgraph.post<Page>>> = await subgraph.post<Page>(SEARCH, { text: 'chi bo', first: 4, after }, admin);
      seen.push(...response.data!.searchOrgUnits.nodes.map((row) => row.id));
      after = response.data!.searchOrgUnits.pageInfo.endCursor;
      if (!response.data!.searchOrgUnits.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(expected);
  });

  it('stays inside the caller’s scope and refuses bad paging', async () => {
    const ward13 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(13) });
    const scoped = await subgraph.post<Page>(SEARCH, { text: 'chi bo' }, ward13);
    expect(scoped.data!.searchOrgUnits.nodes.map((row) => row.id).sort()).toEqual([unit(131), unit(132)].sort());
    for (const variables of [{ first: 501 }, { first: 0 }, { after: 'not-a-cursor' }]) {
      const response = await subgraph.post(SEARCH, { text: 'chi bo', ...variables }, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
