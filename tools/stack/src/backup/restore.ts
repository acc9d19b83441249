import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { createDatabaseIfMissing, createKysely, dropDatabaseIfExists, migrateToLatest, withDatabase, type MigrationSet } from '@dangvien/db';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MANIFEST_FILE, tableFile, type BackupManifest } from './format.ts';

/**
 * Restores a backup into `urls` (one per database of the manifest): each database is dropped, created,
 * migrated by this release's migrations (which must be the backup's), and filled with the copied
 * rows and sequence values. Refuses while anything is connected to a database it would replace:
 * the services must be stopped first.
 */
export async function restoreDatabases(fromDir: string, urls: Record<string, string>, migrationSets: Record<string, MigrationSet>): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(path.join(fromDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== 'dangvien-backup/1') throw new Error(`${fromDir} is not a backup of this system (format ${String(manifest.format)}).`);
  for (const [name, database] of Object.entries(manifest.databases)) {
    const url = urls[name];
    const migrations = migrationSets[name];
    if (!url || !migrations) throw new Error(`The backup holds the database "${name}", which this system does not have.`);
    const ours = Object.keys(migrations).sort();
    if (JSON.stringify(ours) !== JSON.stringify(database.migrations)) {
      throw new Error(`The backup of "${name}" was taken with other migrations (${database.migrations.at(-1) ?? 'none'}; this release: ${ours.at(-1) ?? 'none'}): restore it with the release that took it, then start the new one.`);
    }
    await refuseIfInUse(url);
  }
  for (const [name, database] of Object.entries(manifest.databases)) {
    const url = urls[name]!;
    const databaseName = new URL(url).pathname.slice(1);
    await dropDatabaseIfExists(url, databaseName);
    await createDatabaseIfMissing(url, databaseName);
    const db = createKysely<unknown>(url, { maxConnections: 1 });
    try {
      await migrateToLatest(db as Kysely<unknown>, migrationSets[name]!);
    } finally {
      await db.destroy();
    }
    const client = new pg.Client({ connectionString: url, application_name: 'dangvien-restore' });
    await client.connect();
    try {
      await client.query('BEGIN');
      // Rows go in table by table, in any order: foreign keys are not checked while restoring rows
      // that were consistent when copied (needs a superuser, as the restore of any dump with triggers does).
      await client.query('SET LOCAL session_replication_role = replica');
      const tables = Object.keys(database.tables);
      if (tables.length > 0) await client.query(`TRUNCATE ${tables.map((table) => client.escapeIdentifier(table)).join(', ')}`);
      for (const table of tables) {
        await pipeline(createReadStream(path.join(fromDir, tableFile(name, table))), createGunzip(), client.query(copyFrom(`COPY ${client.escapeIdentifier(table)} FROM STDIN`)));
      }
      for (const [sequence, { lastValue, isCalled }] of Object.entries(database.sequences)) {
        if (lastValue !== null) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [client.escapeIdentifier(sequence), lastValue, isCalled]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new Error(`Restoring "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      await client.end();
    }
  }
  return manifest;
}

async function refuseIfInUse(url: string): Promise<void> {
  const databaseName = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number; apps: string | null }>(
      `SELECT count(*)::int AS n, string_agg(DISTINCT application_name, ', ') AS apps FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [databaseName],
    );
    if (rows[0]!.n > 0) throw new Error(`The database "${databaseName}" is in use (${rows[0]!.n} connection(s)${rows[0]!.apps ? `: ${rows[0]!.apps}` : ''}): stop the system before restoring.`);
  } finally {
    await client.end();
  }
}
