import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_MIGRATIONS } from '../migrations.ts';
import { systemDatabases } from './databases.ts';
import { restoreDatabases } from './restore.ts';

/**
 * `pnpm restore -- --from DIR [--server-url URL --prefix P]`: replaces every database with the backup
 * in DIR. Stop the system first (it refuses while a database is in use); start it again afterwards:
 * the consumers resume from the restored positions.
 */
const { values } = parseArgs({ options: { from: { type: 'string' }, 'server-url': { type: 'string' }, prefix: { type: 'string' } } });
if (!values.from) {
  console.error('Usage: pnpm restore -- --from <backup directory> [--server-url <postgres url> --prefix <database name prefix>]');
  process.exit(2);
}
const databases = await systemDatabases({ serverUrl: values['server-url'], prefix: values.prefix });
try {
  const started = Date.now();
  const manifest = await restoreDatabases(path.resolve(values.from), databases.urls, DATABASE_MIGRATIONS);
  console.log(`Restored ${Object.keys(manifest.databases).join(', ')} as of ${manifest.takenAt} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await databases.release();
}
