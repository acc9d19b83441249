import { configuredDatabaseUrl, embeddedDataDir, startEmbeddedPostgres, SUBGRAPHS, withDatabase } from '@dangvien/db';

export const DATABASES = [...SUBGRAPHS, 'identity'] as const;
export type DatabaseName = (typeof DATABASES)[number];

export interface SystemDatabases {
  urls: Record<DatabaseName, string>;
  /** Stops the embedded server if this command started it. */
  release(): Promise<void>;
}

/**
 * Where the system's databases are, as the start command finds them: `--server-url` (with a name
 * prefix) when given, else `<NAME>_DATABASE_URL`, else `DATABASE_URL`, else the embedded PostgreSQL
 * under .data (started for the command if it is not running, and stopped again).
 */
export async function systemDatabases(options: { serverUrl?: string; prefix?: string }): Promise<SystemDatabases> {
  const prefix = options.prefix ?? '';
  const serverOf = (name: DatabaseName) => (options.serverUrl ? undefined : configuredDatabaseUrl(name)) ?? undefined;
  const shared = options.serverUrl ?? process.env.DATABASE_URL;
  let release = async (): Promise<void> => undefined;
  let server = shared;
  if (!server && DATABASES.some((name) => !serverOf(name))) {
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), whenRunning: 'reuse' });
    server = embedded.url;
    release = embedded.stop;
  }
  const urls = Object.fromEntries(DATABASES.map((name) => [name, serverOf(name) ?? withDatabase(server!, `${prefix}${name}`)])) as Record<DatabaseName, string>;
  return { urls, release };
}
