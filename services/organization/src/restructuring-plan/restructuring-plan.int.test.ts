import { demoDataSet, demoId, callerWith } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Successor kinds and destinations, through the gateway on the demo data: members land only in a
 * cell (the successor and every destination), a named member must be active in the unit that ends;
 * a plan may refer to a unit an earlier step created, by key. Refusals change nothing.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const commune = unit(11); // Đảng bộ xã Xuân Hồng: cells 111, 112, 113
const activeOf = (unitId: string) =>
  demo.members
    .filter((member) => member.cellId === unitId && member.status !== 'LEFT' && member.status !== 'DECEASED')
    .map((member) => member.id)
    .sort();
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id status } }`;
const PLAN = `mutation ($input: RestructuringPlanInput!) { applyRestructuringPlan(input: $input) { id status } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph detail } } }`;
const MEMBERS = `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { name members(asOf: $asOf, first: 200) { id } } }`;
const totals = async () => ({
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(federation.organization.db)).rows[0]!.n),
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  units: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM org_unit WHERE ended_on IS NULL`.execute(federation.organization.db)).rows[0]!.n),
});
const membersOf = async (id: string, asOf: string) => {
  const response = await federation.post<{ orgUnit: { name: string; members: { id: string }[] } }>(MEMBERS, { id, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit;
};

describe('successor kinds and destinations', () => {
  it.each([
    ['the commune committee as the successor of a cell', () => ({ successorId: commune }), 'successorId'],
    ['the commune committee as a destination', () => ({ successorId: unit(111), destinations: [{ unitId: commune, memberIds: activeOf(unit(113)).slice(0, 1) }] }), 'destinations.unitId'],
    ['a member of another cell', () => ({ successorId: unit(111), destinations: [{ unitId: unit(112), memberIds: activeOf(unit(101)).slice(0, 1) }] }), 'destinations.memberIds'],
    ['a member named twice', () => ({ successorId: unit(111), destinations: [{ unitId: unit(112), memberIds: [activeOf(unit(113))[0], activeOf(unit(113))[0]] }] }), 'destinations.memberIds'],
  ])('refuses %s in Vietnamese, changing nothing', async (_name, input, field) => {
    const before = await totals();
    const response = await federation.post(DISSOLVE, { input: { id: unit(113), effectiveDate: '2025-03-01', decisionNumber: '31-QĐ/ĐU', ...input() } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêệềếểễôộồốổỗơợờớởỡưựừứửữ]/);
    expect(await totals()).toEqual(before);
  });

  it('refuses a cell as the unit a ward merges into (its cells cannot sit under a cell)', async () => {
    const before = await totals();
    const response = await federation.post(`mutation ($input: MergeOrgUnitsInput!) { mergeOrgUnits(input: $input) { id } }`, {
      input: { ids: [commune], intoId: unit(101), effectiveDate: '2025-03-01', decisionNumber: '32-QĐ/HU' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await totals()).toEqual(before);
  });

  it('refuses a step naming an unknown key or two kinds of change, naming the step', async () => {
    const before = await totals();
    const unknown = await federation.post(PLAN, {
      input: { subjectId: commune, effectiveDate: '2025-03-01', decisionNumber: '33-QĐ/ĐU', steps: [{ rename: { unit: { id: unit(112) }, name: 'Chi bộ xóm Hai' } }, { rename: { unit: { key: 'mới' }, name: 'X' } }] },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', step: 2, field: 'steps.1.rename.unit' });
    expect(unknown.errors?.[0]?.message).toMatch(/^Bước 2 \(đổi tên\): /);
    const both = await federation.post(PLAN, {
      input: { subjectId: commune, effectiveDate: '2025-03-01', decisionNumber: '33-QĐ/ĐU', steps: [{ rename: { unit: { id: unit(112) }, name: 'A' }, move: { unit: { id: unit(112) }, newParent: { id: unit(10) } } }] },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', step: 1 });
    expect(await totals()).toEqual(before);
  });

  it('creates a cell and dissolves another into it the same day, members named for a third cell going there', async () => {
    const members = activeOf(unit(113));
    const named = members.slice(0, 3);
    const response = await federation.post<{ applyRestructuringPlan: { id: string } }>(PLAN, {
      input: {
        subjectId: commune,
        effectiveDate: '2025-03-01',
        decisionNumber: '34-QĐ/ĐU',
        steps: [
          { create: { key: 'mới', code: 'XH-X4', name: 'Chi bộ xóm 4', kind: 'CELL', parent: { id: commune } } },
          { dissolve: { units: [{ id: unit(113) }], successor: { key: 'mới' }, destinations: [{ unit: { id: unit(112) }, memberIds: named }] } },
          { rename: { unit: { key: 'mới' }, name: 'Chi bộ xóm Bốn' } },
        ],
      },
    });
    expect(response.errors).toBeUndefined();
    await federation.catchUp();
    const operation = await federation.post<{ operation: { status: string; parts: { subgraph: string; detail: string }[] } }>(OPERATION, { id: response.data!.applyRestructuringPlan.id });
    expect(operation.data!.operation.status).toBe('COMPLETED');
    expect(JSON.parse(operation.data!.operation.parts.find((part) => part.subgraph === 'membership')!.detail)).toEqual({ moved: members.length });
    const before112 = await membersOf(unit(112), '2025-02-28');
    const after112 = await membersOf(unit(112), '2025-03-01');
    expect(after112.members.map((member) => member.id).sort()).toEqual([...before112.members.map((member) => member.id), ...named].sort());
    const created = await federation.post<{ searchOrgUnits: { nodes: { id: string; name: string }[] } }>(
      `query { searchOrgUnits(text: "XH-X4", first: 5) { nodes { id name } } }`,
    );
    const newCell = created.data!.searchOrgUnits.nodes[0]!;
    expect(newCell.name).toBe('Chi bộ xóm Bốn');
    expect((await membersOf(newCell.id, '2025-03-01')).members.map((member) => member.id).sort()).toEqual(members.filter((id) => !named.includes(id)).sort());
    expect((await membersOf(unit(113), '2025-03-01')).members).toEqual([]);
  });
});
