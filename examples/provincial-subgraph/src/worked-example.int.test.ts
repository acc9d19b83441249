import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { internalTokenSigner } from '@dangvien/auth';
import { composeSupergraph, MANIFEST_PATH, runContractTest, SUBGRAPH_UNAVAILABLE } from '@dangvien/gateway';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith, createTestDatabase, demoId, postGraphQL, testGatewayKeys, type TestDatabase } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COURSES, seedSampleData } from './sample-data.ts';
import { startProvincialSubgraph, type RunningSubgraph } from './server.ts';

/**
 * The worked example joined to the national graph as a province would: one entry added to the
 * manifest (nothing else), its own database, tokens checked against the gateway's published keys.
 */
const NAME = 'provincial-training';
const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'provincial-'));
const manifestPath = path.join(work, 'subgraphs.json');
const supergraphPath = path.join(work, 'supergraph.graphql');
const ADMIN = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
const ANALYST = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });
let caller = ADMIN;
let federation: TestFederation;
let province: RunningSubgraph;
let database: TestDatabase;
let gatewayPort: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // The manifest edit, and only it: the committed manifest plus the province's entry.
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { subgraphs: object[] };
  const committedDir = path.dirname(MANIFEST_PATH);
  const subgraphs = [
    ...manifest.subgraphs.map((entry) => ({ ...entry, schema: path.resolve(committedDir, (entry as { schema: string }).schema) })),
    { name: NAME, url: 'http://127.0.0.1:4100/graphql', schema: schemaFile, optional: true },
  ];
  writeFileSync(manifestPath, JSON.stringify({ subgraphs }, null, 2));
  const composition = composeSupergraph(manifestPath);
  if (composition.errors) throw new Error(composition.errors.join('\n'));
  writeFileSync(supergraphPath, composition.supergraphSdl);

  gatewayPort = await freePort();
  database = await createTestDatabase('provincial_training');
  province = await startProvincialSubgraph({
    subgraphName: NAME,
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    // The published contract: the gateway's own JWKS endpoint, fetched on the first request.
    keys: { jwksUrl: `http://127.0.0.1:${gatewayPort}/internal/jwks.json` },
  });
  await seedSampleData(province.db);
  federation = await startTestFederation(() => caller, { port: gatewayPort, supergraphPath, manifestPath, env: { PROVINCIAL_TRAINING_URL: province.url } });
});
afterAll(async () => {
  await federation?.close();
  await province?.close();
  await database?.drop();
});

const SPANNING = `query Spanning($member: ID!, $province: ID!) {
  member(id: $member) { fullName cell { name } latestReview { year } trainingRecords { result completedOn course { code title } } }
  orgUnit(id: $province) { name trainingQuota(year: 2026) }
  trainingCourses { code }
}`;
const variables = { member: demoId('member', 1), province: demoId('unit', 1) };

describe('the worked provincial subgraph', () => {
  it('composes in by one manifest entry, marked optional', () => {
    const supergraph = readFileSync(supergraphPath, 'utf8');
    expect(supergraph).toContain('trainingRecords: [CourseAttendance!] @join__field(graph: PROVINCIAL_TRAINING, requires: "cell { id ancestors { id } }")');
    expect(supergraph).toContain('trainingQuota(year: Int!): Int @join__field(graph: PROVINCIAL_TRAINING, requires: "ancestors { id }")');
  });

  it('answers one query spanning it and the three national subgraphs through the gateway', async () => {
    const response = await federation.post<{
      member: { fullName: string; cell: { name: string }; latestReview: { year: number } | null; trainingRecords: { result: string; completedOn: string | null; course: { code: string } }[] };
      orgUnit: { name: string; trainingQuota: number };
      trainingCourses: { code: string }[];
    }>(SPANNING, variables);
    expect(response.errors).toBeUndefined();
    expect(response.data?.member.fullName).toBeTruthy(); // membership
    expect(response.data?.member.cell.name).toBeTruthy(); // organization
    expect(response.data?.member.latestReview?.year).toBeGreaterThan(2000); // evaluation
    expect(response.data?.member.trainingRecords).toEqual([{ result: 'COMPLETED', completedOn: '2025-05-30', course: { code: SAMPLE_COURSES[0]!.code, title: SAMPLE_COURSES[0]!.title } }]);
    expect(response.data?.orgUnit).toEqual({ name: 'Đảng bộ tỉnh Nam Định', trainingQuota: 120 });
    expect(response.data?.trainingCourses.map((course) => course.code).sort()).toEqual(SAMPLE_COURSES.map((course) => course.code).sort());
  });

  it('refuses a caller outside the scope it serves: an analyst gets the national fields, its records null with FORBIDDEN', async () => {
    caller = ANALYST;
    try {
      const response = await federation.post<{ member: { fullName: string; trainingRecords: unknown }; orgUnit: { trainingQuota: number } }>(SPANNING, variables);
      expect(response.data?.member.fullName).toBeTruthy();
      expect(response.data?.member.trainingRecords).toBeNull();
      expect(response.data?.orgUnit.trainingQuota).toBe(120); // quotas are not personal: any grant covering the unit
      expect(response.errors).toEqual([expect.objectContaining({ path: ['member', 'trainingRecords'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    } finally {
      caller = ADMIN;
    }
  });

  it('refuses, on its own, a grant that does not cover the member’s cell even if asked directly with a valid token', async () => {
    const otherCellSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) });
    const token = await (await internalTokenSigner((await testGatewayKeys()).privateKey))(otherCellSecretary, NAME);
    const response = await postGraphQL<{ _entities: unknown[] }>(
      province.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { trainingRecords { result } } } }',
      { r: [{ __typename: 'Member', id: demoId('member', 1), cell: { id: demoId('unit', 101), ancestors: [] } }] },
      { authorization: `Bearer ${token}` },
    );
    expect(response.data?._entities).toEqual([{ trainingRecords: null }]);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('passes the contract test a province runs against its running subgraph', async () => {
    const results = await runContractTest({ url: province.url, name: NAME, privateKey: (await testGatewayKeys()).privateKey });
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.map((result) => result.check)).toEqual([
      'refuses a request without a token (401)',
      'refuses a token signed for another subgraph (401)',
      'refuses a token signed with another key (401)',
      'answers _service with the token',
      'its SDL composes with the committed supergraph and breaks nothing',
      'answers /health with 200 within 2 s',
    ]);
  });

  it('stopped: the gateway stays healthy for the core, national fields answer, the province’s are null with an error naming it', async () => {
    await province.close();
    const health = await fetch(federation.gateway.url.replace(/\/graphql$/, '/health'));
    const report = (await health.json()) as { status: string; subgraphs: Record<string, string>; optional: Record<string, string> };
    expect(health.status).toBe(200);
    expect(report.status).toBe('ok');
    expect(Object.keys(report.subgraphs).sort()).toEqual(['evaluation', 'membership', 'organization']);
    expect(report.optional[NAME]).toMatch(/unreachable/);

    const raw = await fetch(federation.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SPANNING, variables }) });
    const text = await raw.text();
    const response = JSON.parse(text) as { data: { member: { fullName: string; trainingRecords: unknown }; orgUnit: { name: string; trainingQuota: unknown }; trainingCourses: unknown }; errors: { path: unknown[]; extensions: { code: string; subgraph: string } }[] };
    expect(raw.status).toBe(200);
    expect(response.data.member.fullName).toBeTruthy();
    expect(response.data.orgUnit.name).toBe('Đảng bộ tỉnh Nam Định');
    expect(response.data.member.trainingRecords).toBeNull();
    expect(response.data.orgUnit.trainingQuota).toBeNull();
    expect(response.data.trainingCourses).toBeNull();
    expect(response.errors.map((error) => error.path).sort()).toEqual([['member', 'trainingRecords'], ['orgUnit', 'trainingQuota'], ['trainingCourses']].sort());
    for (const error of response.errors) expect(error.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, subgraph: NAME });
    // Nothing internal: not the province's address, not a fetch error.
    expect(text).not.toContain(province.url.replace(/\/graphql$/, ''));
    expect(text).not.toMatch(/ECONNREFUSED|fetch failed|http:\/\//);
  });
});
