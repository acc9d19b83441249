import pg from 'pg';

/** Subgraph names double as database names on the default single server. */
export type SubgraphName = 'organization' | 'membership' | 'evaluation';
export const SUBGRAPHS: readonly SubgraphName[] = ['organization', 'membership', 'evaluation'];
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { organization: 4001, membership: 4002, evaluation: 4003 };

/** `ORGANIZATION_DATABASE_URL` and so on: the configured external server for one subgraph, if any. */
export function configuredDatabaseUrl(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[`${name.toUpperCase()}_DATABASE_URL`];
  return value && value.length > 0 ? value : undefined;
}

/** The same server URL pointed at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database if it does not exist yet (CREATE DATABASE cannot run in a transaction). */
export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Two processes may race to create it; losing the race is fine.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabaseIfExists(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
