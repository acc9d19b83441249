import { todayInVietnam } from '@dangvien/db';
import type { Caller } from '@dangvien/auth';
import { callerWith, demoId } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import type { MembershipDatabase } from '../database.ts';
import { organizationEventHandlers } from '../placement/org-events.ts';

/**
 * Search over whole provinces (the caller's scope is a top of the tree) reads the name words kept in
 * Vietnamese order with each member's province; it answers what the search over the members answers,
 * follows a unit moved to another province (the organization's events), and finds those who left only
 * when asked, only for the callers whose subtrees held their last cell.
 */
const province = demoId('unit', 1);
const ward10 = demoId('unit', 10);
const cell = demoId('unit', 101);
const otherProvince = '1f000000-0000-4000-8000-000000000001';
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: province });
const wardClerk = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: ward10 });
const otherWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 13) });
const otherProvinceAnalyst = callerWith({ role: 'ANALYST', scopeUnitId: otherProvince });
let federation: TestFederation;
let db: Kysely<MembershipDatabase>;

const SEARCH = `query ($name: String, $status: MemberStatus, $includeLeft: Boolean, $first: Int, $after: String) {
  searchMembers(name: $name, status: $status, includeLeft: $includeLeft, first: $first, after: $after) { nodes { id fullName } endCursor hasNextPage } }`;
type FoundPage = { searchMembers: { nodes: { id: string; fullName: string }[]; endCursor: string | null; hasNextPage: boolean } };
const search = async (who: Caller, variables: Record<string, unknown>) => {
  const response = await federation.as(who, () => federation.post<FoundPage>(SEARCH, variables));
  expect(response.errors).toBeUndefined();
  return response.data!.searchMembers;
};
const ids = async (who: Caller, variables: Record<string, unknown>) => (await search(who, { first: 200, ...variables })).nodes.map((node) => node.id);

async function createMember(fullName: string): Promise<string> {
  const response = await federation.as(wardClerk, () =>
    federation.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName, dateOfBirth: '1970-05-05' }, cellId: cell, admittedOn: '2000-06-01' },
    }),
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createMember.id;
}

/** Applies one of the organization's events to membership's tree copy, as its consumer does. */
async function applyOrgEvent(type: 'OrgUnitCreated' | 'OrgUnitMoved', payload: Record<string, unknown>): Promise<void> {
  await db.transaction().execute((trx) => organizationEventHandlers[type]!(trx, { type, payload } as never));
}

const vietnamese = new Intl.Collator('vi');
const lastWord = (name: string) => name.split(' ').at(-1)!;
const inVietnameseOrder = (names: string[]) => [...names].sort((a, b) => vietnamese.compare(lastWord(a), lastWord(b)) || vietnamese.compare(a, b));

let dead: string;
let living: string;

beforeAll(async () => {
  federation = await startTestFederation(() => wardClerk);
  db = federation.membership.db as Kysely<MembershipDatabase>;
  living = await createMember('Hoàng Văn Quyết');
  dead = await createMember('Hoàng Văn Quyền');
  const died = await federation.as(wardClerk, () =>
    federation.post(`mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id } }`, { input: { memberId: dead, kind: 'DIED', occurredOn: '2024-03-01' } }),
  );
  expect(died.errors).toBeUndefined();
});
afterAll(async () => federation?.close());

describe('search over a whole province', () => {
  it('answers what the search over the members answers, in Vietnamese order, page by page', async () => {
    // The ward's search reads its members; the province's reads the name words: the ward's matches appear in the same order.
    for (const name of ['n', 'van', 'thi h', 'an']) {
      const wide = (await search(analyst, { name, first: 200 })).nodes;
      expect(wide.length, name).toBeGreaterThan(0);
      expect(wide.map((node) => node.fullName)).toEqual(inVietnameseOrder(wide.map((node) => node.fullName)));
      const narrow = await ids(wardClerk, { name });
      expect(wide.map((node) => node.id).filter((id) => narrow.includes(id)), name).toEqual(narrow);
    }
    const all = await ids(analyst, { name: 'h' });
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: FoundPage['searchMembers'] = await search(analyst, { name: 'h', first: 7, after });
      paged.push(...page.nodes.map((node) => node.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('keeps finding a district’s members after the 2025 reform moves its committees under the province', async () => {
    const [district] = (await sql<{ id: string }>`SELECT parent_id AS id FROM org_unit_replica WHERE id = ${ward10}::uuid AND valid_to IS NULL`.execute(db)).rows;
    const admin = callerWith({ role: 'ADMIN', scopeUnitId: province });
    const reform = await federation.as(admin, () =>
      federation.post(`mutation ($input: ApplyProvinceReformInput!) { applyProvinceReform(input: $input) { id } }`, { input: { districtId: district!.id, effectiveDate: '2025-07-01', decisionNumber: '60-NQ/TW' } }),
    );
    expect(reform.errors).toBeUndefined();
    await federation.catchUp();
    await federation.catchUp();
    const [parent] = (await sql<{ id: string }>`SELECT parent_id AS id FROM org_unit_replica WHERE id = ${ward10}::uuid AND valid_to IS NULL`.execute(db)).rows;
    expect(parent!.id).toBe(province);
    expect(await ids(analyst, { name: 'hoang van quyet' })).toEqual([living]);
    const tops = await sql<{ top: string | null }>`SELECT DISTINCT top_unit_id AS top FROM member_search_token WHERE status NOT IN ('LEFT', 'DECEASED')`.execute(db);
    expect(tops.rows).toEqual([{ top: province }]);
  });

  it('follows a ward moved to another province', async () => {
    await applyOrgEvent('OrgUnitCreated', { id: otherProvince, code: 'XX', name: 'Đảng bộ tỉnh khác', kind: 'PROVINCE', parentId: null, establishedOn: '1930-02-03' });
    expect(await ids(analyst, { name: 'hoang van quyet' })).toEqual([living]);
    expect(await ids(otherProvinceAnalyst, { name: 'hoang van quyet' })).toEqual([]);
    const today = todayInVietnam();
    await applyOrgEvent('OrgUnitMoved', { id: ward10, parentId: otherProvince, effectiveDate: today, decisionNumber: '1/QĐ' });
    expect(await ids(analyst, { name: 'hoang van quyet' })).toEqual([]);
    expect(await ids(otherProvinceAnalyst, { name: 'hoang van quyet' })).toEqual([living]);
    const [top] = (await sql<{ top: string }>`SELECT DISTINCT top_unit_id AS top FROM member_search_token WHERE member_id = ${living}::uuid`.execute(db)).rows;
    expect(top?.top).toBe(otherProvince);
    // And back the next day's way: a second move the same day replaces the first version.
    await applyOrgEvent('OrgUnitMoved', { id: ward10, parentId: province, effectiveDate: today, decisionNumber: '2/QĐ' });
    expect(await ids(analyst, { name: 'hoang van quyet' })).toEqual([living]);
    expect(await ids(otherProvinceAnalyst, { name: 'hoang van quyet' })).toEqual([]);
  });
});

describe('those who left (includeLeft)', () => {
  it('finds a member who died only when asked, by the ward and the province that held the cell', async () => {
    for (const who of [wardClerk, analyst]) {
      expect(await ids(who, { name: 'hoang van quyen' })).toEqual([]);
      expect(await ids(who, { name: 'hoang van quyen', includeLeft: true })).toEqual([dead]);
      expect(await ids(who, { name: 'quyen', status: 'DECEASED' })).toEqual([dead]);
    }
    // The living one is found either way.
    expect(await ids(analyst, { name: 'hoang van quy', includeLeft: true })).toEqual(expect.arrayContaining([dead, living]));
  });

  it('finds nothing of a leaver outside the caller’s subtrees', async () => {
    expect(await ids(otherWard, { name: 'hoang van quyen', includeLeft: true })).toEqual([]);
    expect(await ids(otherProvinceAnalyst, { name: 'hoang van quyen', includeLeft: true })).toEqual([]);
  });
});
