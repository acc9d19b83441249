import path from 'node:path';
import { generateGatewayKeys, type GatewayKeys } from '@dangvien/auth';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphName, configuredDatabaseUrl, createDatabaseIfMissing, dropDatabaseIfExists, SUBGRAPHS, withDatabase, workspaceRoot } from '@dangvien/db';
import { seedDemoDatabases } from './demo-seed/index.ts';
import { eventFeedSecret } from './secrets.ts';
import { spawnManaged, stopManaged, waitForHttp, type ManagedProcess } from './processes.ts';

export interface BackendPorts {
  gateway: number;
  organization: number;
  membership: number;
  evaluation: number;
}

/** Runs a service's TypeScript entry with tsx (a root dev dependency, found from any package folder). */
export const TSX_MAIN = ['--import', 'tsx', 'src/main.ts'];

export const DEFAULT_BACKEND_PORTS: BackendPorts = { gateway: 4000, ...DEFAULT_SUBGRAPH_PORTS };

export interface BackendOptions {
  /** URL of the PostgreSQL server; each subgraph gets its own database on it. */
  serverUrl: string;
  /** Honour `<NAME>_DATABASE_URL` from the environment over `serverUrl` (a subgraph on its own server). */
  useConfiguredUrls?: boolean;
  ports?: Partial<BackendPorts>;
  /** Database name prefix, so tests can run their own copy beside the demo's. */
  databasePrefix?: string;
  /** Drop the subgraphs' databases first (tests start from nothing). */
  fresh?: boolean;
  /** Drop them again when stopping (tests, with a prefix of their own). */
  dropOnStop?: boolean;
  /** Write the demo data set into empty tables before the subgraphs start. */
  /** `DANGVIEN_DEV=1` for every process: development defaults (introspection at the gateway); `npm start` sets it, a deployment does not. */
  development?: boolean;
  seedDemo?: boolean;
  /** The gateway's GRAPHQL_UI_OPERATIONS (default: `manifest` in production, see gateway/src/limits/config.ts). */
  uiOperations?: 'manifest' | 'any';
  log?: (line: string) => void;
}

export type ServiceName = SubgraphName | 'gateway';

export interface Backend {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrls: Record<SubgraphName, string>;
  ports: BackendPorts;
  /** The gateway's key pair of this run (tests sign internal tokens with it). */
  keys: GatewayKeys;
  processes: ManagedProcess[];
  process(name: ServiceName): ManagedProcess;
  /** Stops one service (if still running) and starts it again, with extra environment (a fail point). */
  restart(name: ServiceName, extraEnv?: NodeJS.ProcessEnv): Promise<void>;
  stop(): Promise<void>;
}

/** The three subgraphs and the gateway, each its own process, talking real HTTP. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const root = workspaceRoot();
  const ports = { ...DEFAULT_BACKEND_PORTS, ...options.ports };
  const running = new Map<ServiceName, ManagedProcess>();
  const databaseUrls: string[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all([...running.values()].reverse().map((process) => stopManaged(process)));
    if (options.dropOnStop) for (const url of databaseUrls) await dropDatabaseIfExists(url, new URL(url).pathname.slice(1));
  };
  const env: NodeJS.ProcessEnv = {
    // The gateway creates the demo accounts in its issuer; the subgraphs' demo data is seeded below.
    SEED_DEMO: options.seedDemo ? '1' : '0',
    ...(options.development ? { DANGVIEN_DEV: '1' } : {}),
    ...(options.uiOperations ? { GRAPHQL_UI_OPERATIONS: options.uiOperations } : {}),
    GATEWAY_PORT: String(ports.gateway),
    EVENT_FEED_SECRET: eventFeedSecret(),
  };
  // A fresh key pair per start unless configured: only the gateway gets the private half.
  const configuredKeys = process.env.GATEWAY_PRIVATE_KEY && process.env.GATEWAY_PUBLIC_KEY;
  const keys: GatewayKeys = configuredKeys
    ? { privateKey: process.env.GATEWAY_PRIVATE_KEY!, publicKey: process.env.GATEWAY_PUBLIC_KEY! }
    : await generateGatewayKeys();

  /** Starts one service and waits until it answers /health. */
  const launch = async (name: ServiceName, extraEnv: NodeJS.ProcessEnv = {}): Promise<void> => {
    const isGateway = name === 'gateway';
    const child = spawnManaged(name, process.execPath, TSX_MAIN, {
      cwd: path.join(root, isGateway ? 'gateway' : path.join('services', name)),
      env: isGateway
        ? { ...env, GATEWAY_PRIVATE_KEY: keys.privateKey, ...extraEnv }
        : { ...env, GATEWAY_PUBLIC_KEY: keys.publicKey, GATEWAY_PRIVATE_KEY: undefined, IDENTITY_DATABASE_URL: undefined, ...extraEnv },
      log: options.log,
    });
    running.set(name, child);
    await waitForHttp(`http://127.0.0.1:${ports[name]}/health`, 60_000, () => child.child.exitCode === null && child.child.signalCode === null);
  };

  try {
    for (const name of SUBGRAPHS) {
      const configured = options.useConfiguredUrls ? configuredDatabaseUrl(name) : undefined;
      const databaseUrl = configured ?? withDatabase(options.serverUrl, `${options.databasePrefix ?? ''}${name}`);
      const database = new URL(databaseUrl).pathname.slice(1);
      if (options.fresh) await dropDatabaseIfExists(databaseUrl, database);
      await createDatabaseIfMissing(databaseUrl, database);
      env[`${name.toUpperCase()}_DATABASE_URL`] = databaseUrl;
      databaseUrls.push(databaseUrl);
      env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
      env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}/graphql`;
    }
    // The embedded issuer's accounts live beside the subgraphs' databases.
    const identityUrl = (options.useConfiguredUrls ? configuredDatabaseUrl('identity') : undefined) ?? withDatabase(options.serverUrl, `${options.databasePrefix ?? ''}identity`);
    if (options.fresh) await dropDatabaseIfExists(identityUrl, new URL(identityUrl).pathname.slice(1));
    env.IDENTITY_DATABASE_URL = identityUrl;
    databaseUrls.push(identityUrl);
    if (options.seedDemo) await seedDemoDatabases(Object.fromEntries(SUBGRAPHS.map((name) => [name, env[`${name.toUpperCase()}_DATABASE_URL`]!])) as Record<SubgraphName, string>);
    await Promise.all(SUBGRAPHS.map((name) => launch(name)));
    await launch('gateway');
  } catch (error) {
    await stop();
    throw error;
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<SubgraphName, string>;
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    subgraphUrls,
    databaseUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, env[`${name.toUpperCase()}_DATABASE_URL`]!])) as Record<SubgraphName, string>,
    ports,
    keys,
    get processes() {
      return [...running.values()];
    },
    process: (name) => running.get(name)!,
    restart: async (name, extraEnv) => {
      const previous = running.get(name);
      if (previous) await stopManaged(previous);
      await launch(name, extraEnv);
    },
    stop,
  };
}
