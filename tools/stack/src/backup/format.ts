/** What `pnpm backup` writes beside the tables: enough to check a restore is possible and complete. */
export interface BackupManifest {
  format: 'dangvien-backup/1';
  takenAt: string;
  databases: Record<string, DatabaseBackup>;
}

export interface DatabaseBackup {
  /** The migrations applied when it was taken: a restore needs exactly these (the same release). */
  migrations: string[];
  /** Rows per table (file `<database>/<table>.copy.gz`, PostgreSQL COPY text format, gzip). */
  tables: Record<string, number>;
  /** Each sequence's value, so new rows never reuse an id (an event position above all). */
  sequences: Record<string, { lastValue: string | null; isCalled: boolean }>;
}

export const MANIFEST_FILE = 'manifest.json';

/** Kysely's own bookkeeping: written by the migrations a restore runs, not copied. */
export const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export function tableFile(database: string, table: string): string {
  return `${database}/${table}.copy.gz`;
}
