import { createHash } from 'node:crypto';
import type { SubgraphName } from '@dangvien/db';
import pg from 'pg';
import { SUBGRAPH_LOADERS } from './subgraphs.ts';

/**
 * A digest of the generated rows in the three databases, content only (no serial ids, no load
 * timestamps): the same seed loaded twice, or loaded in an interrupted run and resumed, gives the same digest.
 */
export async function dataSetDigest(databaseUrls: Record<SubgraphName, string>): Promise<string> {
  const hash = createHash('sha256');
  for (const loader of SUBGRAPH_LOADERS) {
    const client = new pg.Client({ connectionString: databaseUrls[loader.name] });
    await client.connect();
    try {
      for (const query of loader.digestQueries()) {
        const text = `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest, count(*) AS n FROM (${query}) t`;
        // A table a later migration adds may not exist in an older database: it digests as absent.
        const result = await client.query({ text, rowMode: 'array' }).catch((error: { code?: string }) => {
          if (error.code === '42P01') return { rows: [['absent', '0']] };
          throw error;
        });
        const [digest, count] = result.rows[0] as [string | null, string];
        hash.update(`${loader.name}|${count}|${digest ?? ''}\n`);
      }
    } finally {
      await client.end();
    }
  }
  return hash.digest('hex');
}
