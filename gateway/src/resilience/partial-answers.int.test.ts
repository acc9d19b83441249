import { demoDataSet, demoId } from '@dangvien/demo-data';
import type { RunningServer } from '@dangvien/server';
import { callerWith, eventually, postGraphQL, testGatewayKeys, type GraphQLResponse } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { startGateway } from '../gateway.ts';
import { startFaultProxy, type FaultProxy, type ProxyMode } from './fault-proxy.ts';

/**
 * One subgraph stopped (connections refused) or stalled (connections accepted, no byte back: SIGSTOP)
 * behind a proxy, for a query over each combination of subgraphs: the others' data comes back, the
 * missing part is null with an error naming its subgraph, and a full answer returns once it is back.
 */
type Subgraph = 'organization' | 'membership' | 'evaluation';
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of several shapes, read by path

const demo = demoDataSet();
const district = demoId('unit', 2);
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL' && demo.members.some((member) => member.cellId === unit.id))!;
const member = demo.members.find((candidate) => candidate.cellId === cell.id && demo.reviews.some((review) => review.memberId === candidate.id))!;
const year = 2024;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  subgraphs: Subgraph[];
  /** With that subgraph missing: what still answers, and the paths of the errors. */
  without: Partial<Record<Subgraph, { survives: (data: Data) => void; paths: (string | number)[][] }>>;
}

const CASES: Case[] = [
  {
    name: 'organization + membership: a cell and its members',
    query: 'query ($id: ID!) { orgUnit(id: $id) { name members(first: 500) { fullName } } }',
    variables: { id: cell.id },
    subgraphs: ['organization', 'membership'],
    without: {
      organization: { survives: (data) => expect(data.orgUnit).toBeNull(), paths: [['orgUnit']] },
      membership: { survives: (data) => expect(data.orgUnit).toEqual({ name: cell.name, members: null }), paths: [['orgUnit', 'members']] },
    },
  },
  {
    name: 'membership + evaluation: a member and her latest grade',
    query: 'query ($id: ID!) { member(id: $id) { fullName latestReview { year } reviews { year } } }',
    variables: { id: member.id },
    subgraphs: ['membership', 'evaluation'],
    without: {
      membership: { survives: (data) => expect(data.member).toBeNull(), paths: [['member']] },
      evaluation: {
        survives: (data) => expect(data.member).toEqual({ fullName: member.fullName, latestReview: null, reviews: null }),
        paths: [['member', 'latestReview'], ['member', 'reviews']],
      },
    },
  },
  {
    name: 'organization + evaluation: a district and its grades',
    query: 'query ($id: ID!, $year: Int!) { orgUnit(id: $id) { name } gradeDistribution(unitId: $id, year: $year) { total } }',
    variables: { id: district, year },
    subgraphs: ['organization', 'evaluation'],
    without: {
      organization: { survives: (data) => expect(data.gradeDistribution.total).toBeGreaterThan(0), paths: [['orgUnit']] },
      evaluation: { survives: (data) => expect(data.orgUnit.name).toBeTruthy(), paths: [['gradeDistribution']] },
    },
  },
  {
    name: 'all three: the cell roster with last grades',
    query: 'query ($id: ID!) { orgUnit(id: $id) { name members(first: 500) { fullName latestReview { grade } } } }',
    variables: { id: cell.id },
    subgraphs: ['organization', 'membership', 'evaluation'],
    without: {
      organization: { survives: (data) => expect(data.orgUnit).toBeNull(), paths: [['orgUnit']] },
      membership: { survives: (data) => expect(data.orgUnit).toEqual({ name: cell.name, members: null }), paths: [['orgUnit', 'members']] },
      evaluation: {
        survives: (data) => {
          expect(data.orgUnit.name).toBe(cell.name);
          expect(data.orgUnit.members.length).toBe(demo.members.filter((candidate) => candidate.cellId === cell.id).length);
          for (const row of data.orgUnit.members) expect(row).toEqual({ fullName: expect.any(String), latestReview: null });
        },
        // "@": every member of the list.
        paths: [['orgUnit', 'members', '@', 'latestReview']],
      },
    },
  },
];

let federation: TestFederation;
let gateway: RunningServer;
const proxies = {} as Record<Subgraph, FaultProxy>;
const full = new Map<string, Data>();
const districtBoard = () => callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });

beforeAll(async () => {
  // The harness's subgraphs, and a gateway of our own that reaches each through its proxy.
  federation = await startTestFederation(districtBoard);
  for (const name of ['organization', 'membership', 'evaluation'] as const) proxies[name] = await startFaultProxy(federation.urls()[name]);
  gateway = await startGateway({
    port: 0,
    privateKey: (await testGatewayKeys()).privateKey,
    authenticate: async () => districtBoard(),
    env: {
      // Short, so the stalled cases take under a second each; the operation's deadline stays 10 s.
      GRAPHQL_SUBGRAPH_TIMEOUT_MS: '800',
      GRAPHQL_UI_OPERATIONS: 'any',
      ORGANIZATION_URL: proxies.organization.url,
      MEMBERSHIP_URL: proxies.membership.url,
      EVALUATION_URL: proxies.evaluation.url,
    },
  });
});
afterAll(async () => {
  await gateway?.close();
  for (const proxy of Object.values(proxies)) await proxy.close();
  await federation?.close();
});

const ask = (item: Case): Promise<GraphQLResponse<Data>> => postGraphQL<Data>(gateway.url, item.query, item.variables);

async function everythingAnswers(): Promise<void> {
  for (const item of CASES) await eventually(async () => JSON.stringify(await ask(item)), JSON.stringify({ status: 200, data: full.get(item.name) }), 20_000);
}

async function health(): Promise<{ status: number; body: { status: string; subgraphs: Record<string, string> } }> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/health'));
  return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
}

describe('partial answers when one subgraph is missing', () => {
  it('answers every combination fully while all subgraphs run', async () => {
    for (const item of CASES) {
      const response = await ask(item);
      expect(response.errors, item.name).toBeUndefined();
      full.set(item.name, response.data!);
    }
    expect((await health()).body.status).toBe('ok');
  });

  for (const mode of ['down', 'stalled'] as const satisfies ProxyMode[]) {
    for (const missing of ['organization', 'membership', 'evaluation'] as const) {
      it(`${missing} ${mode === 'down' ? 'stopped' : 'stalled'}: the other parts answer, the missing one is named, and it comes back by itself`, async () => {
        await proxies[missing].set(mode);
        try {
          for (const item of CASES.filter((candidate) => candidate.subgraphs.includes(missing))) {
            const response = await ask(item);
            const expected = item.without[missing]!;
            expect(response.status, item.name).toBe(200);
            expected.survives(response.data!);
            expect(response.errors!.map((error) => error.extensions?.code)).toEqual(expected.paths.map(() => 'SUBGRAPH_UNAVAILABLE'));
            expect(response.errors!.map((error) => error.extensions?.subgraph)).toEqual(expected.paths.map(() => missing));
            expect(response.errors!.map((error) => (error as { path?: unknown }).path)).toEqual(expected.paths);
            expect(response.errors![0]!.message).toMatch(/^Tạm thời chưa lấy được dữ liệu/);
            // Nothing of the subgraph's address or answer reaches the client.
            expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|http:|ECONN|fetch failed|aborted/i);
          }
          for (const item of CASES.filter((candidate) => !candidate.subgraphs.includes(missing))) {
            expect(await ask(item), `${item.name} does not need ${missing}`).toEqual({ status: 200, data: full.get(item.name) });
          }
          const report = await health();
          expect(report.status).toBe(503);
          expect(report.body.status).toBe('degraded');
          expect(report.body.subgraphs[missing]).toMatch(/^unreachable/);
          expect(Object.entries(report.body.subgraphs).filter(([name]) => name !== missing).map(([, state]) => state)).toEqual(['ok', 'ok']);
        } finally {
          await proxies[missing].set('up');
        }
        await everythingAnswers();
        expect((await health()).body.status).toBe('ok');
      });
    }
  }
});
