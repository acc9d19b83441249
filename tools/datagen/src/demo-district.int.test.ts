import { withDatabase, type SubgraphName } from '@dangvien/db';
import { callerWith, testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { memberCountReport } from './load/member-counts.ts';
import { loadDemoDistrict } from './demo-district.ts';

/**
 * The demo start's district scale (tools/stack/src/up.ts): loaded around the demo tree of a running
 * federation, it gives the demo's Xuân Trường its 72 grassroots organizations while every demo unit and
 * member stays as it was; seen through the gateway by the district's board.
 */
const XUAN_TRUONG = demoId('unit', 2);
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: XUAN_TRUONG });

async function databaseUrl(db: Kysely<unknown>): Promise<string> {
  const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]!.name;
  return withDatabase(testServerUrl(), name);
}

describe('the demo start at district scale', () => {
  let federation: TestFederation;
  let urls: Record<SubgraphName, string>;
  const demo = demoDataSet();
  const demoCell = demo.orgUnits.find((unit) => unit.kind === 'CELL' && unit.parentId === demoId('unit', 10))!;

  beforeAll(async () => {
    federation = await startTestFederation(() => board);
    urls = {
      organization: await databaseUrl(federation.organization.db as Kysely<unknown>),
      membership: await databaseUrl(federation.membership.db as Kysely<unknown>),
      evaluation: await databaseUrl(federation.evaluation.db as Kysely<unknown>),
    };
    await loadDemoDistrict(urls);
    await federation.catchUp();
  }, 120_000);

  afterAll(async () => {
    await federation?.close();
  });

  it('gives the demo district all 72 grassroots organizations of Xuân Trường, the demo’s three among them', async () => {
    const response = await federation.post<{ orgUnit: { children: { id: string; kind: string }[] } }>(
      'query ($id: ID!) { orgUnit(id: $id) { children { id kind } } }',
      { id: XUAN_TRUONG },
    );
    const children = response.data!.orgUnit.children;
    expect(children.filter((unit) => unit.kind === 'GRASSROOTS_COMMITTEE' || unit.kind === 'GRASSROOTS_CELL')).toHaveLength(72);
    for (const committee of demo.orgUnits.filter((unit) => unit.parentId === XUAN_TRUONG)) expect(children.map((unit) => unit.id)).toContain(committee.id);
  });

  it('keeps the demo’s units and members as they were, and counts thousands of members in the district', async () => {
    const response = await federation.post<{ cell: { members: { id: string }[] }; district: { memberCount: number } }>(
      'query ($cell: ID!, $district: ID!) { cell: orgUnit(id: $cell) { members(first: 500) { id } } district: orgUnit(id: $district) { memberCount(includeSubtree: true) } }',
      { cell: demoCell.id, district: XUAN_TRUONG },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cell.members.map((member) => member.id).sort()).toEqual(demo.members.filter((member) => member.cellId === demoCell.id).map((member) => member.id).sort());
    expect(response.data!.district.memberCount).toBeGreaterThan(7_000);
  });

  it('is consistent across the subgraphs and their replicas, demo included, and loads only once', async () => {
    expect((await memberCountReport(urls)).mismatches).toEqual([]);
    const again = await loadDemoDistrict(urls);
    expect(again.rows).toEqual({});
  });
});
