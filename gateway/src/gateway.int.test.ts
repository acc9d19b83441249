import { demoDataSet, demoId } from '@dangvien/demo-data';
import { callerWith, postGraphQL } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

const demo = demoDataSet();
let federation: TestFederation;
let gateway: TestFederation['gateway'];
let subgraphs: TestFederation['organization'][];

beforeAll(async () => {
  federation = await startTestFederation(() => callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }));
  gateway = federation.gateway;
  subgraphs = [federation.organization, federation.membership, federation.evaluation];
});
afterAll(async () => federation?.close());

describe('gateway over the three subgraphs', () => {
  it('answers one query with fields from organization, membership and evaluation', async () => {
    const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;
    const response = await postGraphQL<{
      orgUnit: { name: string; parent: { name: string }; members: { id: string; fullName: string; cell: { name: string }; latestReview: { year: number; grade: string } | null }[] };
    }>(
      gateway.url,
      `query CellRoster($id: ID!) {
        orgUnit(id: $id) { name parent { name } members(first: 100) { id fullName cell { name } latestReview { year grade } } }
      }`,
      { id: cell.id },
    );
    expect(response.errors).toBeUndefined();
    const unit = response.data!.orgUnit;
    expect(unit.name).toBe(cell.name); // organization
    expect(unit.parent.name).toBe(demo.orgUnits.find((candidate) => candidate.id === cell.parentId)!.name);
    const expectedMembers = demo.members.filter((member) => member.cellId === cell.id);
    expect(unit.members.map((member) => member.id).sort()).toEqual(expectedMembers.map((member) => member.id).sort()); // membership
    expect(new Set(unit.members.map((member) => member.cell.name))).toEqual(new Set([cell.name])); // back to organization
    for (const member of unit.members) {
      const latest = demo.reviews.filter((review) => review.memberId === member.id).sort((a, b) => b.year - a.year)[0];
      expect(member.latestReview).toEqual(latest ? { year: latest.year, grade: latest.grade } : null); // evaluation
    }
  });

  it('batches each hop: one SQL statement per subgraph for a whole ward’s roster', async () => {
    const committee = demo.orgUnits.find((unit) => unit.kind === 'GRASSROOTS_COMMITTEE')!;
    for (const subgraph of subgraphs) subgraph.resetQueryLog();
    const response = await postGraphQL<{ orgUnit: { children: { members: { latestReview: unknown }[] }[] } }>(
      gateway.url,
      `query ($id: ID!) { orgUnit(id: $id) { children { name members(first: 100) { fullName latestReview { grade } } } } }`,
      { id: committee.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.orgUnit.children.length).toBeGreaterThan(1);
    const [organization, membership, evaluation] = subgraphs;
    // (Event consumers query in the background too: count only the statements of this request's tables.)
    const reading = (queries: string[], table: string) => queries.filter((query) => query.includes(`from "${table}"`));
    expect(reading(organization!.queries, 'org_unit')).toHaveLength(2); // the unit, then its children (scope is a subquery, not a statement)
    expect(reading(membership!.queries, 'member_placement')).toHaveLength(1); // members of all the cells at once
    expect(reading(evaluation!.queries, 'review')).toHaveLength(1); // reviews of all those members at once
  });

  it('reports its own health and each subgraph’s', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      gateway: 'ok',
      subgraphs: { organization: 'ok', membership: 'ok', evaluation: 'ok' },
    });
  });

  it('reports a subgraph that is down as degraded', async () => {
    await federation.evaluation.close();
    const response = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { subgraphs: Record<string, string> };
    expect(body.subgraphs.organization).toBe('ok');
    expect(body.subgraphs.evaluation).toMatch(/unreachable/);
    // The probe a Kubernetes gateway replica is kept ready by (deploy/): the gateway itself still serves
    // the other subgraphs' parts, so it must stay in the load balancer.
    const self = await fetch(gateway.url.replace('/graphql', '/health/self'));
    expect(self.status).toBe(200);
    expect(await self.json()).toEqual({ status: 'ok' });
  });
});
