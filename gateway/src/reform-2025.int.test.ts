import { insertMembers, type NewMember } from '@dangvien/membership/bulk';
import { insertOrgUnits, type NewOrgUnit } from '@dangvien/organization/bulk';
import { consistencyReport } from '@dangvien/stack';
import { callerWith, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The 2025 reform (DOMAIN.md §1) for one district as ONE plan on 1-7-2025: the district ends and its
 * three wards go directly under the province; two of the wards merge, the cells of the one that ends
 * going under the one that stays, which takes a new name. Paths and counts as of 30-6 and 1-7 come from
 * the effective-dated tree; nobody changes cell. A plan with a failing step changes nothing.
 */
const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const province = uuid(50000000, 1);
const district = uuid(50000000, 2);
const [w1, w2, w3] = [uuid(51000000, 1), uuid(51000000, 2), uuid(51000000, 3)];
const cells = { [w1]: [uuid(52000000, 1), uuid(52000000, 2)], [w2]: [uuid(52000000, 3), uuid(52000000, 4)], [w3]: [uuid(52000000, 5)] };
const MEMBERS_EACH = [5, 7, 4, 6, 9];
const DAY = '2025-07-01';
const BEFORE = '2025-06-30';
const NEW_NAME = 'Đảng bộ phường Tân Thành';

const units: NewOrgUnit[] = [
  { id: province, code: 'CT', name: 'Đảng bộ thành phố Cần Thơ', kind: 'PROVINCE', parent_id: null, established_on: null },
  { id: district, code: 'CT-CR', name: 'Đảng bộ quận Cái Răng', kind: 'DISTRICT', parent_id: province, established_on: '2004-01-02' },
  { id: w1, code: 'CR-LT', name: 'Đảng bộ phường Lê Bình', kind: 'GRASSROOTS_COMMITTEE', parent_id: district, established_on: '2004-01-02' },
  { id: w2, code: 'CR-TP', name: 'Đảng bộ phường Thường Thạnh', kind: 'GRASSROOTS_COMMITTEE', parent_id: district, established_on: '2004-01-02' },
  { id: w3, code: 'CR-HP', name: 'Đảng bộ phường Hưng Phú', kind: 'GRASSROOTS_COMMITTEE', parent_id: district, established_on: '2004-01-02' },
  ...Object.entries(cells).flatMap(([ward, ids]) =>
    ids.map((id, n): NewOrgUnit => ({ id, code: `${id.slice(-2)}-KV${n + 1}`, name: `Chi bộ khu vực ${id.slice(-1)}`, kind: 'CELL', parent_id: ward, established_on: '2004-01-02' })),
  ),
];
const allCells = Object.values(cells).flat();
const members: NewMember[] = allCells.flatMap((cellId, cell) =>
  Array.from({ length: MEMBERS_EACH[cell]! }, (_, n) => ({ id: uuid(53000000, cell * 100 + n + 1), full_name: `Lê Văn Cải Cách ${cell}-${n}`, status: 'OFFICIAL' as const, cell_id: cellId, placed_on: '2010-01-01' })),
);
const membersUnder = (ward: string) => cells[ward]!.reduce((sum, cellId) => sum + MEMBERS_EACH[allCells.indexOf(cellId)]!, 0);

const provincialBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: province });
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => provincialBoard);
  await federation.organization.db.transaction().execute((trx) => insertOrgUnits(trx, units));
  await federation.membership.db.transaction().execute((trx) => insertMembers(trx, members));
  await federation.catchUp();
}, 120_000);
afterAll(async () => federation?.close());

const PLAN = `mutation ($input: RestructuringPlanInput!) { applyRestructuringPlan(input: $input) { id kind status } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { kind status parts { subgraph status detail unit { id } } } }`;
const UNIT = `query ($id: ID!, $asOf: String) {
  orgUnit(id: $id, asOf: $asOf) { name path endedOn successor { id } unitCounts { kind count } memberCount(asOf: $asOf, includeSubtree: true) children { id } }
}`;
interface UnitAnswer {
  name: string;
  path: string[];
  endedOn: string | null;
  successor: { id: string } | null;
  unitCounts: { kind: string; count: number }[];
  memberCount: number;
  children: { id: string }[];
}
const unitOn = async (id: string, asOf: string) => {
  const response = await federation.post<{ orgUnit: UnitAnswer }>(UNIT, { id, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit;
};
const countOf = (answer: UnitAnswer, kind: string) => answer.unitCounts.find((row) => row.kind === kind)?.count ?? 0;
const reform = (steps: unknown[]) => ({ subjectId: district, effectiveDate: DAY, decisionNumber: '1234-NQ/TW', steps });
const totals = async () => ({
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(federation.organization.db)).rows[0]!.n),
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  versions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit_version`.execute(federation.organization.db)).rows[0]!.n),
  operations: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM operation`.execute(federation.organization.db)).rows[0]!.n),
});

const PLAN_STEPS = [{ endDistrict: { district: { id: district } } }, { merge: { units: [{ id: w2 }], into: { id: w1 } } }, { rename: { unit: { id: w1 }, name: NEW_NAME } }];

describe('the 2025 reform for a district with three wards, as one plan on 1-7-2025', () => {
  it('refuses a plan whose third step fails, naming the step, and changes nothing', async () => {
    const before = await totals();
    // Merging a ward into one of its own cells: the ward's cells cannot sit under a cell.
    const response = await federation.post(PLAN, { input: reform([PLAN_STEPS[0], { merge: { units: [{ id: w2 }], into: { id: cells[w1]![0] } } }, PLAN_STEPS[2]]) });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.step).toBe(2);
    expect(response.errors?.[0]?.extensions?.field).toBe('steps.1.merge.successorId');
    expect(response.errors?.[0]?.message).toMatch(/^Bước 2 \(sáp nhập\): /);
    const later = await federation.post(PLAN, { input: reform([...PLAN_STEPS.slice(0, 2), { rename: { unit: { id: w1 }, name: 'Đảng bộ phường Lê Bình' } }]) });
    expect(later.errors?.[0]?.message).toMatch(/^Bước 3 \(đổi tên\): Tên mới trùng/);
    expect(await totals()).toEqual(before);
    expect((await unitOn(district, DAY)).endedOn).toBeNull();
    expect((await unitOn(cells[w2]![0]!, DAY)).path).toEqual(['Đảng bộ thành phố Cần Thơ', 'Đảng bộ quận Cái Răng', 'Đảng bộ phường Thường Thạnh', 'Chi bộ khu vực 3']);
  });

  let operationId = '';
  it('ends the district, merges two wards with their cells and renames the one that stays, as one operation that completes', async () => {
    const response = await federation.post<{ applyRestructuringPlan: { id: string; kind: string; status: string } }>(PLAN, { input: reform(PLAN_STEPS) });
    expect(response.errors).toBeUndefined();
    expect(response.data!.applyRestructuringPlan).toMatchObject({ kind: 'PROVINCE_REFORM', status: 'PENDING' });
    operationId = response.data!.applyRestructuringPlan.id;
    await federation.catchUp();
    const operation = await federation.post<{ operation: { status: string; parts: { subgraph: string; status: string; detail: string; unit: { id: string } }[] } }>(OPERATION, { id: operationId });
    expect(operation.data!.operation.status).toBe('COMPLETED');
    // The two units that end (the district, the merged ward), once per subgraph; neither held members.
    expect(operation.data!.operation.parts.map((part) => `${part.subgraph}:${part.unit.id}`).sort()).toEqual(
      [`evaluation:${district}`, `evaluation:${w2}`, `membership:${district}`, `membership:${w2}`].sort(),
    );
    expect(operation.data!.operation.parts.every((part) => part.status === 'COMPLETED' && /^\{"(moved|updated)":0\}$/.test(part.detail))).toBe(true);
  });

  it('answers paths and counts of 30-6 with the district, and of 1-7 with the wards under the province, merged and renamed', async () => {
    const total = members.length;
    // 30-6-2025: province → district → three wards → five cells.
    const provinceBefore = await unitOn(province, BEFORE);
    expect([countOf(provinceBefore, 'DISTRICT'), countOf(provinceBefore, 'GRASSROOTS_COMMITTEE'), countOf(provinceBefore, 'CELL')]).toEqual([1, 3, 5]);
    expect(provinceBefore.memberCount).toBe(total);
    expect((await unitOn(district, BEFORE)).memberCount).toBe(total);
    expect((await unitOn(cells[w2]![0]!, BEFORE)).path).toEqual(['Đảng bộ thành phố Cần Thơ', 'Đảng bộ quận Cái Răng', 'Đảng bộ phường Thường Thạnh', 'Chi bộ khu vực 3']);
    expect((await unitOn(w3, BEFORE)).path).toEqual(['Đảng bộ thành phố Cần Thơ', 'Đảng bộ quận Cái Răng', 'Đảng bộ phường Hưng Phú']);
    const w1Before = await unitOn(w1, BEFORE);
    expect({ name: w1Before.name, members: w1Before.memberCount, cells: w1Before.children.length }).toEqual({ name: 'Đảng bộ phường Lê Bình', members: membersUnder(w1), cells: 2 });
    expect((await unitOn(w2, BEFORE)).memberCount).toBe(membersUnder(w2));

    // 1-7-2025: province → two wards (one merged and renamed) → the same five cells, the same members.
    const provinceAfter = await unitOn(province, DAY);
    expect([countOf(provinceAfter, 'DISTRICT'), countOf(provinceAfter, 'GRASSROOTS_COMMITTEE'), countOf(provinceAfter, 'CELL')]).toEqual([0, 2, 5]);
    expect(provinceAfter.memberCount).toBe(total);
    expect(provinceAfter.children.map((child) => child.id).sort()).toEqual([w1, w3].sort());
    expect((await unitOn(cells[w2]![0]!, DAY)).path).toEqual(['Đảng bộ thành phố Cần Thơ', NEW_NAME, 'Chi bộ khu vực 3']);
    expect((await unitOn(cells[w1]![1]!, DAY)).path).toEqual(['Đảng bộ thành phố Cần Thơ', NEW_NAME, 'Chi bộ khu vực 2']);
    expect((await unitOn(w3, DAY)).path).toEqual(['Đảng bộ thành phố Cần Thơ', 'Đảng bộ phường Hưng Phú']);
    const w1After = await unitOn(w1, DAY);
    expect({ name: w1After.name, members: w1After.memberCount, cells: w1After.children.length }).toEqual({ name: NEW_NAME, members: membersUnder(w1) + membersUnder(w2), cells: 4 });
    const ended = await federation.post<{ orgUnit: { endedOn: string; successor: { id: string } } }>('query ($id: ID!) { orgUnit(id: $id) { endedOn successor { id } } }', { id: w2 });
    expect(ended.data!.orgUnit).toEqual({ endedOn: DAY, successor: { id: w1 } });
    expect((await federation.post<{ orgUnit: { endedOn: string } }>('query ($id: ID!) { orgUnit(id: $id) { endedOn } }', { id: district })).data!.orgUnit.endedOn).toBe(DAY);
  });

  it('moves no member, and leaves every replica equal to its source', async () => {
    const placements = await sql<{ n: string }>`SELECT count(*) AS n FROM member_placement WHERE operation_id = ${operationId}::uuid`.execute(federation.membership.db);
    expect(Number(placements.rows[0]!.n)).toBe(0);
    expect((await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });
});
