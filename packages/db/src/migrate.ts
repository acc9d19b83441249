import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';

/** Migrations of one subgraph, by name; names sort in the order they run (`2026_11_22_10_00_00_create_member`). */
export type MigrationSet = Record<string, Migration>;

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, migrations: MigrationSet): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Names of the migrations in `migrations` not yet applied to `db` (all of them on a database never migrated). */
export async function pendingMigrations(db: Kysely<unknown>, migrations: MigrationSet): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const known = await migrator.getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
