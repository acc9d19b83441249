import { createDatabaseIfMissing, SUBGRAPHS, withDatabase, type SubgraphName } from '@dangvien/db';
import pg from 'pg';

/** The subgraphs' database URLs on one server, named as the stack names them (`<prefix><subgraph>`), created when missing. */
export async function subgraphDatabases(serverUrl: string, prefix = ''): Promise<Record<SubgraphName, string>> {
  const urls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    await createDatabaseIfMissing(serverUrl, `${prefix}${name}`);
    urls[name] = withDatabase(serverUrl, `${prefix}${name}`);
  }
  return urls;
}

/** Disk size of each database, in bytes. */
export async function databaseSizes(databaseUrls: Record<SubgraphName, string>): Promise<Record<SubgraphName, number>> {
  const sizes = {} as Record<SubgraphName, number>;
  for (const name of SUBGRAPHS) {
    const client = new pg.Client({ connectionString: databaseUrls[name] });
    await client.connect();
    try {
      sizes[name] = Number((await client.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]!.size);
    } finally {
      await client.end();
    }
  }
  return sizes;
}
