import { readFileSync } from 'node:fs';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { EXAMPLE_QUERIES } from '@dangvien/frontend-explorer/examples';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The example queries of docs/analysts.md (and of the explorer's menu), run through the gateway as the
 * demo analyst on the demo data: each returns what the guide says it does.
 */
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });
const demo = demoDataSet();
const example = (id: string) => EXAMPLE_QUERIES.find((candidate) => candidate.id === id)!;
const parentOf = new Map(demo.orgUnits.map((unit) => [unit.id, unit.parentId]));
const isUnder = (unitId: string, root: string) => {
  for (let at: string | null | undefined = unitId; at; at = parentOf.get(at)) if (at === root) return true;
  return false;
};
const membersUnder = (root: string) => demo.members.filter((member) => isUnder(member.cellId, root));
const reviewsOf = (memberId: string) => demo.reviews.filter((review) => review.memberId === memberId);

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => analyst, { env: { GRAPHQL_MAX_COST: '5000' } });
}, 120_000);
afterAll(async () => federation?.close());

async function run<T>(id: string): Promise<T> {
  const { query, variables } = example(id);
  const response = await federation.post<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

describe('the analysts’ example queries', () => {
  it('are in docs/analysts.md exactly as the explorer offers them, each with its variables', () => {
    const guide = readFileSync(new URL('../../../docs/analysts.md', import.meta.url), 'utf8');
    for (const { query, variables } of EXAMPLE_QUERIES) {
      expect(guide).toContain(query);
      expect(guide).toContain(JSON.stringify(variables));
    }
  });

  it('a cell’s members with their reviews: the 8 members of Chi bộ Tổ dân phố số 1 and their 22 reviews', async () => {
    type Answer = { orgUnit: { name: string; parent: { name: string }; members: { fullName: string; reviews: { year: number; grade: string }[] }[] } };
    const { orgUnit } = await run<Answer>('cell-members-reviews');
    const members = demo.members.filter((member) => member.cellId === demoId('unit', 101));
    expect(orgUnit.name).toBe('Chi bộ Tổ dân phố số 1');
    expect(orgUnit.parent.name).toBe('Đảng bộ thị trấn Xuân Trường');
    expect(orgUnit.members).toHaveLength(8);
    expect(orgUnit.members.map((member) => member.fullName).sort()).toEqual(members.map((member) => member.fullName).sort());
    expect(orgUnit.members.flatMap((member) => member.reviews)).toHaveLength(22);
    for (const member of orgUnit.members) {
      const own = members.find((candidate) => candidate.fullName === member.fullName)!;
      expect(member.reviews.map((review) => `${review.year}:${review.grade}`).sort()).toEqual(reviewsOf(own.id).map((review) => `${review.year}:${review.grade}`).sort());
    }
  });

  it('a district’s overview: 79 members, 9 cells, 71 members graded in 2024 (14 excellent, 30 good, 27 completed)', async () => {
    type Answer = { orgUnit: { memberCount: number; unitCounts: { kind: string; count: number }[] }; gradeDistribution: Record<string, number> };
    const answer = await run<Answer>('district-overview');
    expect(answer.orgUnit.memberCount).toBe(membersUnder(demoId('unit', 2)).length);
    expect(answer.orgUnit.memberCount).toBe(79);
    expect(answer.orgUnit.unitCounts).toContainEqual({ kind: 'CELL', count: 9 });
    expect(answer.gradeDistribution).toEqual({ excellent: 14, good: 30, completed: 27, notCompleted: 0, total: 71 });
  });

  it('members’ ages, residences and grades by cell of a ward committee: 3 cells, 25 members, 2 of them born in 1992 or later', async () => {
    type Answer = { orgUnit: { descendants: { name: string; members: { dateOfBirth: string; reviews: unknown[] }[] }[] } };
    const { orgUnit } = await run<Answer>('young-members-grades');
    expect(orgUnit.descendants.map((cell) => cell.name)).toEqual(['Chi bộ Tổ dân phố số 1', 'Chi bộ Tổ dân phố số 2', 'Chi bộ Tổ dân phố số 3']);
    const members = orgUnit.descendants.flatMap((cell) => cell.members);
    expect(members).toHaveLength(25);
    expect(members.filter((member) => member.dateOfBirth > '1991-12-31')).toHaveLength(2);
  });

  it('a whole district’s cells → members → reviews: refused in one request, 221 rows through the download', async () => {
    const { query, variables } = example('district-cells-members-reviews');
    const refused = await federation.post(query, variables);
    expect(refused.errors?.[0]?.extensions?.limit).toBe('COST');
    const response = await fetch(federation.gateway.url.replace(/\/graphql$/, '/explorer/api/exports'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables, format: 'csv' }),
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\r\n');
    const expected = membersUnder(demoId('unit', 2)).reduce((sum, member) => sum + Math.max(1, reviewsOf(member.id).length), 0);
    expect(lines.length - 1).toBe(expected);
    expect(expected).toBe(221);
  });
});
