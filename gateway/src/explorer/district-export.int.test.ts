import { withDatabase, type SubgraphName } from '@dangvien/db';
import { loadDemoDistrict } from '@dangvien/datagen';
import { demoId } from '@dangvien/demo-data';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith, testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The district-wide question, "every cell of the district → its members → their reviews", on
 * the district scale datagen generates around the demo's Xuân Trường (the demo start's data: about 400
 * cells and 8,000 members): refused as one request by the cost limit, answered by the explorer's
 * export job, which asks it page by page as the analyst.
 */
const XUAN_TRUONG = demoId('unit', 2);
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });
const QUESTION = `query DistrictReviews($district: ID!) {
  orgUnit(id: $district) {
    name
    descendants(kind: CELL) { id name members(first: 200) { id fullName reviews { year grade } } }
  }
}`;

async function databaseUrl(db: Kysely<unknown>): Promise<string> {
  const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]!.name;
  return withDatabase(testServerUrl(), name);
}

/** RFC 4180 rows (quoted cells may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('a district-wide question through the explorer’s export job', () => {
  let federation: TestFederation;
  let base: string;

  beforeAll(async () => {
    // A high rate limit for the check below, which asks cell by cell; the export's pages are not counted.
    federation = await startTestFederation(() => analyst, { env: { GRAPHQL_RATE_LIMIT_PER_MINUTE: '100000', GRAPHQL_MAX_COST: '5000' } });
    const urls: Record<SubgraphName, string> = {
      organization: await databaseUrl(federation.organization.db as Kysely<unknown>),
      membership: await databaseUrl(federation.membership.db as Kysely<unknown>),
      evaluation: await databaseUrl(federation.evaluation.db as Kysely<unknown>),
    };
    await loadDemoDistrict(urls);
    await federation.catchUp();
    base = federation.gateway.url.replace(/\/graphql$/, '');
  }, 600_000);

  afterAll(async () => {
    await federation?.close();
  });

  it('is refused in one request, and answered as a CSV with one row per review (or member, or cell) as GraphQL counts them', async () => {
    const refused = await federation.post(QUESTION, { district: XUAN_TRUONG });
    expect(refused.errors?.[0]?.extensions?.limit).toBe('COST');

    const response = await fetch(`${base}/explorer/api/exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUESTION, variables: { district: XUAN_TRUONG }, format: 'csv', id: 'district-export-test' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(header).toEqual(['name', 'descendants.id', 'descendants.name', 'descendants.members.id', 'descendants.members.fullName', 'descendants.members.reviews.year', 'descendants.members.reviews.grade']);

    // The same question asked of GraphQL cell by cell: one row per review, a member without any, a cell without members.
    const cells = await federation.post<{ orgUnit: { descendants: { id: string }[] } }>('query ($d: ID!) { orgUnit(id: $d) { descendants(kind: CELL) { id } } }', { d: XUAN_TRUONG });
    const cellIds = cells.data!.orgUnit.descendants.map((cell) => cell.id);
    expect(cellIds.length).toBeGreaterThanOrEqual(350);
    let expected = 0;
    let members = 0;
    const membersByCell = new Map<string, Set<string>>();
    for (const id of cellIds) {
      const answer = await federation.post<{ orgUnit: { members: { id: string; reviews: { year: number }[] | null }[] | null } }>(
        'query ($id: ID!) { orgUnit(id: $id) { members(first: 200) { id reviews { year } } } }',
        { id },
      );
      expect(answer.errors).toBeUndefined();
      const cellMembers = answer.data!.orgUnit.members ?? [];
      expect(cellMembers.length).toBeLessThan(200); // no cell was cut off at the page size
      members += cellMembers.length;
      membersByCell.set(id, new Set(cellMembers.map((member) => member.id)));
      expected += cellMembers.length === 0 ? 1 : cellMembers.reduce((sum, member) => sum + Math.max(1, member.reviews?.length ?? 0), 0);
    }
    expect(members).toBeGreaterThan(6_000);
    expect(rows).toHaveLength(expected);
    // Each row's member is one of its cell's, and every member of every cell is there.
    const seen = new Map<string, Set<string>>();
    for (const row of rows) {
      expect(row[0]).toBe('Đảng bộ huyện Xuân Trường');
      if (row[3]) seen.set(row[1]!, (seen.get(row[1]!) ?? new Set()).add(row[3]));
    }
    for (const [cell, ids] of membersByCell) expect(seen.get(cell) ?? new Set()).toEqual(ids);

    const progress = (await (await fetch(`${base}/explorer/api/exports/district-export-test`)).json()) as Record<string, unknown>;
    expect(progress).toMatchObject({ done: true, error: null, items: cellIds.length, itemsDone: cellIds.length, rows: expected });
    expect(progress.pages).toBeGreaterThan(cellIds.length / 10);
  }, 900_000);
});
