import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKysely } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import express from 'express';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer } from './consumer.ts';
import { eventFeedRouter } from './feed.ts';
import { publish } from './outbox.ts';
import type { EventTables } from './tables.ts';

/**
 * Two replicas of a producer and two replicas of a consumer, as a deployment with two processes of
 * each subgraph runs them: each replica its own connection pool, nothing shared but the databases.
 * Publishers hold their transaction open a random while after writing, so commits overtake each
 * other; the consumers race for the same feed with small batches. Every event must be applied once,
 * and the events of one aggregate in the order they were published (docs/replicas.md).
 */
interface Applied {
  applied: { n: Generated<number>; position: number; aggregate_id: string; seq: number; applied_by: string };
}
type ConsumerDatabase = EventTables & Applied;

const SECRET = 'replica-secret';
const AGGREGATES = Array.from({ length: 6 }, () => randomUUID());
const PER_AGGREGATE = 40;

let producer: TestDatabase;
let consumerDatabase: TestDatabase;
const pools: Kysely<unknown>[] = [];
let feedServer: Server;
let feedUrl: string;

const pool = <DB>(url: string): Kysely<DB> => {
  const db = createKysely<DB>(url, { maxConnections: 4 });
  pools.push(db as Kysely<unknown>);
  return db;
};

beforeAll(async () => {
  producer = await createTestDatabase('events_replicas_producer');
  consumerDatabase = await createTestDatabase('events_replicas_consumer');
  const setup = pool<unknown>(producer.url);
  await sql`CREATE TABLE outbox_event (
    position bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, type text NOT NULL, aggregate_id uuid NOT NULL,
    payload jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now())`.execute(setup);
  const consumerSetup = pool<unknown>(consumerDatabase.url);
  await sql`CREATE TABLE consumer_position (producer text PRIMARY KEY, position bigint NOT NULL)`.execute(consumerSetup);
  await sql`CREATE TABLE applied (n bigserial PRIMARY KEY, position bigint NOT NULL, aggregate_id uuid NOT NULL, seq int NOT NULL, applied_by text NOT NULL)`.execute(consumerSetup);
  // The feed served by one producer replica (which one answers does not matter: it reads the database).
  const app = express().use('/events', eventFeedRouter(pool<EventTables>(producer.url), SECRET));
  feedServer = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/events`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (feedServer ? feedServer.close(() => resolve()) : resolve()));
  for (const db of pools) await db.destroy();
  await producer?.drop();
  await consumerDatabase?.drop();
});

/** One publisher replica: its own pool; each event in its own transaction, held open 0–20 ms after writing. */
async function publisherReplica(aggregates: readonly string[]): Promise<void> {
  const db = pool<EventTables>(producer.url);
  // Per aggregate in order (one aggregate's changes are made one after the other, as a unit's are),
  // the aggregates interleaved.
  await Promise.all(
    aggregates.map(async (aggregateId) => {
      for (let seq = 1; seq <= PER_AGGREGATE; seq++) {
        await db.transaction().execute(async (trx) => {
          await publish(trx, [{ type: 'Changed', aggregateId, payload: { seq } }]);
          await sql`SELECT pg_sleep(${Math.random() * 0.02})`.execute(trx);
        });
        // A pause between changes, so the consumers keep up with the head, where commits overtake.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      }
    }),
  );
}

function consumerReplica(name: string) {
  return createConsumer<ConsumerDatabase>({
    producer: 'producer',
    feedUrl,
    secret: SECRET,
    db: pool<ConsumerDatabase>(consumerDatabase.url),
    batchSize: 10,
    pollMs: 5,
    log: () => undefined,
    handlers: {
      Changed: async (trx, event) => {
        await trx.insertInto('applied').values({ position: event.position, aggregate_id: event.aggregateId, seq: Number(event.payload.seq), applied_by: name }).execute();
      },
    },
  });
}

describe('two publishers and two consumers of one feed', () => {
  it('apply every event exactly once, each aggregate in publishing order, whichever replica takes it', async () => {
    const consumers = [consumerReplica('a'), consumerReplica('b')];
    // Two publisher replicas, each writing for three aggregates, while both consumers poll.
    await Promise.all([publisherReplica(AGGREGATES.slice(0, 3)), publisherReplica(AGGREGATES.slice(3))]);
    await Promise.all(consumers.map((consumer) => consumer.catchUp()));
    await Promise.all(consumers.map((consumer) => consumer.stop()));

    const db = pool<ConsumerDatabase>(consumerDatabase.url);
    const total = AGGREGATES.length * PER_AGGREGATE;
    const rows = await db.selectFrom('applied').selectAll().orderBy('position').execute();
    // Exactly once: each position once, every position of the outbox.
    expect(rows.map((row) => Number(row.position))).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    // In order per aggregate: in position order, each aggregate's seq runs 1, 2, 3, …
    for (const aggregateId of AGGREGATES) {
      expect(rows.filter((row) => row.aggregate_id === aggregateId).map((row) => row.seq)).toEqual(Array.from({ length: PER_AGGREGATE }, (_, index) => index + 1));
    }
    // Applied in position order: the order of the inserts (n) is the order of the positions.
    const byApplication = await db.selectFrom('applied').select('position').orderBy('n').execute();
    expect(byApplication.map((row) => Number(row.position))).toEqual(rows.map((row) => Number(row.position)));
    // Both replicas did part of the work: the race was real, not one consumer doing everything.
    expect(new Set(rows.map((row) => row.applied_by))).toEqual(new Set(['a', 'b']));
    expect(await consumers[0]!.position()).toBe(total);
  });
});
