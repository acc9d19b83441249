import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, workspaceRoot } from '@dangvien/db';
import { serveFrontends, startBackend, type Backend, type Frontends } from '@dangvien/stack';
import { testServerUrl } from '@dangvien/testing';

export interface RunningSystem {
  backend: Backend;
  frontends: Frontends;
  stop(): Promise<void>;
}

/** The whole system as the start command runs it, on fresh e2e databases and free ports (front ends built by build-once.ts). */
export async function startSystem(): Promise<RunningSystem> {
  // The services' output goes to a file, to read when a browser test fails.
  const logDir = path.join(workspaceRoot(), '.test-results');
  mkdirSync(logDir, { recursive: true });
  const log = (line: string): void => appendFileSync(path.join(logDir, 'e2e-system.log'), `${line}\n`);
  const backend = await startBackend({
    log,
    serverUrl: testServerUrl(),
    // Unique names: two runs on one server must not drop each other's databases.
    databasePrefix: `e2e_${randomUUID().slice(0, 8)}_`,
    fresh: true,
    dropOnStop: true,
    seedDemo: true,
    // The tests check the pages against their own GraphQL queries as the pages' users, which the
    // production manifest would refuse; E2E_UI_OPERATIONS=manifest runs the browser under it.
    uiOperations: process.env.E2E_UI_OPERATIONS === 'manifest' ? 'manifest' : 'any',
    ports: { gateway: await freePort(), organization: await freePort(), membership: await freePort(), evaluation: await freePort() },
  });
  try {
    const frontends = await serveFrontends({
      log,
      gatewayPort: backend.ports.gateway,
      ports: { shell: await freePort(), district: await freePort(), ward: await freePort(), cell: await freePort() },
    });
    return {
      backend,
      frontends,
      stop: async () => {
        await frontends.stop();
        await backend.stop();
      },
    };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}
