import { createKysely, migrateToLatest, type SubgraphName } from '@dangvien/db';
import type { Kysely } from 'kysely';
import { SUBGRAPH_MIGRATIONS } from '../migrations.ts';
import { seedEvaluation } from './evaluation.ts';
import { seedMembership } from './membership.ts';
import { seedOrganization } from './organization.ts';

/**
 * Writes one subgraph's share of the demo data set into its migrated database, through the writers the
 * subgraph exports for bulk data (`@dangvien/<subgraph>/bulk`); a database that already has data is left
 * as it is, so a second start keeps what is there. The demo data belongs to the start command and the
 * tests, not to a service. Generic over the handle's table types: each seed knows its own tables.
 */
export const demoSeed: Record<SubgraphName, <DB>(db: Kysely<DB>) => Promise<void>> = {
  organization: (db) => seedOrganization(db as unknown as Kysely<unknown>),
  membership: (db) => seedMembership(db as unknown as Kysely<unknown>),
  evaluation: (db) => seedEvaluation(db as unknown as Kysely<unknown>),
};

/**
 * Brings each subgraph's database to its latest migration and writes its share of the demo data set,
 * before the subgraphs start (a subgraph's own migrations then find nothing to do).
 */
export async function seedDemoDatabases(databaseUrls: Record<SubgraphName, string>): Promise<void> {
  for (const [name, url] of Object.entries(databaseUrls) as [SubgraphName, string][]) {
    const db = createKysely<unknown>(url, { maxConnections: 2 });
    try {
      await migrateToLatest(db, SUBGRAPH_MIGRATIONS[name]);
      await demoSeed[name](db);
    } finally {
      await db.destroy();
    }
  }
}
