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
 * A consumer applies each fetched batch in one transaction, and event by event when the batch fails,
 * so what came before a failing event is kept and nothing is applied twice. The feed is a real HTTP
 * server answering like `/events`; the consumer's database is real.
 */
interface Applied {
  applied: { position: number; type: string };
}
type Database = EventTables & Applied;

const SECRET = 'test-secret';
const feed: DomainEvent[] = Array.from({ length: 12 }, (_, index) => ({
  position: index + 1,
  id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  type: index === 6 ? 'Fragile' : 'Plain',
  aggregateId: 'a',
  payload: {},
  occurredAt: '2026-11-22T00:00:00.000Z',
}));
let server: Server;
let feedUrl: string;
let database: TestDatabase;
let db: Kysely<Database>;
let fragileFails = true;
/** The feed sends the three events before the asked position again (an overlapping redelivery). */
let redeliver = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${SECRET}`) {
      response.writeHead(401).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://feed');
    const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) - (redeliver ? 3 : 0));
    const limit = Number(url.searchParams.get('limit') ?? 500);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ head: feed.length, events: feed.filter((event) => event.position > after).slice(0, limit) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  database = await createTestDatabase('events_consumer');
  db = createKysely<Database>(database.url);
  await sql`CREATE TABLE consumer_position (producer text PRIMARY KEY, position bigint NOT NULL)`.execute(db);
  await sql`CREATE TABLE applied (position bigint NOT NULL, type text NOT NULL)`.execute(db);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await db?.destroy();
  await database?.drop();
});

function consumer(batchSize: number) {
  return createConsumer<Database>({
    producer: 'producer',
    feedUrl,
    secret: SECRET,
    db,
    batchSize,
    pollMs: 60_000, // only catchUp() drives it here
    handlers: {
      Plain: async (trx, event) => {
        await trx.insertInto('applied').values({ position: event.position, type: event.type }).execute();
      },
      Fragile: async (trx, event) => {
        if (fragileFails) throw new Error(`event ${event.position} cannot be applied yet`);
        await trx.insertInto('applied').values({ position: event.position, type: event.type }).execute();
      },
    },
  });
}

const appliedPositions = async () => (await db.selectFrom('applied').select('position').orderBy('position').execute()).map((row) => Number(row.position));

describe('consumer', () => {
  it('keeps the events before a failing one of a batch, applies the rest once it can, and never applies one twice', async () => {
    const first = consumer(5);
    await expect(first.catchUp()).rejects.toThrow('event 7 cannot be applied yet');
    // Batch 1–5 committed together; in batch 6–10 the fallback kept 6 and stopped at 7.
    expect(await appliedPositions()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await first.position()).toBe(6);
    await first.stop();

    fragileFails = false;
    const second = consumer(5);
    await second.catchUp();
    expect(await appliedPositions()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await second.position()).toBe(12);

    // Back to position 8 (with the effects after it undone); the feed now resends 6–8 along with 9–12:
    // only 9–12 are applied.
    redeliver = true;
    await db.updateTable('consumer_position').set({ position: 8 }).execute();
    await db.deleteFrom('applied').where('position', '>', 8).execute();
    await second.catchUp();
    expect(await appliedPositions()).toHaveLength(12);
    await second.stop();
  });
});
