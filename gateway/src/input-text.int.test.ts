import { demoDataSet, demoId } from '@dangvien/demo-data';
import { callerWith, type GraphQLResponse } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/** String inputs are normalized (NFC, trimmed, invisible characters removed) or refused (control characters) once, at the edge. */
const demo = demoDataSet();
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;
let federation: TestFederation;
let subgraphCalls = 0;

beforeAll(async () => {
  federation = await startTestFederation(() => callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) }), { onSubgraphRequest: () => subgraphCalls++ });
});
afterAll(async () => federation?.close());
beforeEach(() => {
  subgraphCalls = 0;
});

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id fullName } }`;
const input = (fullName: string, extra: Record<string, unknown> = {}) => ({
  profile: { fullName, dateOfBirth: '1985-03-02', ...extra },
  cellId: cell.id,
  candidateSince: '2018-01-01',
  admittedOn: '2019-01-01',
});
const memberCount = async (): Promise<number> =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM member`.execute(federation.membership.db)).rows[0]!.n);

/** At the edge: HTTP 400. By the field's own check in a resolver (after normalization): 200 with the error, as GraphQL answers. */
function expectRefused(response: GraphQLResponse<unknown>, status = 400): void {
  expect(response.status).toBe(status);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(response.errors![0]!.message).toMatch(/ký tự|Chưa nhập|dài quá/);
}

describe('string inputs at the edge', () => {
  it.each([
    ['a NUL byte', 'Nguyễn Văn\u0000 Tư'],
    ['an escape sequence', 'Nguyễn \u001b[31mVăn Tư'],
    ['a C1 control', 'Nguyễn Văn\u0085Tư'],
    ['half of a surrogate pair', 'Nguyễn Văn \ud800Tư'],
  ])('refuses %s in a variable with BAD_USER_INPUT, before any subgraph, and writes nothing', async (_label, name) => {
    const before = await memberCount();
    const response = await federation.post(CREATE, { input: input(name) });
    expectRefused(response);
    expect(response.errors![0]!.extensions?.field).toBe('input.profile.fullName');
    expect(subgraphCalls).toBe(0);
    expect(await memberCount()).toBe(before);
  });

  it('refuses a control character written in the document itself', async () => {
    const before = await memberCount();
    const response = await federation.post(`mutation { createMember(input: { profile: { fullName: "An\\u0000", dateOfBirth: "1985-03-02" }, cellId: "${cell.id}", candidateSince: "2018-01-01", admittedOn: "2019-01-01" }) { id } }`);
    expectRefused(response);
    expect(subgraphCalls).toBe(0);
    expect(await memberCount()).toBe(before);
  });

  it('a subgraph called directly refuses it too (the same rule in every server)', async () => {
    const response = await federation.membership.post(CREATE, { input: input('Lê\u0000') });
    expectRefused(response);
  });

  it('refuses a name of only zero-width characters, and changes nothing', async () => {
    const before = await memberCount();
    // The invisible characters are removed at the edge; the empty name left is refused by the field's check.
    expectRefused(await federation.post(CREATE, { input: input('\u200b\u200b\u200c\ufeff\u2060') }), 200);
    expect(await memberCount()).toBe(before);
  });

  it('stores NFC and NFD spellings of one name the same, trimmed, without invisible characters', async () => {
    const nfc = 'Nguyễn Thị Thủy Tiên';
    const created: string[] = [];
    for (const spelling of [nfc, `  ${nfc.normalize('NFD')}\t`, `Nguyễn\u200b Thị Thủy Tiên`]) {
      const response = await federation.post<{ createMember: { id: string; fullName: string } }>(CREATE, { input: input(spelling) });
      expect(response.errors).toBeUndefined();
      expect(response.data!.createMember.fullName).toBe(nfc);
      created.push(response.data!.createMember.id);
    }
    const stored = await sql<{ full_name: string }>`SELECT full_name FROM member WHERE id = ANY(${created}::uuid[])`.execute(federation.membership.db);
    expect(stored.rows.map((row) => row.full_name)).toEqual([nfc, nfc, nfc]);
  });

  it('refuses a 7 MB variable at the gateway: nothing is forwarded', async () => {
    const response = await federation.post(CREATE, { input: input('A'.repeat(7 * 1024 * 1024)) });
    expectRefused(response);
    expect(subgraphCalls).toBe(0);
  });
});
