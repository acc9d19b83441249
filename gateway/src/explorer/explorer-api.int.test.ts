import type { Caller } from '@dangvien/auth';
import { demoId } from '@dangvien/demo-data';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith } from '@dangvien/testing';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The explorer's API at the gateway: signed-in callers only, the schema a role may use, downloads as the caller. */
const CALLERS: Record<string, Caller> = {
  analyst: callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }),
  board: callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }),
  otherBoard: callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 3) }),
};

let federation: TestFederation;
let base: string;
beforeAll(async () => {
  federation = await startTestFederation(() => CALLERS.analyst!, {
    // Who calls, from a test header; none is not signed in.
    authenticate: async (request) => {
      const caller = CALLERS[String(request.headers['x-test-user'])];
      if (!caller) throw new GraphQLError('Chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.', { extensions: { code: 'UNAUTHENTICATED' } });
      return caller;
    },
  });
  base = federation.gateway.url.replace(/\/graphql$/, '/explorer');
}, 120_000);
afterAll(async () => federation?.close());

const as = (user: string | undefined, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(user ? { 'x-test-user': user } : {}) } });
const exportAs = (user: string, body: Record<string, unknown>) =>
  fetch(`${base}/api/exports`, as(user, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

describe('the explorer’s API', () => {
  it('answers only a signed-in caller', async () => {
    const schema = await fetch(`${base}/api/schema`);
    expect(schema.status).toBe(401);
    expect(((await schema.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${base}/api/exports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('gives an analyst the schema without mutations, a district board with them', async () => {
    const analyst = await (await fetch(`${base}/api/schema`, as('analyst'))).text();
    const board = await (await fetch(`${base}/api/schema`, as('board'))).text();
    expect(analyst).toContain('type Query');
    expect(analyst).not.toContain('type Mutation');
    expect(board).toMatch(/type Mutation \{[^}]*renameOrgUnit/);
  });

  it('downloads only queries, and only what the caller’s scope holds', async () => {
    const mutation = await exportAs('analyst', { query: 'mutation { deleteSavedQuery(id: "x") }', format: 'csv' });
    expect(mutation.status).toBe(400);
    const query = 'query ($id: ID!) { orgUnit(id: $id) { name descendants(kind: CELL) { name } } }';
    const bytes = Buffer.from(await (await exportAs('board', { query, variables: { id: demoId('unit', 2) }, format: 'csv' })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel shows the diacritics
    const own = bytes.subarray(3).toString('utf8');
    expect(own.trim().split('\r\n')).toHaveLength(1 + 9); // header + the district's 9 cells
    expect(own).toContain('Đảng bộ huyện Xuân Trường,Chi bộ Tổ dân phố số 1');
    const other = await (await exportAs('otherBoard', { query, variables: { id: demoId('unit', 2) }, format: 'csv' })).text();
    expect(other.trim().split('\r\n')).toEqual(['name,descendants.name', ',']); // outside the scope: nothing, not even the name
  });

  it('shows an export’s progress to whoever started it only', async () => {
    const done = await exportAs('board', { query: '{ rootOrgUnits { name } }', format: 'xlsx', id: 'progress-owner-test' });
    expect(done.headers.get('content-type')).toMatch(/spreadsheetml/);
    await done.arrayBuffer();
    expect((await fetch(`${base}/api/exports/progress-owner-test`, as('board'))).status).toBe(200);
    expect((await fetch(`${base}/api/exports/progress-owner-test`, as('otherBoard'))).status).toBe(404);
  });

  it('serves the explorer page (when built) from the gateway itself', async () => {
    const page = await fetch(`${base}/`);
    const text = await page.text();
    if (page.status === 200) {
      expect(text).toContain('<div id="root">');
      expect(text).not.toMatch(/https?:\/\//); // nothing from a CDN
    } else expect(text).toContain('Chưa dựng trang khám phá dữ liệu');
  });
});
