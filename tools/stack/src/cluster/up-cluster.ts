import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, SUBGRAPHS, workspaceRoot, type SubgraphName } from '@dangvien/db';
import { buildFrontends, serveFrontends } from '../frontends.ts';
import { envPorts } from '../ports.ts';
import { startCluster } from './cluster.ts';
import { stopAllOnExit } from '../run-until-stopped.ts';

/**
 * `pnpm run up:cluster`: the multi-server layout on this machine (docs/replicas.md). Three embedded
 * PostgreSQL servers (.data/cluster/<subgraph>-postgres, ports 54331–54333 or the next free ones),
 * two replicas of each subgraph and two gateways, a round-robin proxy in front of each group (the
 * gateways' on GATEWAY_PORT, 4000; the subgraphs' on ORGANIZATION_PORT… 4001–4003), the demo data on
 * first start. Flags: --frontends also builds and serves the front ends, pointed at the gateways'
 * proxy, as `npm start` does (--no-build serves the last build). Ctrl-C or SIGTERM stops it all.
 */
const dataDir = path.join(workspaceRoot(), '.data', 'cluster');
mkdirSync(dataDir, { recursive: true });
const parts = stopAllOnExit();

try {
  const ports = envPorts();
  console.log('Starting three embedded PostgreSQL servers (.data/cluster)…');
  const servers = await Promise.all(
    SUBGRAPHS.map((name, index) =>
      startEmbeddedPostgres({
        dataDir: path.join(dataDir, `${name}-postgres`),
        port: 54331 + index,
        whenRunning: 'restart',
        log: (line) => appendFileSync(path.join(dataDir, `${name}-postgres.log`), `${line}\n`),
      }),
    ),
  );
  parts.add(...servers.map((server) => server.stop));
  const serverUrls = Object.fromEntries(SUBGRAPHS.map((name, index) => [name, servers[index]!.url])) as Record<SubgraphName, string>;
  console.log('Starting 2 replicas of each subgraph and 2 gateways behind their proxies (demo data on first start)…');
  const cluster = await startCluster({
    serverUrls,
    seedDemo: true,
    development: true,
    ports: ports.backend,
    log: (line) => appendFileSync(path.join(dataDir, 'services.log'), `${line}\n`),
  });
  parts.add(cluster.stop);
  let shellUrl = '(front ends not served: --frontends serves them)';
  if (process.argv.includes('--frontends')) {
    if (process.argv.includes('--no-build')) console.log('Skipping the front-end build (--no-build).');
    else {
      console.log('Building the front ends…');
      await buildFrontends();
    }
    const frontends = await serveFrontends({ gatewayPort: cluster.proxies.gateway.port, ports: ports.frontends });
    parts.add(frontends.stop);
    shellUrl = frontends.shellUrl;
  }
  const layout = [...SUBGRAPHS, 'gateway' as const].map((name) => `    ${name.padEnd(13)} ${cluster.proxies[name].url} → ${[...cluster.proxies[name].served.keys()].join(', ')}`);
  console.log(`
  dangvien is running as a cluster.
    GraphQL:  ${cluster.gatewayUrl}   (health: ${cluster.gatewayUrl.replace('/graphql', '/health')})
    Open:     ${shellUrl}
    PostgreSQL: ${SUBGRAPHS.map((name, index) => `${name} :${servers[index]!.port}`).join(', ')} (identity on organization's)
    Proxies → replicas:
${layout.join('\n')}
    Logs:     .data/cluster/services.log
  Ctrl-C stops everything.`);
} catch (error) {
  console.error(error);
  await parts.shutdown('error');
}
