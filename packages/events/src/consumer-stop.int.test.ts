import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKysely } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer } from './consumer.ts';
import type { DomainEvent } from './event.ts';
import type { EventTables } from './tables.ts';

/**
 * Shutdown: a consumer asked to stop while it applies a batch commits that batch (effects and position
 * together) and fetches no other, so a restart resumes exactly after it.
 */
type Database = EventTables & { applied: { position: number } };

const SECRET = 'test-secret';
const BATCH = 3;
const feed: DomainEvent[] = Array.from({ length: 12 }, (_, index) => ({
  position: index + 1,
  id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  type: 'Plain',
  aggregateId: 'a',
  payload: {},
  occurredAt: '2026-12-05T00:00:00.000Z',
}));
let server: Server;
let feedUrl: string;
let database: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://feed');
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 500);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ head: feed.length, events: feed.filter((event) => event.position > after).slice(0, limit) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  database = await createTestDatabase('events_consumer_stop');
  db = createKysely<Database>(database.url);
  await sql`CREATE TABLE consumer_position (producer text PRIMARY KEY, position bigint NOT NULL)`.execute(db);
  await sql`CREATE TABLE applied (position bigint NOT NULL)`.execute(db);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await db?.destroy();
  await database?.drop();
});

const appliedPositions = async () => (await db.selectFrom('applied').select('position').orderBy('position').execute()).map((row) => Number(row.position));

function consumer(onApply: (position: number) => Promise<void> = async () => undefined) {
  return createConsumer<Database>({
    producer: 'producer',
    feedUrl,
    secret: SECRET,
    db,
    batchSize: BATCH,
    pollMs: 10,
    handlers: {
      Plain: async (trx, event) => {
        await onApply(event.position);
        await trx.insertInto('applied').values({ position: event.position }).execute();
      },
    },
  });
}

describe('a consumer stopping', () => {
  it('finishes the batch it is applying, takes no other, and the next one resumes right after it', async () => {
    let inBatch!: () => void;
    const reachedSecondEvent = new Promise<void>((resolve) => (inBatch = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = consumer(async (position) => {
      if (position !== 2) return;
      inBatch();
      await released; // stop() is asked while event 2 of batch 1–3 is being applied
    });
    await reachedSecondEvent;
    const stopping = first.stop();
    release();
    await stopping;
    expect(await appliedPositions()).toEqual([1, 2, 3]);
    expect(await first.position()).toBe(BATCH);

    const second = consumer();
    await second.catchUp();
    await second.stop();
    expect(await appliedPositions()).toEqual(feed.map((event) => event.position));
  });
});
