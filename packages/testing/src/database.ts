import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '@dangvien/db';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run tests through vitest (its global setup provides a server).');
  return url;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, named for the test that owns it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(server, name);
  return { name, url: withDatabase(server, name), drop: () => dropDatabaseIfExists(server, name) };
}
