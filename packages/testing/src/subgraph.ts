import type { BaseContext } from '@apollo/server';
import { startSubgraph, type StartedSubgraph, type SubgraphDefinition } from '@dangvien/server';
import { createTestDatabase } from './database.ts';

export interface TestSubgraph<DB> extends StartedSubgraph<DB> {
  /** Statements sent to PostgreSQL since the last `resetQueryLog()`: proves batching (no N+1). */
  queries: string[];
  resetQueryLog(): void;
}

/** A subgraph on a fresh, migrated database, served over HTTP on a free port. */
export async function startTestSubgraph<DB, Ctx extends BaseContext>(
  definition: SubgraphDefinition<DB, Ctx>,
  options: { seedDemo?: boolean } = {},
): Promise<TestSubgraph<DB>> {
  const database = await createTestDatabase(definition.name);
  const queries: string[] = [];
  const server = await startSubgraph(definition, {
    databaseUrl: database.url,
    port: 0,
    seedDemo: options.seedDemo ?? false,
    onQuery: (sql) => queries.push(sql),
  });
  queries.length = 0;
  return {
    ...server,
    queries,
    resetQueryLog: () => {
      queries.length = 0;
    },
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
