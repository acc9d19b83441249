import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@dangvien/db';

/**
 * Vitest global setup: tests use the PostgreSQL server at TEST_DATABASE_URL (CI: 127.0.0.1:5432);
 * without one, a throwaway embedded server. Each test file then creates its own databases on it.
 * Several projects may run this in one process: the first starts the server, the last stops it.
 */
let users = 0;
let stopEmbedded: (() => Promise<void>) | undefined;

export async function setup(): Promise<void> {
  users += 1;
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dangvien-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data') });
  process.env.TEST_DATABASE_URL = server.url;
  stopEmbedded = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

export async function teardown(): Promise<void> {
  users -= 1;
  if (users === 0 && stopEmbedded) {
    await stopEmbedded();
    delete process.env.TEST_DATABASE_URL;
    stopEmbedded = undefined;
  }
}
