import { randomBytes } from 'node:crypto';
import { createKysely, dropDatabaseIfExists, withDatabase, type MigrationSet } from '@dangvien/db';
import { testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrateCommand } from './migrate.ts';

// Two migrations of a made-up database: the command is the same for every subgraph and the identity database.
const MIGRATIONS: MigrationSet = {
  '2026_12_05_17_10_00_create_note': {
    up: async (db: Kysely<unknown>) => {
      await db.schema.createTable('note').addColumn('id', 'serial', (column) => column.primaryKey()).execute();
    },
  },
  '2026_12_05_17_11_00_note_text': {
    up: async (db: Kysely<unknown>) => {
      await db.schema.alterTable('note').addColumn('text', 'text').execute();
    },
  },
};

const name = `t_migrate_${randomBytes(4).toString('hex')}`;
// Not created beforehand: the migration job creates the database it migrates.
const env = { NOTES_DATABASE_URL: withDatabase(testServerUrl(), name) };
const run = (argv: string[], lines: string[]) => runMigrateCommand({ name: 'notes', migrations: MIGRATIONS, argv, env, pollMs: 50, log: (line) => lines.push(line) });

afterAll(async () => {
  await dropDatabaseIfExists(testServerUrl(), name);
});

describe('the migrate command of a database (the deployment migrates before it rolls out)', () => {
  it('refuses to run without the database URL, naming the variable', async () => {
    const lines: string[] = [];
    expect(await runMigrateCommand({ name: 'notes', migrations: MIGRATIONS, argv: [], env: {}, log: (line) => lines.push(line) })).toBe(1);
    expect(lines.join('\n')).toContain('NOTES_DATABASE_URL is not set');
  });

  it('refuses an unknown argument', async () => {
    const lines: string[] = [];
    expect(await run(['--dry-run'], lines)).toBe(1);
    expect(lines.join('\n')).toContain('unknown arguments: --dry-run');
  });

  it('--wait gives up (exit 1) while the migrations of this release are not applied', async () => {
    const lines: string[] = [];
    expect(await run(['--wait', '--timeout-seconds', '0.3'], lines)).toBe(1);
    expect(lines.join('\n')).toContain('gave up after 0.3 s');
  });

  it('creates the database, applies every pending migration once, and a second run applies none', async () => {
    const waiting: string[] = [];
    // An init container started before the job: it waits, then passes once the job has migrated.
    const waiter = run(['--wait', '--timeout-seconds', '60'], waiting);
    const first: string[] = [];
    expect(await run([], first)).toBe(0);
    expect(first.join('\n')).toContain('2 migration(s) applied: 2026_12_05_17_10_00_create_note, 2026_12_05_17_11_00_note_text');
    expect(await waiter).toBe(0);
    expect(waiting.at(-1)).toContain('every migration of this release is applied');

    const second: string[] = [];
    expect(await run([], second)).toBe(0);
    expect(second.join('\n')).toContain('0 migration(s) applied');
    const db = createKysely<unknown>(env.NOTES_DATABASE_URL);
    try {
      const { rows } = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'note' ORDER BY column_name`.execute(db);
      expect(rows.map((row) => row.column_name)).toEqual(['id', 'text']);
    } finally {
      await db.destroy();
    }
  });

  it('--wait passes at once when the database is already migrated', async () => {
    const lines: string[] = [];
    expect(await run(['--wait', '--timeout-seconds', '1'], lines)).toBe(0);
  });
});
