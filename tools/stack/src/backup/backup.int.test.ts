import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, withDatabase, workspaceRoot } from '@dangvien/db';
import { demoDataSet } from '@dangvien/demo-data';
import { eventually, postGraphQL, signIn, testServerUrl } from '@dangvien/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../backend.ts';
import { consistencyReport } from '../consistency.ts';
import { DATABASE_MIGRATIONS } from '../migrations.ts';
import { eventFeedSecret } from '../secrets.ts';
import { backupDatabases } from './backup.ts';
import { DATABASES, type DatabaseName } from './databases.ts';
import type { BackupManifest } from './format.ts';
import { restoreDatabases } from './restore.ts';

/**
 * The demo system backed up while it runs, restored under other database names, compared table by
 * table and sequence by sequence, and started on the restored databases: the same answers, every
 * consumer at its producer's head and every replica equal to its source.
 */
const logFile = path.join(workspaceRoot(), '.test-results', 'backup-system.log');
const run = randomUUID().slice(0, 8);
const server = testServerUrl();
const restoredUrls = Object.fromEntries(DATABASES.map((name) => [name, withDatabase(server, `restored_${run}_${name}`)])) as Record<DatabaseName, string>;
let original: Backend;
let restored: Backend | undefined;
let backupDir: string;
let manifest: BackupManifest;

const ROSTER = 'query ($id: ID!) { orgUnit(id: $id) { name members(first: 500) { id fullName status latestReview { year grade } } } }';
const cell = demoDataSet().orgUnits.find((unit) => unit.kind === 'CELL')!;

const startOn = async (prefix: string, options: { fresh: boolean; seedDemo: boolean }) =>
  startBackend({
    uiOperations: 'any',
    serverUrl: server,
    databasePrefix: prefix,
    dropOnStop: true,
    ...options,
    ports: { gateway: await freePort(), organization: await freePort(), membership: await freePort(), evaluation: await freePort() },
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });

beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  backupDir = mkdtempSync(path.join(tmpdir(), 'dangvien-backup-'));
  original = await startOn(`backup_${run}_`, { fresh: true, seedDemo: true });
  await eventually(async () => (await consistencyReport(original.subgraphUrls, eventFeedSecret())).ok, true);
});
afterAll(async () => {
  await restored?.stop();
  await original?.stop();
  rmSync(backupDir, { recursive: true, force: true });
});

const originalUrls = () => ({ ...original.databaseUrls, identity: withDatabase(server, `backup_${run}_identity`) }) as Record<DatabaseName, string>;

/** Every table's rows as one digest (rows sorted by their text), and every sequence's value. */
async function contents(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    for (const { name } of tables.rows) {
      // The migrations a restore runs are the same, applied at another time.
      if (name === 'kysely_migration_lock') continue;
      const table = name === 'kysely_migration' ? '(SELECT name FROM kysely_migration)' : client.escapeIdentifier(name);
      const digest = await client.query<{ rows: string; digest: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      result[`table ${name}`] = `${digest.rows[0]!.rows} rows ${digest.rows[0]!.digest}`;
    }
    const sequences = await client.query<{ name: string; value: string | null }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
    for (const { name, value } of sequences.rows) result[`sequence ${name}`] = String(value);
    return result;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('backs up every database of the running system, events included', async () => {
    manifest = await backupDatabases(originalUrls(), backupDir);
    expect(Object.keys(manifest.databases).sort()).toEqual([...DATABASES].sort());
    expect(manifest.databases.membership!.tables.member).toBe(demoDataSet().members.length);
    expect(manifest.databases.organization!.tables.outbox_event).toBeGreaterThan(0);
    expect(manifest.databases.identity!.tables.account).toBeGreaterThan(0);
  });

  it('refuses to restore over databases in use', async () => {
    await expect(restoreDatabases(backupDir, originalUrls(), DATABASE_MIGRATIONS)).rejects.toThrow(/in use.*stop the system/);
  });

  it('restores every table and sequence as it was', async () => {
    await restoreDatabases(backupDir, restoredUrls, DATABASE_MIGRATIONS);
    for (const name of DATABASES) {
      const [before, after] = await Promise.all([contents(originalUrls()[name]), contents(restoredUrls[name])]);
      expect(Object.keys(after).length, name).toBeGreaterThan(3);
      expect(after, name).toEqual(before);
    }
  });

  it('starts on the restored databases with the same answers, its events in step and its accounts signing in', async () => {
    restored = await startOn(`restored_${run}_`, { fresh: false, seedDemo: false });
    const [before, after] = await Promise.all(
      [original, restored].map(async (backend) => postGraphQL(backend.gatewayUrl, ROSTER, { id: cell.id }, await signIn(backend.gatewayUrl, 'danguy.thitran'))),
    );
    expect(after!.errors).toBeUndefined();
    expect(after!.data).toEqual(before!.data);
    const report = await consistencyReport(restored.subgraphUrls, eventFeedSecret());
    expect(report.lags.every((lag) => lag.lag === 0)).toBe(true);
    expect(report.ok).toBe(true);
  });
});
