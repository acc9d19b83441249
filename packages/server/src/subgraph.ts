import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { internalTokenVerifier, type Caller } from '@dangvien/auth';
import { createKysely, migrateToLatest, type MigrationSet, type SubgraphName } from '@dangvien/db';
import { createConsumer, eventFeedRouter, type Consumer, type EventHandler, type EventTables } from '@dangvien/events';
import { sql, type Kysely } from 'kysely';
import { loadSchemaFile } from './schema-file.ts';
import { unauthenticated } from './errors.ts';
import { maskUnexpectedErrors } from './mask-errors.ts';
import { serveApollo, type RunningServer } from './http.ts';
import { offlinePlugins } from './offline.ts';
import { inputTextPlugin } from './input-text.ts';
import { withReadYourWrites } from './read-your-writes.ts';

/** Everything that makes one subgraph; each service exports one of these from its `subgraph.ts`. */
export interface SubgraphDefinition<DB, Ctx extends BaseContext> {
  name: SubgraphName;
  defaultPort: number;
  /** The SDL: `new URL('./', import.meta.url)` for every `*.graphql` under the service's src, or one file. */
  schemaUrl: URL;
  migrations: MigrationSet;
  resolvers: GraphQLResolverMap<Ctx>;
  /** Per request, for the caller the gateway vouched for: fresh DataLoaders, so batching and caching never cross requests or callers. */
  createContext: (db: Kysely<DB>, caller: Caller) => Ctx;
  /** Event handlers by producing subgraph, then by event type. */
  consumes?: Partial<Record<SubgraphName, Record<string, EventHandler<DB>>>>;
  /** The subgraph's own Apollo plugins (membership: the processing log of sensitive reads, written before each response). */
  plugins?: ApolloServerPlugin<Ctx>[];
  /** Reports served under /events/<name> for the consistency command (replica digests…). */
  statusReports?: (db: Kysely<DB>) => Record<string, () => Promise<unknown>>;
}

export interface StartOptions<DB = unknown> {
  databaseUrl: string;
  /** Shared by the services only: guards the event feeds between subgraphs. */
  eventFeedSecret: string;
  /** The gateway's public key (JWK JSON): only requests carrying a token it signed are served. */
  gatewayPublicKey: string;
  port?: number;
  /** The address to listen on; default 127.0.0.1 (a container sets 0.0.0.0: `<NAME>_HOST`). */
  host?: string;
  /** Writes data into the migrated database before it is served (tests: the demo data set). */
  seed?: (db: Kysely<DB>) => Promise<void>;
  onQuery?: (sql: string, milliseconds: number) => void;
}

export interface StartedSubgraph<DB> extends RunningServer {
  db: Kysely<DB>;
  /** Starts consuming the producers' feeds (GraphQL URLs of the producing subgraphs; /events beside each). */
  connect(producers: Partial<Record<SubgraphName, string>>): Consumer[];
  consumers: Consumer[];
}

/** Migrates, optionally seeds, and serves one subgraph over HTTP. */
export async function startSubgraph<DB, Ctx extends BaseContext>(
  definition: SubgraphDefinition<DB, Ctx>,
  options: StartOptions<DB>,
): Promise<StartedSubgraph<DB>> {
  const db = createKysely<DB>(options.databaseUrl, { onQuery: options.onQuery });
  await migrateToLatest(db as Kysely<unknown>, definition.migrations);
  await options.seed?.(db);
  const consumers: { producer: string; consumer: Consumer }[] = [];
  const started: Consumer[] = [];
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema([{ typeDefs: loadSchemaFile(definition.schemaUrl), resolvers: withReadYourWrites(definition.resolvers, () => started) }]),
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    // Nothing goes to Apollo's cloud (traces, usage, schema) unless an operator opts in.
    // Every string input checked and normalized once, before any resolver (input-text.ts).
    plugins: [...offlinePlugins<Ctx>(), inputTextPlugin<Ctx>(), ...(definition.plugins ?? [])],
  });
  const verify = await internalTokenVerifier(options.gatewayPublicKey, definition.name);
  const server = await serveApollo<Ctx>({
    apollo,
    port: options.port ?? definition.defaultPort,
    host: options.host,
    // Every operation, _service and _entities included, needs the gateway's token for this subgraph.
    routes: {
      '/events': eventFeedRouter(db as unknown as Kysely<EventTables>, options.eventFeedSecret, {
        ...definition.statusReports?.(db),
        status: async () => ({ subgraph: definition.name, consumers: await consumerStatus() }),
      }),
    },
    context: async (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw unauthenticated('Chỉ cổng GraphQL (gateway) được gọi trực tiếp dịch vụ này.');
      const caller = await verify(token).catch(() => {
        throw unauthenticated('Chỉ cổng GraphQL (gateway) được gọi trực tiếp dịch vụ này.');
      });
      return definition.createContext(db, caller);
    },
    health: async () => {
      await sql`SELECT 1`.execute(db);
      return { status: 'ok', subgraph: definition.name };
    },
  });
  let closing: Promise<void> | undefined;
  async function consumerStatus(): Promise<{ producer: string; position: number }[]> {
    return Promise.all(consumers.map(async ({ producer, consumer }) => ({ producer, position: await consumer.position() })));
  }
  return {
    ...server,
    db,
    consumers: started,
    connect: (producers) => {
      for (const [producer, handlers] of Object.entries(definition.consumes ?? {})) {
        const graphqlUrl = producers[producer as SubgraphName];
        if (!graphqlUrl || !handlers) continue;
        const consumer = createConsumer({
          producer,
          feedUrl: graphqlUrl.replace(/\/graphql$/, '/events'),
          secret: options.eventFeedSecret,
          db: db as unknown as Kysely<DB & EventTables>,
          handlers: handlers as Record<string, EventHandler<DB & EventTables>>,
          log: (line) => console.error(`[${definition.name}] ${line}`),
        });
        consumers.push({ producer, consumer });
        started.push(consumer);
      }
      return started;
    },
    // Idempotent: a test may stop a subgraph early to see the others cope.
    close: () => {
      closing ??= (async () => {
        await Promise.all(consumers.map(({ consumer }) => consumer.stop()));
        await server.close();
        await db.destroy();
      })();
      return closing;
    },
  };
}
