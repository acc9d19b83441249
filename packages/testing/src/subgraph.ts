import type { BaseContext } from '@apollo/server';
import type { Caller } from '@dangvien/auth';
import { startSubgraph, type StartedSubgraph, type SubgraphDefinition } from '@dangvien/server';
import { demoId } from '@dangvien/demo-data';
import type { Kysely } from 'kysely';
import { callerWith, internalToken, testGatewayKeys } from './callers.ts';
import { createTestDatabase } from './database.ts';
import { postGraphQL, type GraphQLResponse } from './graphql.ts';

/** Test subgraphs share this secret for their event feeds. */
export const TEST_EVENT_FEED_SECRET = 'test-event-feed-secret';

const PROVINCE_ADMIN = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });

export interface TestSubgraph<DB> extends StartedSubgraph<DB> {
  /** Statements sent to PostgreSQL since the last `resetQueryLog()`: proves batching (no N+1). */
  queries: string[];
  resetQueryLog(): void;
  /** Sends an operation as the gateway would, on behalf of `caller` (default: an administrator of the demo province). */
  post<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
}

/** A subgraph on a fresh, migrated database, served over HTTP on a free port. */
export async function startTestSubgraph<DB, Ctx extends BaseContext>(
  definition: SubgraphDefinition<DB, Ctx>,
  /** `seed` writes data into the migrated database before it is served (`demoSeed.<name>` from `@dangvien/stack/demo-seed`). */
  options: { seed?: (db: Kysely<DB>) => Promise<void> } = {},
): Promise<TestSubgraph<DB>> {
  const database = await createTestDatabase(definition.name);
  const queries: string[] = [];
  const server = await startSubgraph(definition, {
    databaseUrl: database.url,
    gatewayPublicKey: (await testGatewayKeys()).publicKey,
    eventFeedSecret: TEST_EVENT_FEED_SECRET,
    port: 0,
    seed: options.seed,
    onQuery: (sql) => queries.push(sql),
  });
  queries.length = 0;
  return {
    ...server,
    queries,
    resetQueryLog: () => {
      queries.length = 0;
    },
    post: async (query, variables = {}, caller = PROVINCE_ADMIN) =>
      postGraphQL(server.url, query, variables, { authorization: `Bearer ${await internalToken(caller, definition.name)}` }),
    close: async () => {
      await server.close();
      await database.drop(); // DROP … IF EXISTS: closing twice is harmless
    },
  };
}
