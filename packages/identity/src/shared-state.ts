import { createDatabaseIfMissing, createKysely, migrateToLatest } from '@dangvien/db';
import { CompiledQuery, type Kysely } from 'kysely';
import type { IdentityDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';

/** The shape of a node-postgres pool that store-backed libraries (rate-limiter-flexible) call. */
export interface SqlClient {
  query(query: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[]; rowCount: number }>;
}

export interface GatewayStateStore {
  /** Plain SQL on the identity database, for the gateway's counters (`rate_limit`). */
  client: SqlClient;
  close(): Promise<void>;
}

/**
 * The gateway's own database (`IDENTITY_DATABASE_URL`, created and migrated if need be) as the store
 * of what every gateway replica must share: the request counters of the rate limit. Sessions, refresh
 * tokens, keys and sign-in failures are already there (the embedded issuer). Its own small pool, so
 * counting requests never waits behind sign-ins.
 */
export async function openGatewayStateStore(databaseUrl: string): Promise<GatewayStateStore> {
  await createDatabaseIfMissing(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  const db = createKysely<IdentityDatabase>(databaseUrl, { maxConnections: 4 });
  try {
    await migrateToLatest(db as Kysely<unknown>, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    client: {
      // A statement's name (a prepared statement) is node-postgres's optimisation only: ignored here.
      query: async ({ text, values }) => {
        const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
        return { rows: result.rows as unknown[], rowCount: result.rows.length };
      },
    },
    close: () => db.destroy(),
  };
}
