import { randomBytes } from 'node:crypto';
import { generateGatewayKeys } from '@dangvien/auth';
import { createDatabaseIfMissing, dropDatabaseIfExists, freePort, withDatabase } from '@dangvien/db';
import { seedDemoDatabases } from '@dangvien/stack/demo-seed';
import { readFixture } from '../fixture.ts';
import { startBenchProcess, type BenchProcess } from '../processes.ts';
import { createWorkload, type Workload } from '../workload.ts';

const SUBGRAPH_NAMES = ['organization', 'membership', 'evaluation'] as const;
type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface MemorySample {
  /** Seconds since the sampling started. */
  at: number;
  process: string;
  rss: number;
  /** After a full collection: what the process really keeps. */
  heapUsed: number;
}

export interface BenchSystem {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrls: Record<SubgraphName, string>;
  eventFeedSecret: string;
  processes: BenchProcess[];
  workload: Workload;
  /** One sample per process, now. */
  memory(at: number): Promise<MemorySample[]>;
  stop(): Promise<void>;
}

/**
 * The demo data on fresh databases, the three subgraphs (consumers running) and our gateway as the
 * benchmark runs them (bench/src/servers: a fixed caller instead of sign-in, the rate limit raised
 * because one synthetic caller stands for every clerk), and the clerk mix drawn from that data.
 */
export async function startBenchSystem(options: { serverUrl: string; prefix: string; log: (line: string) => void }): Promise<BenchSystem> {
  const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(options.serverUrl, `${options.prefix}${name}`)])) as Record<SubgraphName, string>;
  for (const url of Object.values(databaseUrls)) {
    const name = new URL(url).pathname.slice(1);
    await dropDatabaseIfExists(url, name);
    await createDatabaseIfMissing(url, name);
  }
  await seedDemoDatabases(databaseUrls);
  const keys = await generateGatewayKeys();
  const fixture = await readFixture(databaseUrls);
  const eventFeedSecret = randomBytes(16).toString('hex');
  const common = { EVENT_FEED_SECRET: eventFeedSecret, BENCH_CALLER: JSON.stringify(fixture.caller), GRAPHQL_RATE_LIMIT_PER_MINUTE: '100000000', GRAPHQL_UI_OPERATIONS: 'any' };
  // --expose-gc: the memory samples are taken after a full collection.
  const nodeOptions = ['--expose-gc'];
  const processes: BenchProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.splice(0).reverse().map((child) => child.stop()));
    for (const url of Object.values(databaseUrls)) await dropDatabaseIfExists(url, new URL(url).pathname.slice(1)).catch(() => undefined);
  };
  try {
    const ports = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<SubgraphName, number>;
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<SubgraphName, string>;
    const subgraphs = await Promise.all(
      SUBGRAPH_NAMES.map((name) =>
        startBenchProcess(name, 'subgraph.main.ts', [name], { ...common, BENCH_DATABASE_URL: databaseUrls[name], BENCH_PORT: String(ports[name]), GATEWAY_PUBLIC_KEY: keys.publicKey }, options.log, nodeOptions),
      ),
    );
    processes.push(...subgraphs);
    for (const subgraph of subgraphs) await subgraph.ask({ type: 'connect', producers: subgraphUrls });
    const urlEnv = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrls[name]]));
    const gateway = await startBenchProcess('gateway', 'gateway.main.ts', [], { ...common, ...urlEnv, GATEWAY_PRIVATE_KEY: keys.privateKey, BENCH_PORT: String(await freePort()) }, options.log, nodeOptions);
    processes.push(gateway);
    // The demo's members are all in their cells since the start of this year: meetings go on days after it.
    const workload = await createWorkload({ gatewayUrl: gateway.url, fixture, evaluationDatabaseUrl: databaseUrls.evaluation, firstDay: `${new Date().getUTCFullYear() - 1}-12-31` });
    return {
      gatewayUrl: gateway.url,
      subgraphUrls,
      databaseUrls,
      eventFeedSecret,
      processes,
      workload,
      memory: async (at) => {
        const samples: MemorySample[] = [];
        for (const child of processes) {
          const reply = await child.ask({ type: 'memory' });
          if (reply.type === 'memory') samples.push({ at, process: child.name, rss: reply.rss, heapUsed: reply.heapUsed });
        }
        return samples;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
