import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { configuredDatabaseUrl, embeddedDataDir, startEmbeddedPostgres, SUBGRAPHS, workspaceRoot } from '@dangvien/db';
import { startBackend } from './backend.ts';
import { buildFrontends, serveFrontends } from './frontends.ts';
import { envPorts } from './ports.ts';
import { loadDemoDistrict } from '@dangvien/datagen';
import { stopAllOnExit } from './run-until-stopped.ts';

/**
 * The demo start shows a whole district (the district scale of docs/data.md, put under the demo's
 * Xuân Trường). DEMO_SCALE=district|none decides; unset, only the repository's own embedded server
 * gets it: configured databases (DATABASE_URL, <NAME>_DATABASE_URL, DANGVIEN_DATA_DIR) never receive
 * generated members unless asked.
 */
function wantsDistrictScale(usesOwnEmbeddedServer: boolean): boolean {
  const asked = process.env.DEMO_SCALE;
  if (asked === 'district') return true;
  if (asked === 'none') return false;
  if (asked) throw new Error(`DEMO_SCALE must be district or none, not ${asked}.`);
  return usesOwnEmbeddedServer;
}

/**
 * `pnpm run launch` (and `npm start`): embedded PostgreSQL, the three subgraphs with demo data on first
 * start, the gateway, and the four front ends built and served. Ctrl-C or SIGTERM stops it all.
 * Flags: --no-build (serve the last build), --no-frontends (backend only).
 */
const logDir = path.join(workspaceRoot(), '.data');
mkdirSync(logDir, { recursive: true });
const postgresLog = path.join(logDir, 'postgres.log');
const parts = stopAllOnExit();

try {
  const ports = envPorts();
  // DATABASE_URL: one external server for all three; <NAME>_DATABASE_URL: one subgraph elsewhere.
  let serverUrl = process.env.DATABASE_URL;
  const allConfigured = SUBGRAPHS.every((name) => configuredDatabaseUrl(name));
  if (!serverUrl && allConfigured) serverUrl = configuredDatabaseUrl('organization');
  const usesOwnEmbeddedServer = !serverUrl && !SUBGRAPHS.some((name) => configuredDatabaseUrl(name)) && !process.env.DANGVIEN_DATA_DIR;
  if (!serverUrl) {
    console.log('Starting the embedded PostgreSQL (.data/postgres)…');
    const postgres = await startEmbeddedPostgres({
      dataDir: embeddedDataDir(),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      whenRunning: 'restart',
      log: (line) => appendFileSync(postgresLog, `${line}\n`),
    });
    parts.add(postgres.stop);
    serverUrl = postgres.url;
  }
  console.log('Starting the subgraphs and the gateway (demo data is written on first start)…');
  const backend = await startBackend({ serverUrl, ports: ports.backend, seedDemo: true, useConfiguredUrls: true, development: true });
  parts.add(backend.stop);
  if (wantsDistrictScale(usesOwnEmbeddedServer)) {
    console.log('Loading the district-scale data around the demo (first start only; DEMO_SCALE=none skips it)…');
    const loaded = await loadDemoDistrict(backend.databaseUrls, { progress: process.stdout.isTTY });
    if (loaded.skippedSteps === 0) console.log(`District-scale data loaded in ${loaded.seconds.toFixed(0)} s.`);
  }
  let shellUrl = '(front ends not started: --no-frontends)';
  if (!process.argv.includes('--no-frontends')) {
    if (process.argv.includes('--no-build')) console.log('Skipping the front-end build (--no-build).');
    else {
      console.log('Building the front ends…');
      await buildFrontends();
    }
    const frontends = await serveFrontends({ gatewayPort: backend.ports.gateway, ports: ports.frontends });
    parts.add(frontends.stop);
    shellUrl = frontends.shellUrl;
  }
  console.log(`
  dangvien is running.
    Open:     ${shellUrl}
    GraphQL:  ${backend.gatewayUrl}   (health: ${backend.gatewayUrl.replace('/graphql', '/health')})
  Ctrl-C stops everything.`);
} catch (error) {
  console.error(error);
  await parts.shutdown('error');
}
