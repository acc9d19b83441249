import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { MANIFEST_FILE, MIGRATION_TABLES, tableFile, type BackupManifest, type DatabaseBackup } from './format.ts';
import { openSnapshots } from './snapshot.ts';

/**
 * Backs up every database at one point (snapshot.ts) into `outDir`: each table as PostgreSQL COPY
 * text, gzip, plus a manifest. Works with any server version (the Debian pg_dump 15 refuses the
 * embedded PostgreSQL 18) and needs nothing but a connection; the system keeps running meanwhile.
 */
export async function backupDatabases(urls: Record<string, string>, outDir: string): Promise<BackupManifest> {
  await mkdir(outDir, { recursive: true });
  const snapshots = await openSnapshots(urls);
  try {
    const manifest: BackupManifest = { format: 'dangvien-backup/1', takenAt: new Date().toISOString(), databases: {} };
    // One database at a time: each reader is one connection, and the disk is the limit anyway.
    for (const [name, client] of Object.entries(snapshots.readers)) manifest.databases[name] = await backupDatabase(client, name, outDir);
    await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await snapshots.close();
  }
}

async function backupDatabase(client: pg.Client, name: string, outDir: string): Promise<DatabaseBackup> {
  await mkdir(path.join(outDir, name), { recursive: true });
  const migrations = (await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')).rows.map((row) => row.name);
  const tableNames = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows
    .map((row) => row.name)
    .filter((table) => !MIGRATION_TABLES.has(table));
  const tables: Record<string, number> = {};
  for (const table of tableNames) {
    const rows = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`);
    tables[table] = Number(rows.rows[0]!.n);
    await pipeline(client.query(copyTo(`COPY ${client.escapeIdentifier(table)} TO STDOUT`)), createGzip(), createWriteStream(path.join(outDir, tableFile(name, table))));
  }
  // Read after the snapshot was taken (sequences are not transactional): at least every id in the copy.
  const sequences: DatabaseBackup['sequences'] = {};
  const found = await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`);
  for (const { name: sequence } of found.rows) {
    const value = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${client.escapeIdentifier(sequence)}`);
    sequences[sequence] = { lastValue: value.rows[0]!.last_value, isCalled: value.rows[0]!.is_called };
  }
  return { migrations, tables, sequences };
}
