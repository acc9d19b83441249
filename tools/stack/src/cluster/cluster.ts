import path from 'node:path';
import { generateGatewayKeys, type GatewayKeys } from '@dangvien/auth';
import { createDatabaseIfMissing, dropDatabaseIfExists, freePort, SUBGRAPHS, withDatabase, workspaceRoot, type SubgraphName } from '@dangvien/db';
import { TSX_MAIN, type ServiceName } from '../backend.ts';
import { seedDemoDatabases } from '../demo-seed/index.ts';
import { eventFeedSecret as sharedFeedSecret } from '../secrets.ts';
import { spawnManaged, stopManaged, waitForHttp, type ManagedProcess } from '../processes.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy.ts';

export interface ClusterOptions {
  /** One PostgreSQL server per subgraph (URL of its `postgres` database); the gateways' identity database goes on organization's. */
  serverUrls: Record<SubgraphName, string>;
  /** Replicas of each subgraph (2). */
  replicas?: number;
  /** Gateway replicas (2). */
  gateways?: number;
  /** Database name prefix, so tests can run beside the demo's databases. */
  databasePrefix?: string;
  /** Drop the databases first (tests start from nothing). */
  fresh?: boolean;
  /** Drop them again on stop (tests). */
  dropOnStop?: boolean;
  /** The demo data set into empty databases, and the demo accounts. */
  seedDemo?: boolean;
  /** `DANGVIEN_DEV=1` for every process (as `npm start`). */
  development?: boolean;
  /** Ports of the four proxies (0 or missing: any free port). */
  ports?: Partial<Record<ServiceName, number>>;
  /** More environment for every process (tests: GRAPHQL_UI_OPERATIONS, a raised rate limit). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export type DatabaseName = SubgraphName | 'identity';

export interface Cluster {
  /** The gateways' proxy: what clients (and front ends) use. */
  gatewayUrl: string;
  /** Each subgraph's proxy (`…/graphql`; its event feed and status beside it at `/events`). */
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrls: Record<DatabaseName, string>;
  keys: GatewayKeys;
  eventFeedSecret: string;
  proxies: Record<ServiceName, RoundRobinProxy>;
  /** The running process of each replica (index 0, 1, …) of each service. */
  replica(name: ServiceName, index: number): ManagedProcess;
  replicaCount(name: ServiceName): number;
  /** SIGKILL: the replica dies at once, mid-request and mid-transaction. */
  kill(name: ServiceName, index: number): Promise<void>;
  /** Starts a replica again (after kill) and waits until it answers /health. */
  start(name: ServiceName, index: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Each subgraph on its own PostgreSQL server, `replicas` processes of each behind a round-robin proxy,
 * `gateways` gateway processes behind another: a deployment's layout on one machine (docs/replicas.md).
 * The subgraphs pull each other's event feeds through the proxies, as they would through a
 * Kubernetes Service; the gateways reach the subgraphs the same way.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const root = workspaceRoot();
  const prefix = options.databasePrefix ?? '';
  const replicas = options.replicas ?? 2;
  const gateways = options.gateways ?? 2;
  const log = options.log ?? ((line: string) => console.log(line));
  const databaseUrls = {
    ...Object.fromEntries(SUBGRAPHS.map((name) => [name, withDatabase(options.serverUrls[name], `${prefix}${name}`)])),
    identity: withDatabase(options.serverUrls.organization, `${prefix}identity`),
  } as Record<DatabaseName, string>;
  const keys = await generateGatewayKeys();
  const eventFeedSecret = options.env?.EVENT_FEED_SECRET ?? sharedFeedSecret();
  const processes = new Map<string, ManagedProcess>();
  const replicaPorts = new Map<string, number>();
  const proxies: Partial<Record<ServiceName, RoundRobinProxy>> = {};
  const key = (name: ServiceName, index: number) => `${name}-${index + 1}`;
  const counts: Record<ServiceName, number> = { organization: replicas, membership: replicas, evaluation: replicas, gateway: gateways };

  const stop = async (): Promise<void> => {
    await Promise.all([...processes.values()].map((child) => stopManaged(child)));
    for (const proxy of Object.values(proxies)) await proxy.close();
    if (options.dropOnStop) for (const url of Object.values(databaseUrls)) await dropDatabaseIfExists(url, new URL(url).pathname.slice(1)).catch(() => undefined);
  };

  const common: NodeJS.ProcessEnv = {
    EVENT_FEED_SECRET: eventFeedSecret,
    ...(options.development ? { DANGVIEN_DEV: '1' } : {}),
    ...options.env,
  };

  /** The environment of one replica: its own port, every service found through its proxy. */
  const envOf = (name: ServiceName, index: number): NodeJS.ProcessEnv => {
    const port = String(replicaPorts.get(key(name, index)));
    const urls = Object.fromEntries(SUBGRAPHS.map((subgraph) => [`${subgraph.toUpperCase()}_URL`, `${proxies[subgraph]!.url}/graphql`]));
    if (name === 'gateway') {
      return { ...common, ...urls, GATEWAY_PORT: port, GATEWAY_PRIVATE_KEY: keys.privateKey, IDENTITY_DATABASE_URL: databaseUrls.identity, SEED_DEMO: options.seedDemo ? '1' : '0' };
    }
    return {
      ...common,
      ...urls,
      [`${name.toUpperCase()}_PORT`]: port,
      [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrls[name],
      GATEWAY_PUBLIC_KEY: keys.publicKey,
      GATEWAY_PRIVATE_KEY: undefined,
      IDENTITY_DATABASE_URL: undefined,
    };
  };

  const start = async (name: ServiceName, index: number): Promise<void> => {
    const child = spawnManaged(key(name, index), process.execPath, TSX_MAIN, {
      cwd: path.join(root, name === 'gateway' ? 'gateway' : path.join('services', name)),
      env: envOf(name, index),
      log,
    });
    processes.set(key(name, index), child);
    await waitForHttp(`http://127.0.0.1:${replicaPorts.get(key(name, index))}/health`, 120_000, () => child.child.exitCode === null && child.child.signalCode === null);
  };

  try {
    for (const url of Object.values(databaseUrls)) {
      const database = new URL(url).pathname.slice(1);
      if (options.fresh) await dropDatabaseIfExists(url, database);
      await createDatabaseIfMissing(url, database);
    }
    if (options.seedDemo) await seedDemoDatabases({ organization: databaseUrls.organization, membership: databaseUrls.membership, evaluation: databaseUrls.evaluation });
    for (const name of [...SUBGRAPHS, 'gateway'] as ServiceName[]) {
      const upstreams: string[] = [];
      for (let index = 0; index < counts[name]; index++) {
        const port = await freePort();
        replicaPorts.set(key(name, index), port);
        upstreams.push(`http://127.0.0.1:${port}`);
      }
      proxies[name] = await startRoundRobinProxy(upstreams, options.ports?.[name] ?? 0);
    }
    // Replicas of one subgraph start together: migrations and the first consumer positions race, as in a rollout.
    await Promise.all(SUBGRAPHS.flatMap((name) => Array.from({ length: replicas }, (_, index) => start(name, index))));
    await Promise.all(Array.from({ length: gateways }, (_, index) => start('gateway', index)));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl: `${proxies.gateway!.url}/graphql`,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, `${proxies[name]!.url}/graphql`])) as Record<SubgraphName, string>,
    databaseUrls,
    keys,
    eventFeedSecret,
    proxies: proxies as Record<ServiceName, RoundRobinProxy>,
    replica: (name, index) => processes.get(key(name, index))!,
    replicaCount: (name) => counts[name],
    kill: async (name, index) => {
      const child = processes.get(key(name, index));
      if (!child || child.child.exitCode !== null || child.child.signalCode !== null) return;
      child.child.kill('SIGKILL');
      await child.exited;
    },
    start,
    stop,
  };
}
