import path from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@dangvien/db';
import { backupDatabases } from './backup.ts';
import { systemDatabases } from './databases.ts';

/**
 * `pnpm backup [-- --out DIR] [--server-url URL --prefix P]`: every database (organization,
 * membership, evaluation, identity) at one point, events included, into DIR (default
 * backups/<timestamp>). The system may keep running.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, 'server-url': { type: 'string' }, prefix: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(workspaceRoot(), 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
const databases = await systemDatabases({ serverUrl: values['server-url'], prefix: values.prefix });
try {
  const started = Date.now();
  const manifest = await backupDatabases(databases.urls, outDir);
  for (const [name, database] of Object.entries(manifest.databases)) {
    const rows = Object.values(database.tables).reduce((sum, n) => sum + n, 0);
    console.log(`${name}: ${Object.keys(database.tables).length} tables, ${rows} rows`);
  }
  console.log(`Backup written to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await databases.release();
}
