import { createRequire } from 'node:module';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import { spawnManaged, stopManaged, waitForHttp, type ManagedProcess } from './processes.ts';

export const FRONTENDS = ['shell', 'district', 'ward', 'cell'] as const;
export type FrontendName = (typeof FRONTENDS)[number];
export type FrontendPorts = Record<FrontendName, number>;
export const DEFAULT_FRONTEND_PORTS: FrontendPorts = { shell: 5173, district: 5174, ward: 5175, cell: 5176 };
/** Built with the others but served by the gateway itself (at /explorer/, gateway/src/explorer). */
export const GATEWAY_SERVED_FRONTENDS = ['explorer'] as const;

function viteBin(frontendDir: string): string {
  const packageJson = createRequire(path.join(frontendDir, 'package.json')).resolve('vite/package.json');
  return path.join(path.dirname(packageJson), 'bin', 'vite.js');
}

/**
 * The environment for a front-end build or server: ours without the test runner's variables,
 * because @module-federation/vite silently turns itself off when it sees VITEST or NODE_ENV=test.
 */
function frontendEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'));
  return { ...env, ...extra };
}

function frontendDir(name: FrontendName | (typeof GATEWAY_SERVED_FRONTENDS)[number]): string {
  return path.join(workspaceRoot(), 'frontends', name);
}

/** Builds the four front ends and the explorer (production bundles, as they are deployed). */
export async function buildFrontends(log?: (line: string) => void): Promise<void> {
  for (const name of [...FRONTENDS, ...GATEWAY_SERVED_FRONTENDS]) {
    const build = spawnManaged(`build ${name}`, process.execPath, [viteBin(frontendDir(name)), 'build', '--logLevel', 'warn'], {
      cwd: frontendDir(name),
      env: frontendEnv({ NODE_ENV: 'production' }),
      replaceEnv: true,
      log,
    });
    const code = await build.exited;
    if (code !== 0) throw new Error(`Building frontends/${name} failed (exit code ${code})`);
  }
}

export interface Frontends {
  shellUrl: string;
  ports: FrontendPorts;
  processes: ManagedProcess[];
  /** Stops one front end's server (a module's deployment going down); the others keep running. */
  stopOne(name: FrontendName): Promise<void>;
  /** Starts it again on the same port and waits until it answers. */
  startOne(name: FrontendName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Serves the built front ends with `vite preview`, each on its own port like separate deployments.
 * The shell learns where the remotes are from its runtime manifest (built from these env vars),
 * and every front end proxies /graphql to the gateway.
 */
export async function serveFrontends(options: { gatewayPort: number; ports?: Partial<FrontendPorts>; log?: (line: string) => void }): Promise<Frontends> {
  const ports = { ...DEFAULT_FRONTEND_PORTS, ...options.ports };
  const env: NodeJS.ProcessEnv = { GATEWAY_URL: `http://127.0.0.1:${options.gatewayPort}` };
  for (const name of FRONTENDS) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    if (name !== 'shell') env[`${name.toUpperCase()}_URL`] = `http://localhost:${ports[name]}`;
  }
  const serve = (name: FrontendName): ManagedProcess =>
    spawnManaged(name, process.execPath, [viteBin(frontendDir(name)), 'preview', '--port', String(ports[name]), '--strictPort'], {
      cwd: frontendDir(name),
      env: frontendEnv(env),
      replaceEnv: true,
      log: options.log,
    });
  const processes = FRONTENDS.map(serve);
  const ready = (name: FrontendName) => waitForHttp(`http://localhost:${ports[name]}/`, 60_000, () => processes[FRONTENDS.indexOf(name)]!.child.exitCode === null);
  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((process) => stopManaged(process)));
  };
  try {
    await Promise.all(FRONTENDS.map(ready));
  } catch (error) {
    await stop();
    throw error;
  }
  const stopOne = async (name: FrontendName): Promise<void> => {
    await stopManaged(processes[FRONTENDS.indexOf(name)]!);
  };
  const startOne = async (name: FrontendName): Promise<void> => {
    await stopOne(name);
    processes[FRONTENDS.indexOf(name)] = serve(name);
    await ready(name);
  };
  return { shellUrl: `http://localhost:${ports.shell}/`, ports, processes, stopOne, startOne, stop };
}
