import { rm } from 'node:fs/promises';
import { embeddedDataDir, stopEmbeddedPostgres } from '@dangvien/db';

/** `pnpm reset`: deletes the embedded database; the next start writes the demo data again. */
const dataDir = embeddedDataDir();
await stopEmbeddedPostgres(dataDir, console.log);
await rm(dataDir, { recursive: true, force: true });
console.log(`Deleted ${dataDir}. The next start seeds the demo data again.`);
