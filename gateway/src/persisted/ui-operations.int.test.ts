import { readFileSync } from 'node:fs';
import type { Caller } from '@dangvien/auth';
import { demoId } from '@dangvien/demo-data';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith } from '@dangvien/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOT_IN_MANIFEST_CODE, UI_OPERATIONS_PATH } from './ui-operations.ts';

/**
 * Persisted operations, through the gateway in production mode (GRAPHQL_UI_OPERATIONS=manifest): a
 * front-end session sends only what the front ends contain; analysts and service accounts ask their own.
 */
const cell = demoId('unit', 101);
const district = demoId('unit', 2);
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: district });
const provincialSystem = callerWith({ role: 'PROVINCIAL_SYSTEM', scopeUnitId: district });

/** The cell module's member list as the manifest holds it (what the built cell module sends, normalized). */
const manifest = JSON.parse(readFileSync(UI_OPERATIONS_PATH, 'utf8')) as { operations: Record<string, string> };
const CELL_MEMBER_LIST = Object.values(manifest.operations).find((document) => document.startsWith('query CellMemberList('))!;
const AD_HOC = `query Ad($id: ID!) { orgUnit(id: $id) { name members(first: 5) { fullName status latestReview { year grade } } } }`;

let federation: TestFederation;
let caller: Caller = secretary;
let subgraphCalls = 0;
beforeAll(async () => {
  federation = await startTestFederation(() => caller, { env: { GRAPHQL_UI_OPERATIONS: 'manifest' }, onSubgraphRequest: () => subgraphCalls++ });
});
afterAll(async () => federation?.close());
beforeEach(() => {
  subgraphCalls = 0;
});

describe('persisted operations in production mode', () => {
  it('refuses a front-end session’s operation that no front end contains, with a clear code, before any subgraph is called', async () => {
    caller = secretary;
    const refused = await federation.post(AD_HOC, { id: cell });
    expect(refused.status).toBe(403);
    expect(refused.data ?? undefined).toBeUndefined();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual([NOT_IN_MANIFEST_CODE]);
    expect(refused.errors?.[0]?.message).toMatch(/không thuộc các màn hình/);
    expect(subgraphCalls).toBe(0);
  });

  it('answers a front-end session’s operation from the manifest, however it is indented', async () => {
    caller = secretary;
    expect(CELL_MEMBER_LIST).toBeDefined();
    const answered = await federation.post<{ orgUnit: { members: { id: string }[] } }>(CELL_MEMBER_LIST.replaceAll(' { ', ' {\n  '), { id: cell });
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.orgUnit.members.length).toBeGreaterThan(0);
  });

  it('answers an analyst’s and a service account’s own operation, within the limits and their scope', async () => {
    for (const who of [analyst, provincialSystem]) {
      caller = who;
      const answered = await federation.post<{ orgUnit: { members: unknown[] } }>(AD_HOC, { id: cell });
      expect(answered.errors).toBeUndefined();
      expect(answered.data?.orgUnit.members.length).toBeGreaterThan(0);
    }
    caller = analyst;
    const unpaged = await federation.post(`query ($id: ID!) { orgUnit(id: $id) { members { id } } }`, { id: cell });
    expect(unpaged.errors?.map((error) => error.extensions?.limit)).toEqual(['PAGE_SIZE']);
  });

  it('treats a person holding an analyst grant beside a front-end role as an analyst', async () => {
    caller = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell }, { role: 'ANALYST', scopeUnitId: district });
    expect((await federation.post(AD_HOC, { id: cell })).errors).toBeUndefined();
  });
});
