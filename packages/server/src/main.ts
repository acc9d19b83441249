import type { BaseContext } from '@apollo/server';
import {
  DEFAULT_SUBGRAPH_PORTS,
  SUBGRAPHS,
  configuredDatabaseUrl,
  createDatabaseIfMissing,
  embeddedDataDir,
  startEmbeddedPostgres,
  withDatabase,
} from '@dangvien/db';
import { startSubgraph, type SubgraphDefinition } from './subgraph.ts';

/**
 * Entry point of a subgraph process. Configuration by environment:
 * `<NAME>_PORT` (default: the definition's port), `<NAME>_HOST` (the address to listen on, default
 * 127.0.0.1; a container sets 0.0.0.0 so that its Service and probes reach it), `<NAME>_DATABASE_URL` (default: the embedded
 * PostgreSQL under .data/, started or reused), `GATEWAY_PUBLIC_KEY` (required: the key that signs the
 * gateway's internal tokens), `EVENT_FEED_SECRET` (required: guards the event feeds), `<PRODUCER>_URL`
 * (where to pull events from). The demo data is written by the start command before the subgraph
 * starts (`tools/stack`), not by the subgraph.
 */
/**
 * Runs `shutdown` on SIGTERM or SIGINT, and when the process that started us dies, even by SIGKILL
 * (its IPC channel closes), so that no service outlives the start command.
 */
export function stopWithParent(shutdown: () => Promise<void>): void {
  let stopping = false;
  const stopOnce = (): void => {
    if (stopping) return;
    stopping = true;
    void shutdown();
  };
  process.once('SIGTERM', stopOnce);
  process.once('SIGINT', stopOnce);
  if (process.connected) process.once('disconnect', stopOnce);
}

export async function runSubgraphProcess<DB, Ctx extends BaseContext>(definition: SubgraphDefinition<DB, Ctx>): Promise<void> {
  const prefix = definition.name.toUpperCase();
  const port = Number(process.env[`${prefix}_PORT`] ?? definition.defaultPort);
  let databaseUrl = configuredDatabaseUrl(definition.name);
  let stopEmbedded = async (): Promise<void> => undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), whenRunning: 'reuse' });
    stopEmbedded = embedded.stop;
    databaseUrl = withDatabase(embedded.url, definition.name);
  }
  await createDatabaseIfMissing(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  const gatewayPublicKey = process.env.GATEWAY_PUBLIC_KEY;
  if (!gatewayPublicKey) {
    throw new Error('GATEWAY_PUBLIC_KEY is not set: a subgraph serves only requests signed by the gateway (the start command sets it).');
  }
  const eventFeedSecret = process.env.EVENT_FEED_SECRET;
  if (!eventFeedSecret) throw new Error('EVENT_FEED_SECRET is not set: the event feeds between subgraphs need it (the start command sets it).');
  const server = await startSubgraph(definition, {
    databaseUrl,
    port,
    host: process.env[`${prefix}_HOST`] || undefined,
    gatewayPublicKey,
    eventFeedSecret,
  });
  // Producers are found where the gateway finds them: <NAME>_URL, else the default ports.
  server.connect(Object.fromEntries(SUBGRAPHS.map((name) => [name, process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`])));
  console.log(`[${definition.name}] subgraph ready at ${server.url}`);
  const shutdown = async (): Promise<void> => {
    await server.close();
    await stopEmbedded();
    process.exit(0);
  };
  stopWithParent(shutdown);
}
