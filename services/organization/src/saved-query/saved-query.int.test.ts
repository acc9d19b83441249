import { demoSeed } from '@dangvien/stack/demo-seed';
import { callerWith, demoId, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@dangvien/testing';
import type { Caller } from '@dangvien/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';

/** Saved queries of the explorer: kept per user, shared within the owner's scope, changed only by the owner, audited. */
let subgraph: TestSubgraph<OrganizationDatabase>;
const unit = (n: number) => demoId('unit', n);
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: unit(1) });
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const wardCommittee = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) });
const otherDistrict = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) });

const SAVE = `mutation ($input: SaveQueryInput!) { saveQuery(input: $input) { id name query variables shared mine ownerName scopeUnit { id } } }`;
const LIST = `{ savedQueries { id name variables shared mine } }`;
type Saved = { id: string; name: string; query: string; variables: string; shared: boolean; mine: boolean; ownerName: string; scopeUnit: { id: string } | null };

const save = (input: Record<string, unknown>, who: Caller) => subgraph.post<{ saveQuery: Saved }>(SAVE, { input }, who);
const names = async (who: Caller) => {
  const response = await subgraph.post<{ savedQueries: Saved[] }>(LIST, {}, who);
  expect(response.errors).toBeUndefined();
  return response.data!.savedQueries.map((saved) => saved.name);
};
const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const auditCount = async () => Number((await subgraph.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity_type', '=', 'SavedQuery').executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
});
afterAll(async () => subgraph?.close());

describe('saved queries', () => {
  it('keeps an analyst’s query, named, with its variables, for that analyst only', async () => {
    const saved = await save({ name: 'Chi bộ của huyện', query: 'query ($id: ID!) { orgUnit(id: $id) { descendants(kind: CELL) { name } } }', variables: '{"id":"' + unit(2) + '"}' }, analyst);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveQuery).toMatchObject({ name: 'Chi bộ của huyện', shared: false, mine: true, scopeUnit: { id: unit(1) }, variables: `{"id":"${unit(2)}"}` });
    expect(await names(analyst)).toContain('Chi bộ của huyện');
    expect(await names(districtBoard)).not.toContain('Chi bộ của huyện');
  });

  it('shares a query with everyone whose scope lies inside the owner’s, not above it or beside it', async () => {
    const shared = await save({ name: 'Đảng viên theo chi bộ', query: '{ rootOrgUnits { name } }', shared: true }, districtBoard);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.saveQuery.scopeUnit).toEqual({ id: unit(2) });
    expect(await names(districtBoard)).toContain('Đảng viên theo chi bộ');
    expect(await names(wardCommittee)).toContain('Đảng viên theo chi bộ'); // inside the district
    expect(await names(otherDistrict)).not.toContain('Đảng viên theo chi bộ');
    expect(await names(analyst)).not.toContain('Đảng viên theo chi bộ'); // the province is above, not inside
    const seenByWard = (await subgraph.post<{ savedQueries: Saved[] }>(LIST, {}, wardCommittee)).data!.savedQueries.find((saved) => saved.name === 'Đảng viên theo chi bộ')!;
    expect(seenByWard.mine).toBe(false);
  });

  it('lets only the owner change or delete it, and audits both', async () => {
    const before = await auditCount();
    const { id } = (await save({ name: 'Của ban tổ chức', query: '{ rootOrgUnits { id } }', shared: true }, districtBoard)).data!.saveQuery;
    const byOther = await save({ id, name: 'Đổi tên', query: '{ rootOrgUnits { id } }' }, wardCommittee);
    expect(code(byOther)).toBe('NOT_FOUND');
    const deletedByOther = await subgraph.post(`mutation ($id: ID!) { deleteSavedQuery(id: $id) }`, { id }, wardCommittee);
    expect(code(deletedByOther)).toBe('NOT_FOUND');

    const renamed = await save({ id, name: 'Của ban tổ chức (sửa)', query: '{ rootOrgUnits { id name } }', shared: true }, districtBoard);
    expect(renamed.data!.saveQuery).toMatchObject({ id, name: 'Của ban tổ chức (sửa)', query: '{ rootOrgUnits { id name } }' });
    const deleted = await subgraph.post<{ deleteSavedQuery: boolean }>(`mutation ($id: ID!) { deleteSavedQuery(id: $id) }`, { id }, districtBoard);
    expect(deleted.data!.deleteSavedQuery).toBe(true);
    expect(await names(wardCommittee)).not.toContain('Của ban tổ chức (sửa)');
    expect(await auditCount()).toBe(before + 3);
    const kept = await subgraph.db.selectFrom('saved_query').select(['deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(kept.deleted_at).not.toBeNull(); // marked, not erased
  });

  it('refuses bad input in Vietnamese and saves nothing', async () => {
    const before = await auditCount();
    const badQuery = await save({ name: 'Sai', query: '{ rootOrgUnits { ' }, analyst);
    expect(code(badQuery)).toBe('BAD_USER_INPUT');
    expect(badQuery.errors![0]!.message).toBe('Câu truy vấn không đúng cú pháp GraphQL.');
    const badVariables = await save({ name: 'Sai', query: '{ rootOrgUnits { id } }', variables: '[1]' }, analyst);
    expect(code(badVariables)).toBe('BAD_USER_INPUT');
    const outside = await save({ name: 'Sai', query: '{ rootOrgUnits { id } }', shared: true, scopeUnitId: unit(1) }, districtBoard);
    expect(code(outside)).toBe('FORBIDDEN');
    expect(await names(analyst)).not.toContain('Sai');
    expect(await auditCount()).toBe(before);
  });
});
