import type { Caller } from '@dangvien/auth';
import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Finding members through the gateway: by name without diacritics, by CCCD only for the roles that
 * read it, by party card number (current or earlier), in Vietnamese order, page by page, inside the
 * caller's subtrees; and a cell's roster page by page.
 */
const cell = demoId('unit', 101);
const ward10 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });
const cellCommittee = callerWith({ role: 'CELL_COMMITTEE', scopeUnitId: cell });
const giaoThuy = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 13) });
let federation: TestFederation;
const ids: Record<string, string> = {};

const post = <T = Record<string, unknown>>(who: Caller, query: string, variables: Record<string, unknown> = {}) => federation.as(who, () => federation.post<T>(query, variables));
const SEARCH = `query ($name: String, $citizenId: String, $partyCardNumber: String, $first: Int, $after: String) {
  searchMembers(name: $name, citizenId: $citizenId, partyCardNumber: $partyCardNumber, first: $first, after: $after) { nodes { id fullName } endCursor hasNextPage } }`;
type Page = { searchMembers: { nodes: { id: string; fullName: string }[]; endCursor: string | null; hasNextPage: boolean } };
const search = async (who: Caller, variables: Record<string, unknown>) => {
  const response = await post<Page>(who, SEARCH, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.searchMembers;
};

const people = [
  ['duc', 'Nguyễn Văn Đức', '1980-01-01', '036080000101', 'XT.100101'],
  ['anh', 'Trần Đức Anh', '1982-02-02', '036082000102', 'XT.100102'],
  ['anhAccent', 'Quách Thị Ánh', '1984-03-03', '036084000103', 'XT.100103'],
  ['dung', 'Lê Văn Dũng', '1986-04-04', '036086000104', 'XT.100104'],
] as const;

beforeAll(async () => {
  federation = await startTestFederation(() => ward10);
  for (const [key, fullName, dateOfBirth, citizenId, partyCardNumber] of people) {
    const response = await post<{ createMember: { id: string } }>(ward10, `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName, dateOfBirth, citizenId, partyCardNumber }, cellId: cell, admittedOn: '2010-06-01' },
    });
    expect(response.errors).toBeUndefined();
    ids[key] = response.data!.createMember.id;
  }
});
afterAll(async () => federation?.close());

const vietnamese = new Intl.Collator('vi');
const lastWord = (name: string) => name.split(' ').at(-1)!;
const inVietnameseOrder = (names: string[]) => [...names].sort((a, b) => vietnamese.compare(lastWord(a), lastWord(b)) || vietnamese.compare(a, b));

describe('by name', () => {
  it('ignores case and diacritics (đ is d), and matches any part of the name', async () => {
    const found = (await search(ward10, { name: 'DUC', first: 200 })).nodes.map((node) => node.id);
    expect(found).toEqual(expect.arrayContaining([ids.duc, ids.anh]));
    expect(found).not.toContain(ids.dung);
    expect((await search(ward10, { name: 'nguyen van duc' })).nodes.map((node) => node.id)).toContain(ids.duc);
    expect((await search(ward10, { name: 'Nguyễn   Văn Đức' })).nodes.map((node) => node.id)).toContain(ids.duc);
    expect((await search(ward10, { name: 'quach thi anh' })).nodes).toEqual([{ id: ids.anhAccent, fullName: 'Quách Thị Ánh' }]);
  });

  it('sorts by given name, then the whole name, the Vietnamese way', async () => {
    const names = (await search(ward10, { name: 'a', first: 200 })).nodes.map((node) => node.fullName);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual(inVietnameseOrder(names));
    expect(names.indexOf('Trần Đức Anh')).toBeLessThan(names.indexOf('Quách Thị Ánh'));
    expect(names.indexOf('Lê Văn Dũng')).toBeLessThan(names.indexOf('Nguyễn Văn Đức')); // d before đ
  });

  it('pages by cursor without losing or repeating anyone', async () => {
    const all = (await search(ward10, { name: 'n', first: 200 })).nodes.map((node) => node.id);
    expect(all.length).toBeGreaterThan(7);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['searchMembers'] = await search(ward10, { name: 'n', first: 3, after });
      paged.push(...page.nodes.map((node) => node.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('finds nobody outside the caller’s subtrees', async () => {
    const found = (await search(giaoThuy, { name: 'nguyen van duc', first: 200 })).nodes.map((node) => node.id);
    expect(found).not.toContain(ids.duc);
  });
});

describe('by CCCD and party card number', () => {
  it('finds by CCCD for a role that reads it', async () => {
    expect((await search(ward10, { citizenId: '036082000102' })).nodes).toEqual([{ id: ids.anh, fullName: 'Trần Đức Anh' }]);
  });

  it('finds nothing by CCCD for other roles, and outside the subtrees, without an error that tells whether it exists', async () => {
    for (const who of [analyst, cellCommittee, giaoThuy]) {
      expect(await search(who, { citizenId: '036082000102' })).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
      expect(await search(who, { citizenId: '036099999999' })).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
    }
    // The same analyst does find the member by name: only the CCCD is withheld.
    expect((await search(analyst, { name: 'tran duc anh' })).nodes.map((node) => node.id)).toContain(ids.anh);
  });

  it('finds by party card number, the current one and an earlier one', async () => {
    expect((await search(analyst, { partyCardNumber: 'XT.100104' })).nodes.map((node) => node.id)).toEqual([ids.dung]);
    const changed = await post(ward10, `mutation ($id: ID!) { updateMemberProfile(id: $id, input: { partyCardNumber: "XT.200104" }) { id } }`, { id: ids.dung });
    expect(changed.errors).toBeUndefined();
    expect((await search(analyst, { partyCardNumber: 'XT.100104' })).nodes.map((node) => node.id)).toEqual([ids.dung]);
    expect((await search(analyst, { partyCardNumber: 'XT.200104' })).nodes.map((node) => node.id)).toEqual([ids.dung]);
  });

  it('refuses a search without any criterion, or with a malformed CCCD', async () => {
    expect((await post(ward10, SEARCH, {})).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const malformed = await post(ward10, SEARCH, { citizenId: '0360' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'citizenId' });
  });
});

describe('a cell’s roster', () => {
  it('pages by cursor in Vietnamese order, and the count agrees', async () => {
    const query = `query ($id: ID!, $first: Int!, $after: String) { orgUnit(id: $id) { memberCount members(first: $first, after: $after) { id fullName } } }`;
    const all = await post<{ orgUnit: { memberCount: number; members: { id: string; fullName: string }[] } }>(ward10, query, { id: cell, first: 500 });
    expect(all.errors).toBeUndefined();
    const roster = all.data!.orgUnit.members;
    expect(roster.length).toBe(all.data!.orgUnit.memberCount);
    expect(roster.map((member) => member.fullName)).toEqual(inVietnameseOrder(roster.map((member) => member.fullName)));
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await post<{ orgUnit: { members: { id: string }[] } }>(ward10, query, { id: cell, first: 4, after });
      const members = page.data!.orgUnit.members;
      paged.push(...members.map((member) => member.id));
      if (members.length < 4) break;
      after = members.at(-1)!.id;
    }
    expect(paged).toEqual(roster.map((member) => member.id));
    expect((await post(ward10, query, { id: cell, first: 0 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows nothing of a cell outside the caller’s subtrees', async () => {
    const response = await post<{ orgUnit: { members: unknown[]; memberCount: number } | null }>(giaoThuy, `query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } memberCount } }`, { id: cell });
    expect(response.data?.orgUnit?.members ?? []).toEqual([]);
    expect(response.data?.orgUnit?.memberCount ?? 0).toBe(0);
  });
});
