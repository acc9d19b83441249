import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';

export interface HealthReport {
  status: 'ok' | 'degraded';
  [detail: string]: unknown;
}

export interface ServeOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  port: number;
  host?: string;
  context: (request: Request) => Promise<Ctx>;
  health: () => Promise<HealthReport>;
  /** Largest accepted request body; bigger ones get 413 before GraphQL sees them. */
  bodyLimit?: string;
  /** Other routes beside /graphql and /health (a subgraph's event feed, the gateway's sign-in). */
  routes?: Record<string, express.Router>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Spreadsheet imports travel as base64 in a variable (graphql-armor's token limit counts the document,
 * not variables): 10,000 members with all 14 register columns are about 0.9 MB as .xlsx and 4.1 MB as
 * .csv once base64-encoded, and the gateway forwards the same body to the subgraph. 8 MB covers that.
 */
const DEFAULT_BODY_LIMIT = '8mb';

/** Serves an Apollo server at /graphql and a health report at /health over plain HTTP. */
export async function serveApollo<Ctx extends BaseContext>(options: ServeOptions<Ctx>): Promise<RunningServer> {
  await options.apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_request, response) => {
    const report = await options.health().catch((error: unknown) => ({ status: 'degraded' as const, error: String(error) }));
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  for (const [path, router] of Object.entries(options.routes ?? {})) app.use(path, router);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT }),
    expressMiddleware(options.apollo, { context: async ({ req }) => options.context(req) }),
  );
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.apollo.stop();
    },
  };
}
