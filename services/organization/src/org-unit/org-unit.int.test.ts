import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';

let subgraph: TestSubgraph<OrganizationDatabase>;
const demo = demoDataSet();

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
});
afterAll(async () => subgraph.close());

describe('organization subgraph', () => {
  it('answers the tree from the top: province, district, grassroots committees', async () => {
    const response = await subgraph.post<{ rootOrgUnits: { name: string; kind: string; children: { name: string; kind: string; children: { name: string }[] }[] }[] }>('{ rootOrgUnits { name kind children { name kind children { name } } } }',
    );
    expect(response.errors).toBeUndefined();
    const [province] = response.data!.rootOrgUnits;
    expect(province).toMatchObject({ name: 'Đảng bộ tỉnh Nam Định', kind: 'PROVINCE' });
    expect(province!.children.map((child) => child.name)).toEqual(['Đảng bộ huyện Giao Thủy', 'Đảng bộ huyện Xuân Trường']);
    const xuanTruong = province!.children[1]!;
    expect(xuanTruong.kind).toBe('DISTRICT');
    const committees = demo.orgUnits.filter((unit) => unit.parentId === demoId('unit', 2)).map((unit) => unit.name);
    expect(xuanTruong.children.map((child) => child.name).sort()).toEqual([...committees].sort());
  });

  it('resolves a unit with its parent and its children', async () => {
    const committee = demo.orgUnits.find((unit) => unit.kind === 'GRASSROOTS_COMMITTEE')!;
    const cells = demo.orgUnits.filter((unit) => unit.parentId === committee.id);
    const response = await subgraph.post<{ orgUnit: { name: string; parent: { kind: string }; children: { id: string }[] } }>('query ($id: ID!) { orgUnit(id: $id) { name parent { kind } children { id } } }',
      { id: committee.id },
    );
    expect(response.data!.orgUnit.name).toBe(committee.name);
    expect(response.data!.orgUnit.parent.kind).toBe('DISTRICT');
    expect(response.data!.orgUnit.children.map((child) => child.id).sort()).toEqual(cells.map((cell) => cell.id).sort());
  });

  it('lists units of one kind', async () => {
    const response = await subgraph.post<{ orgUnits: { kind: string }[] }>('{ orgUnits(kind: CELL) { kind } }');
    expect(response.data!.orgUnits).toHaveLength(demo.orgUnits.filter((unit) => unit.kind === 'CELL').length);
    expect(new Set(response.data!.orgUnits.map((unit) => unit.kind))).toEqual(new Set(['CELL']));
  });

  it('resolves _entities in one SQL statement, null for unknown or malformed ids', async () => {
    const ids = demo.orgUnits.filter((unit) => unit.kind === 'CELL').map((unit) => unit.id);
    const representations = [...ids, demoId('unit', 999_999), 'not-a-uuid'].map((id) => ({ __typename: 'OrgUnit', id }));
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ _entities: ({ id: string; name: string } | null)[] }>('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on OrgUnit { id name } } }',
      { representations },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.slice(0, ids.length).map((unit) => unit?.id)).toEqual(ids);
    expect(response.data!._entities.slice(ids.length)).toEqual([null, null]);
    expect(subgraph.queries.filter((sql) => sql.includes('from "org_unit"'))).toHaveLength(1);
  });

  it('rejects a malformed id argument with BAD_USER_INPUT and a Vietnamese message', async () => {
    const response = await subgraph.post('{ orgUnit(id: "abc") { name } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Mã định danh không hợp lệ');
  });
});
