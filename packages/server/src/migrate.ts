import { configuredDatabaseUrl, createDatabaseIfMissing, createKysely, migrateToLatest, pendingMigrations, type MigrationSet } from '@dangvien/db';
import type { Kysely } from 'kysely';

export interface MigrateCommandOptions {
  /** The database's name (`membership`, `identity`): its URL is `<NAME>_DATABASE_URL`. */
  name: string;
  migrations: MigrationSet;
  /** `--wait [--timeout-seconds N]`: apply nothing, wait until every migration of this release is applied. */
  argv: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Between two looks while waiting (tests shorten it). */
  pollMs?: number;
}

/**
 * The `migrate` command of one database, for a deployment that migrates before it rolls out
 * (deploy/, docs/deploy.md): without arguments it creates the database if missing, applies every
 * pending migration (the same ones the service applies on start; kysely's lock makes concurrent runs
 * wait for each other) and exits 0. With `--wait` it changes nothing and exits 0 once every migration
 * this release knows is applied, 1 when `--timeout-seconds` (default 600) pass first: a new replica's
 * init container, so that it never serves before the migration job has finished.
 */
export async function runMigrateCommand(options: MigrateCommandOptions): Promise<number> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const variable = `${options.name.toUpperCase()}_DATABASE_URL`;
  const databaseUrl = configuredDatabaseUrl(options.name, env);
  if (!databaseUrl) {
    log(`[${options.name}] ${variable} is not set: the migrate command needs the database it migrates.`);
    return 1;
  }
  const wait = options.argv.includes('--wait');
  const timeoutArgument = options.argv.indexOf('--timeout-seconds');
  const timeoutSeconds = timeoutArgument >= 0 ? Number(options.argv[timeoutArgument + 1]) : 600;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    log(`[${options.name}] --timeout-seconds must be a positive number of seconds.`);
    return 1;
  }
  const unknown = options.argv.filter((argument, index) => argument !== '--wait' && argument !== '--timeout-seconds' && options.argv[index - 1] !== '--timeout-seconds');
  if (unknown.length > 0) {
    log(`[${options.name}] unknown arguments: ${unknown.join(' ')} (usage: migrate [--wait [--timeout-seconds N]])`);
    return 1;
  }
  return wait ? waitForMigrations(options, databaseUrl, timeoutSeconds, log) : migrate(options, databaseUrl, log);
}

async function migrate(options: MigrateCommandOptions, databaseUrl: string, log: (line: string) => void): Promise<number> {
  await createDatabaseIfMissing(databaseUrl, new URL(databaseUrl).pathname.slice(1));
  const db = createKysely<unknown>(databaseUrl, { maxConnections: 1 });
  try {
    const pending = await pendingMigrations(db, options.migrations);
    await migrateToLatest(db, options.migrations);
    log(`[${options.name}] ${pending.length} migration(s) applied${pending.length > 0 ? `: ${pending.join(', ')}` : ''}; ${Object.keys(options.migrations).length} in this release.`);
    return 0;
  } catch (error) {
    log(`[${options.name}] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

async function waitForMigrations(options: MigrateCommandOptions, databaseUrl: string, timeoutSeconds: number, log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let db: Kysely<unknown> | undefined;
  let said = '';
  try {
    for (;;) {
      let state: string;
      try {
        db ??= createKysely<unknown>(databaseUrl, { maxConnections: 1 });
        const pending = await pendingMigrations(db, options.migrations);
        if (pending.length === 0) {
          log(`[${options.name}] every migration of this release is applied.`);
          return 0;
        }
        state = `waiting for ${pending.length} migration(s): ${pending.join(', ')}`;
      } catch (error) {
        // The database may not exist yet (the job creates it) or not answer yet: keep looking.
        state = `waiting for the database: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (state !== said) log(`[${options.name}] ${state}`);
      said = state;
      if (Date.now() >= deadline) {
        log(`[${options.name}] gave up after ${timeoutSeconds} s: run the migration job (migrate without --wait).`);
        return 1;
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2000));
    }
  } finally {
    await db?.destroy();
  }
}
