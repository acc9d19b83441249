import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { generateGatewayKeys, internalTokenSigner } from '@dangvien/auth';
import { dropDatabaseIfExists, withDatabase, workspaceRoot } from '@dangvien/db';
import { timedPost } from './client.ts';
import { createWorkload } from './workload.ts';
import { RecordingProxy, replayDirect, withVariables, type SubgraphRequest } from './direct.ts';
import { readFixture, type Fixture } from './fixture.ts';
import { gzipJavaScriptBytes, measureShellInBrowser } from './frontend.ts';
import { runBulk } from './bulk.ts';
import { buildCombinedDatabase, limitPool, limitStatement } from './limit.ts';
import { runLoad, type LoadResult } from './load.ts';
import { ANALYTICS_OPERATIONS, type OperationCall, type OperationName } from './operations.ts';
import { startBenchProcess, type BenchProcess } from './processes.ts';
import { renderReport, type BenchResult, type LatencyRow, type StatementRow } from './report.ts';
import { summarize } from './stats.ts';
import { compareAnswers } from './compare.ts';

const run = promisify(execFile);
const SUBGRAPH_NAMES = ['organization', 'membership', 'evaluation'] as const;
type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

function option(name: string): string | undefined {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const profileDir = option('profile');
// One folder per process: node writes a profile per thread (the largest is the main thread's).
const profileOptions = (name: string): string[] => (profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir, name)] : []);

const scale = option('scale') ?? 'district';
const serverUrl = option('database-url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = option('prefix') ?? (scale === 'district' ? 'bench_' : `bench_${scale}_`);
const basePort = Number(option('port') ?? 4400);
/** Sequential samples per operation and target; load seconds per run. */
const samples = Number(option('samples') ?? 40);
const loadSeconds = Number(option('seconds') ?? 15);
const connections = Number(option('connections') ?? 8);
const analyticsSamples = Number(option('analytics-samples') ?? Math.max(10, Math.floor(samples / 2)));
/** Large scales: analytics only through our gateway (each call may take minutes), not warmed up, not counted twice. */
const analyticsGatewayOnly = flag('analytics-gateway-only');
/** Only the subtree reads (analytics, the aggregates, the district dashboard) against the limit: no clerk operations, no mix (`--analytics-only` is the same). */
const aggregatesOnly = flag('aggregates-only') || flag('analytics-only');
const ANALYST_OPERATIONS: OperationName[] = [...ANALYTICS_OPERATIONS];
const startedAt = new Date();
const log = (line: string): void => console.error(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const quiet = (line: string): void => {
  if (process.env.BENCH_VERBOSE || /error|Error|failed/.test(line)) console.error(line);
};

const root = workspaceRoot();
const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(serverUrl, `${prefix}${name}`)])) as Record<SubgraphName, string>;
const processes: BenchProcess[] = [];
const result: BenchResult = {
  startedAt: startedAt.toISOString(),
  scale,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  settings: { samples, loadSeconds, connections },
  bulk: {},
  latency: [],
  load: [],
  statements: [],
  frontend: {},
  limitChecks: [],
  notes: [],
};

/** 10. Front end: chromium on the demo system (its accounts), then gzip JavaScript of each built module. */
async function measureFrontEnd(): Promise<void> {
  if (!flag('skip-browser')) {
    log('front end in chromium (demo system on its own databases)…');
    try {
      result.browser = await measureShellInBrowser({ serverUrl, prefix: `${prefix}fe_`, build: !flag('skip-frontend-build'), log });
    } catch (error) {
      result.notes.push(`chromium: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const name of ['shell', 'district', 'ward', 'cell']) result.frontend[name] = gzipJavaScriptBytes(path.join(root, 'frontends', name, 'dist'));
}

// `pnpm bench --soak`: the clerk mix for --soak-seconds (600) at twice the assumed peak, memory sampled (bench/src/resilience).
if (flag('soak')) {
  const { runSoakBench } = await import('./resilience/soak-bench.ts');
  await runSoakBench({ serverUrl, seconds: Number(option('soak-seconds') ?? 600), rate: option('rate') ? Number(option('rate')) : undefined, log });
  process.exit();
}

// `pnpm bench --frontend-only`: only what a user of the front ends gets (a minute instead of several).
if (flag('frontend-only')) await measureFrontEnd();
else try {
  // 1. Data: the scale loaded through each subgraph's bulk path, timed (a bulk workload of its own).
  const template = option('from-template');
  if (template) {
    // A data set someone already loaded (e.g. province scale), copied file by file: theirs stays untouched.
    for (const name of SUBGRAPH_NAMES) {
      const url = databaseUrls[name];
      await dropDatabaseIfExists(url, new URL(url).pathname.slice(1));
      log(`copying ${template}${name} into ${prefix}${name}…`);
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`CREATE DATABASE "${prefix}${name}" TEMPLATE "${template}${name}"`).finally(() => client.end());
    }
    result.notes.push(`data copied from ${template}* (loaded with pnpm run generate); the load time is in docs/data.md`);
  } else if (!flag('skip-load')) {
    for (const url of [...Object.values(databaseUrls), withDatabase(serverUrl, `${prefix}identity`)]) await dropDatabaseIfExists(url, new URL(url).pathname.slice(1));
    log(`loading the ${scale} scale into ${prefix}* (tools/datagen)…`);
    const loading = performance.now();
    await run(process.execPath, ['--import', 'tsx', 'tools/datagen/src/cli.ts', '--scale', scale, '--database-url', serverUrl, '--prefix', prefix, '--no-progress'], { cwd: root, maxBuffer: 64 * 2 ** 20 });
    result.bulk.loadScaleSeconds = (performance.now() - loading) / 1000;
  }

  // 2. The limit: all three subgraphs' tables in one database.
  let pool: pg.Pool | undefined;
  if (!flag('skip-limit')) {
    log('copying the three databases into one (the single-SQL limit)…');
    const combining = performance.now();
    const combinedUrl = await buildCombinedDatabase(serverUrl, `${prefix}limit`, databaseUrls);
    result.bulk.combineSeconds = (performance.now() - combining) / 1000;
    pool = limitPool(combinedUrl);
  }

  // 3. Processes: three subgraphs, our gateway, a second one recording its subgraph requests, the peer.
  const keys = await generateGatewayKeys();
  const sign = await internalTokenSigner(keys.privateKey);
  const fixture: Fixture = await readFixture(databaseUrls);
  const ports = { organization: basePort + 1, membership: basePort + 2, evaluation: basePort + 3, gateway: basePort, capture: basePort + 10, proxy: basePort + 11, hive: basePort + 20 };
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<SubgraphName, string>;
  const common = { EVENT_FEED_SECRET: randomBytes(16).toString('hex'), BENCH_CALLER: JSON.stringify(fixture.caller), GRAPHQL_RATE_LIMIT_PER_MINUTE: '100000000', GRAPHQL_MAX_COST: '100000000', GRAPHQL_UI_OPERATIONS: 'any', ...(option('gateway-timeout-ms') ? { GRAPHQL_TIMEOUT_MS: option('gateway-timeout-ms'), GRAPHQL_SUBGRAPH_TIMEOUT_MS: String(Number(option('gateway-timeout-ms')) - 1) } : {}) };
  log('starting the subgraphs and the gateways…');
  const subgraphs = await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      startBenchProcess(name, 'subgraph.main.ts', [name], { ...common, BENCH_DATABASE_URL: databaseUrls[name], BENCH_PORT: String(ports[name]), GATEWAY_PUBLIC_KEY: keys.publicKey }, quiet),
    ),
  );
  processes.push(...subgraphs);
  const urlEnv = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
  const proxy = new RecordingProxy(subgraphUrls);
  const proxied = await proxy.start(ports.proxy);
  const gatewayEnv = { ...common, GATEWAY_PRIVATE_KEY: keys.privateKey };
  const [gateway, capture, hive] = await Promise.all([
    // `--profile DIR`: V8 CPU profiles of our gateway and the peer (open in Chrome DevTools), written when they stop.
    startBenchProcess('gateway', 'gateway.main.ts', [], { ...gatewayEnv, ...urlEnv(subgraphUrls), BENCH_PORT: String(ports.gateway) }, quiet, profileOptions('gateway')),
    startBenchProcess('capture', 'gateway.main.ts', [], { ...gatewayEnv, ...urlEnv(proxied), BENCH_PORT: String(ports.capture) }, quiet),
    startBenchProcess('hive', '../peer/hive.main.ts', [], {
      ...gatewayEnv,
      BENCH_PORT: String(ports.hive),
      BENCH_SUPERGRAPH: path.join(root, 'gateway', 'supergraph.graphql'),
      BENCH_ROUTES: JSON.stringify({
        'http://127.0.0.1:4001/graphql': { name: 'organization', url: subgraphUrls.organization },
        'http://127.0.0.1:4002/graphql': { name: 'membership', url: subgraphUrls.membership },
        'http://127.0.0.1:4003/graphql': { name: 'evaluation', url: subgraphUrls.evaluation },
      }),
    }, quiet, profileOptions('hive')),
  ]);
  processes.push(gateway!, capture!, hive!);

  // 4. Inputs: the same deterministic calls for every target.
  const workload = await createWorkload({ gatewayUrl: gateway!.url, fixture, evaluationDatabaseUrl: databaseUrls.evaluation, skipRosters: aggregatesOnly });
  const { makeCall, mixCall, clerkNames } = workload;
  const measuredClerk = aggregatesOnly ? [] : clerkNames;

  // 5. Warm-up (JIT, plan caches, connection pools) on every target.
  if (!flag('skip-clerk')) {
  log('warming up…');
  for (const name of [...measuredClerk, ...ANALYST_OPERATIONS] as OperationName[]) {
    const warmUps = name === 'aggregates' ? Math.min(5, analyticsSamples) : name !== 'analytics' ? 5 : analyticsGatewayOnly ? 0 : Math.min(5, analyticsSamples);
    for (let index = 0; index < warmUps; index++) {
      for (const target of [gateway!, hive!]) {
        const answer = await timedPost(target.url, makeCall(name));
        if (!answer.ok && index === 0) result.notes.push(`${target.name} ${name}: ${answer.body.slice(0, 300)}`);
      }
      const statement = limitStatement(name, makeCall(name).variables, fixture.rootId);
      if (statement && pool) await pool.query(statement.text, statement.values);
    }
  }

  // 6. SQL statements per request, through our gateway, one request at a time.
  log('counting SQL statements per request…');
  for (const name of [...measuredClerk, ...(analyticsGatewayOnly ? ['aggregates'] : ANALYST_OPERATIONS)] as OperationName[]) {
    const call = makeCall(name);
    await Promise.all(subgraphs.map((subgraph) => subgraph.ask({ type: 'startLog' })));
    await timedPost(gateway!.url, call);
    const logs = await Promise.all(subgraphs.map(async (subgraph) => ({ subgraph: subgraph.name, reply: await subgraph.ask({ type: 'stopLog' }) })));
    const row: StatementRow = { operation: name, bySubgraph: {}, sqlMs: {}, total: 0, maxRepeats: 0 };
    for (const { subgraph, reply } of logs) {
      if (reply.type === 'statements') row.sqlMs![subgraph] = reply.milliseconds.reduce((sum, ms) => sum + ms, 0);
      const statements = reply.type === 'statements' ? reply.statements.filter((text) => !/^(begin|commit|rollback)\b/i.test(text.trim())) : [];
      row.bySubgraph[subgraph] = statements.length;
      row.total += statements.length;
      const repeats = new Map<string, number>();
      for (const text of statements.filter((text) => /^\s*(with|select)\b/i.test(text))) repeats.set(text, (repeats.get(text) ?? 0) + 1);
      row.maxRepeats = Math.max(row.maxRepeats, ...repeats.values(), 0);
      for (const [text, times] of repeats) if (times > 1) result.notes.push(`${name}: ${subgraph} ran this ${times}× in one request: ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
    result.statements.push(row);
  }

  // 7. Latency one request at a time, target after target on the same call: gateway, peer, direct, limit.
  log(`latency, ${samples} calls per operation and target…`);
  for (const name of [...measuredClerk, ...ANALYST_OPERATIONS] as OperationName[]) {
    const times: Record<'gateway' | 'hive' | 'direct' | 'limit', number[]> = { gateway: [], hive: [], direct: [], limit: [] };
    let errors = { gateway: 0, hive: 0, direct: 0 };
    const parts = new Map<string, number[]>();
    const heavy = ANALYST_OPERATIONS.includes(name);
    const count = heavy ? analyticsSamples : samples;
    for (let index = 0; index < count; index++) {
      const call = makeCall(name);
      if (heavy && analyticsGatewayOnly) {
        log(`${name} through our gateway only…`);
        const ours = await timedPost(gateway!.url, call);
        times.gateway.push(ours.ms);
        if (!ours.ok) {
          errors.gateway += 1;
          result.notes.push(`${name}: ${ours.body.slice(0, 300)}`);
        }
        continue;
      }
      // A write cannot be sent twice (one meeting per cell, day and kind): each target gets its own slot.
      const fresh = (): OperationCall => (name === 'recordAttendance' ? makeCall(name) : call);
      const captured: SubgraphRequest[] = await proxy.capture(() => timedPost(capture!.url, call));
      const ours = await timedPost(gateway!.url, fresh());
      times.gateway.push(ours.ms);
      if (!ours.ok) errors.gateway += 1;
      const peer = await timedPost(hive!.url, fresh());
      times.hive.push(peer.ms);
      if (!peer.ok) errors.hive += 1;
      const direct = await replayDirect(name === 'recordAttendance' ? withVariables(captured, fresh().variables) : captured, subgraphUrls, sign, fixture.caller);
      times.direct.push(direct.ms);
      for (const part of direct.parts) parts.set(part.label, [...(parts.get(part.label) ?? []), part.ms]);
      errors.direct += direct.errors;
      const statement = limitStatement(name, fresh().variables, fixture.rootId);
      if (statement && pool) {
        const started = performance.now();
        try {
          const limitAnswer = await pool.query(statement.text, statement.values);
          times.limit.push(performance.now() - started);
          // The first call of each read: does the single statement give the gateway's answer?
          if (index === 0 && name !== 'recordAttendance') result.limitChecks.push({ operation: name, ...compareAnswers(name, ours.body, limitAnswer.rows) });
        } catch (error) {
          result.notes.push(`limit ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    const row: LatencyRow = {
      operation: name,
      gateway: summarize(times.gateway),
      hive: summarize(times.hive),
      direct: summarize(times.direct),
      limit: summarize(times.limit),
      errors,
      parts: [...parts.entries()].map(([label, values]) => ({ label, p50: summarize(values).p50, perCall: values.length / count })),
    };
    result.latency.push(row);
    errors = { gateway: 0, hive: 0, direct: 0 };
  }

  // 8. The clerk mix under load: fixed concurrency, then a constant arrival rate both gateways can carry.
  const loads: LoadResult[] = [];
  // Warm-up under load, not counted: the first target to run would otherwise pay for reading a large
  // data set into the cache (at province scale the first run read pages the second found in memory).
  if (!flag('skip-mix') && !aggregatesOnly) {
    log(`clerk mix warm-up: ${connections} clients for ${Math.ceil(loadSeconds / 3)} s on both gateways…`);
    for (const target of [gateway!, hive!]) await runLoad(target.name, target.url, mixCall, { connections, seconds: Math.ceil(loadSeconds / 3) });
  }
  const skipMix = flag('skip-mix') || aggregatesOnly;
  for (const [target, process] of skipMix ? [] : ([['gateway', gateway!], ['hive', hive!]] as const)) {
    log(`clerk mix on ${target}: ${connections} clients for ${loadSeconds} s…`);
    workload.reseed(4242); // the same sequence of calls for each target
    loads.push(await runLoad(target, process.url, mixCall, { connections, seconds: loadSeconds }));
  }
  const rate = Math.max(5, Math.floor(0.6 * Math.min(...loads.map((load) => load.throughput))));
  for (const [target, process] of skipMix ? [] : ([['gateway', gateway!], ['hive', hive!]] as const)) {
    log(`clerk mix on ${target}: ${rate} req/s for ${loadSeconds} s…`);
    workload.reseed(4343);
    loads.push(await runLoad(target, process.url, mixCall, { connections: connections * 2, seconds: loadSeconds, rate }));
  }
  result.load = loads;
  }

  // 9. Bulk workloads on the same processes, consumers on (the replay empties replicas: last).
  if (!flag('skip-bulk') && !aggregatesOnly) {
    try {
      result.bulkRuns = await runBulk({
        gatewayUrl: gateway!.url,
        subgraphs,
        subgraphUrls,
        databaseUrls,
        rows: Number(option('import-rows') ?? 10_000),
        replayLimitSeconds: Number(option('replay-seconds') ?? 120),
        log,
      });
    } catch (error) {
      result.notes.push(`bulk: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  await pool?.end();
  await Promise.all(processes.splice(0).map((child) => child.stop()));

  if (!aggregatesOnly) await measureFrontEnd();
} catch (error) {
  result.notes.push(`run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all(processes.map((child) => child.stop()));
}

result.seconds = (Date.now() - startedAt.getTime()) / 1000;
const markdown = renderReport(result);
const resultsDir = path.join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
const scaleSuffix = scale === 'district' ? '' : `-${scale}`;
// A partial run (--aggregates-only) leaves the full report of the scale alone.
const latest = flag('frontend-only') ? 'latest-frontend.md' : aggregatesOnly ? `latest-aggregates${scaleSuffix}.md` : `latest${scaleSuffix}.md`;
writeFileSync(path.join(resultsDir, latest), markdown);
console.log(markdown);
process.exit();
