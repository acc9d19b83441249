import { createKysely, migrateToLatest, type MigrationSet, type SubgraphName } from '@dangvien/db';
import { seedDemoData } from '@dangvien/demo-data/seed';
import { migrations as evaluation } from '@dangvien/evaluation/migrations';
import { migrations as membership } from '@dangvien/membership/migrations';
import { migrations as organization } from '@dangvien/organization/migrations';

const MIGRATIONS: Record<SubgraphName, MigrationSet> = { organization, membership, evaluation };

/**
 * Brings each subgraph's database to its latest migration and writes its share of the demo data set
 * into empty tables, before the subgraphs start: the demo data belongs to the start command, not to a
 * service (a subgraph's own migrations then find nothing to do).
 */
export async function seedDemoDatabases(databaseUrls: Record<SubgraphName, string>): Promise<void> {
  for (const [name, url] of Object.entries(databaseUrls) as [SubgraphName, string][]) {
    const db = createKysely<unknown>(url, { maxConnections: 2 });
    try {
      await migrateToLatest(db, MIGRATIONS[name]);
      await seedDemoData(name, db);
    } finally {
      await db.destroy();
    }
  }
}
