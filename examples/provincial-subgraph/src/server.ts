import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createInternalTokenVerifier, InternalTokenError } from '@dangvien/internal-token-verifier';
import express from 'express';
import { parse } from 'graphql';
import type { ProvincialConfig } from './config.ts';
import { openDatabase, type Database } from './database.ts';
import { createContext, resolvers, type ProvincialContext } from './resolvers.ts';

export const SCHEMA_URL = new URL('./schema.graphql', import.meta.url);

export interface RunningSubgraph {
  url: string;
  port: number;
  db: Database;
  close(): Promise<void>;
}

const UNAUTHENTICATED = { errors: [{ message: 'Chỉ cổng GraphQL quốc gia (gateway) được gọi hệ thống này.', extensions: { code: 'UNAUTHENTICATED' } }] };

/**
 * The subgraph: /graphql for the national gateway only (every operation, `_service` and `_entities`
 * included, needs its signed token for this subgraph), /health for the gateway and load balancers.
 */
export async function startProvincialSubgraph(config: ProvincialConfig): Promise<RunningSubgraph> {
  const db = await openDatabase(config.databaseUrl);
  const verify = createInternalTokenVerifier({ audience: config.subgraphName, ...config.keys });
  const apollo = new ApolloServer<ProvincialContext>({
    schema: buildSubgraphSchema([{ typeDefs: parse(readFileSync(SCHEMA_URL, 'utf8')), resolvers }]),
    includeStacktraceInErrorResponses: false,
    // Traces are Apollo Studio's; the national gateway does not read them.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // No stack, no SQL, no internal detail to the gateway: unexpected errors answer one plain sentence.
    formatError: (formatted) =>
      ['FORBIDDEN', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'].includes(String(formatted.extensions?.code))
        ? formatted
        : { message: 'Hệ thống đào tạo gặp lỗi khi xử lý yêu cầu.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_request, response) => {
    try {
      await db.query('SELECT 1');
      response.json({ status: 'ok', subgraph: config.subgraphName });
    } catch {
      response.status(503).json({ status: 'degraded', subgraph: config.subgraphName });
    }
  });
  app.use('/graphql', express.json({ limit: '1mb' }), async (request, response, next) => {
    try {
      response.locals.caller = await verify(request.headers.authorization);
      next();
    } catch (error) {
      if (!(error instanceof InternalTokenError)) return next(error);
      console.warn(`[${config.subgraphName}] refused a request: ${error.reason}`);
      response.status(401).json(UNAUTHENTICATED);
    }
  });
  app.use('/graphql', expressMiddleware(apollo, { context: async ({ res }) => createContext(db, res.locals.caller) }));
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    db,
    // Idempotent: a test stops it early to see the national graph cope.
    close: () => {
      closing ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await apollo.stop();
        await db.end();
      })();
      return closing;
    },
  };
}
