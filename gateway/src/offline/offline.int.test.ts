import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSeed } from '@dangvien/stack/demo-seed';
import { evaluationSubgraph } from '@dangvien/evaluation';
import { membershipSubgraph } from '@dangvien/membership';
import { organizationSubgraph } from '@dangvien/organization';
import { createTestDatabase, postGraphQL, signIn, startTestSubgraph, testGatewayKeys, type TestDatabase, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The gateway started as a deployment would: its own entry (`src/main.ts`) in a fresh process, with
 * only what an operator must set (no start command, no APOLLO_TELEMETRY_DISABLED, no NODE_ENV), and
 * even an Apollo key lying around in the environment. A probe preloaded into the process records
 * every socket it opens and every construction of Apollo's metric exporter.
 */
const GATEWAY_DIR = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./outbound-probe.cjs', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

type Probe = { kind: 'connect' | 'dns' | 'exporter'; host?: string; port?: number; path?: string; url?: string };

let subgraphs: TestSubgraph<unknown>[] = [];
let identity: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  subgraphs = [
    await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization }),
    await startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership }),
    await startTestSubgraph(evaluationSubgraph, { seed: demoSeed.evaluation }),
  ] as TestSubgraph<unknown>[];
  identity = await createTestDatabase('identity');
}, 120_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  for (const subgraph of subgraphs) await subgraph.close();
  await identity?.drop();
});

async function startDeployedGateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ url: string; probes: () => Probe[] }> {
  const log = join(mkdtempSync(join(tmpdir(), 'gateway-probe-')), 'probe.jsonl');
  const [organization, membership, evaluation] = subgraphs;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GATEWAY_PORT: '0',
    GATEWAY_PRIVATE_KEY: (await testGatewayKeys()).privateKey,
    IDENTITY_DATABASE_URL: identity.url,
    SEED_DEMO: '1',
    ORGANIZATION_URL: organization!.url,
    MEMBERSHIP_URL: membership!.url,
    EVALUATION_URL: evaluation!.url,
    // What a careless deployment may carry: Apollo Server would start usage reporting with these.
    APOLLO_KEY: 'service:dangvien:not-a-real-key',
    APOLLO_GRAPH_REF: 'dangvien@current',
    APOLLO_SCHEMA_REPORTING: 'true',
    OUTBOUND_PROBE_LOG: log,
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--require', PROBE, '--import', 'tsx', 'src/main.ts'], { cwd: GATEWAY_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code}:\n${output}`)));
  });
  const probes = (): Probe[] =>
    existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Probe) : [];
  return { url, probes };
}

const outside = (probes: Probe[]): Probe[] =>
  probes.filter((probe) => (probe.kind === 'connect' && probe.path === undefined && !LOOPBACK.has(String(probe.host))) || (probe.kind === 'dns' && !LOOPBACK.has(String(probe.host))));

describe('the gateway sends nothing outside the deployment', () => {
  // A minute of traffic, as the issue asks (OFFLINE_TRAFFIC_MS shortens it while iterating).
  it('never creates Apollo’s telemetry exporter and dials only the deployment, through start and traffic', async () => {
    const { url, probes } = await startDeployedGateway();
    const headers = await signIn(url, 'phantich');
    const until = Date.now() + Number(process.env.OFFLINE_TRAFFIC_MS ?? 60_000);
    let answered = 0;
    while (Date.now() < until) {
      const response = await postGraphQL(url, '{ rootOrgUnits { name children { name members(first: 100) { fullName latestReview { year grade } } } } }', {}, headers);
      expect(response.errors).toBeUndefined();
      answered++;
      await postGraphQL(url, '{ nonsense }', {}, headers); // an error path too
      // Two requests a second: steady traffic, under the per-user limit of 300 a minute.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(answered).toBeGreaterThan(3);
    // The landing page (which loads Apollo's Sandbox from its CDN into a browser) is off.
    const landing = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/apollographql|embeddable-sandbox/i);
    const seen = probes();
    expect(seen.filter((probe) => probe.kind === 'connect').length).toBeGreaterThan(0); // the probe is loaded and sees the subgraph calls
    expect(seen.filter((probe) => probe.kind === 'exporter')).toEqual([]);
    expect(outside(seen)).toEqual([]);
  }, 180_000);

  it('creates the exporter only when an operator opts in (the probe sees it then)', async () => {
    const { url, probes } = await startDeployedGateway({ DANGVIEN_APOLLO_TELEMETRY: '1' });
    await postGraphQL(url, '{ __typename }');
    expect(probes().filter((probe) => probe.kind === 'exporter')).toEqual([{ kind: 'exporter', url: 'https://usage-reporting.api.apollographql.com/v1/metrics' }]);
  }, 120_000);
});
