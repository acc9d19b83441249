import { sql, type Kysely, type Transaction } from 'kysely';
import type { DomainEvent } from './event.ts';
import { failpoint } from './failpoint.ts';
import type { EventTables } from './tables.ts';

export type EventHandler<DB> = (trx: Transaction<DB>, event: DomainEvent) => Promise<void>;

export interface ConsumerOptions<DB extends EventTables> {
  /** Name of the producing subgraph; the position is stored under it. */
  producer: string;
  /** The producer's feed, e.g. http://127.0.0.1:4001/events */
  feedUrl: string;
  secret: string;
  db: Kysely<DB>;
  /** Handlers by event type; other types are skipped (but still advance the position). */
  handlers: Record<string, EventHandler<DB>>;
  pollMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface Consumer {
  /** Applies everything the producer has now; resolves when caught up. */
  catchUp(): Promise<void>;
  position(): Promise<number>;
  /** Stops at a batch boundary: the batch being applied is committed, no further one is fetched. */
  stop(): Promise<void>;
}

/**
 * At-least-once delivery, exactly-once effect: each fetched batch is applied in one transaction that
 * also moves this consumer's position, under a row lock; an event at or below the position is skipped.
 * A crash anywhere leaves either both the effects and the position, or neither.
 */
export function createConsumer<DB extends EventTables>(options: ConsumerOptions<DB>): Consumer {
  const db = options.db as unknown as Kysely<EventTables>;
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function position(): Promise<number> {
    const row = await db.selectFrom('consumer_position').select('position').where('producer', '=', options.producer).executeTakeFirst();
    return Number(row?.position ?? 0);
  }

  async function fetchBatch(after: number): Promise<{ head: number; events: DomainEvent[] }> {
    const url = `${options.feedUrl}?after=${after}&limit=${options.batchSize ?? 500}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${options.secret}` }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${options.producer} feed answered HTTP ${response.status}`);
    return (await response.json()) as { head: number; events: DomainEvent[] };
  }

  /**
   * Applies events in one transaction that also moves the position past the last of them; events at or
   * below the stored position are skipped (delivered again).
   */
  async function applyTogether(events: readonly DomainEvent[]): Promise<void> {
    await options.db.transaction().execute(async (trx) => {
      const tables = trx as unknown as Transaction<EventTables>;
      await tables.insertInto('consumer_position').values({ producer: options.producer, position: 0 }).onConflict((oc) => oc.doNothing()).execute();
      const current = await sql<{ position: string }>`
        SELECT position FROM consumer_position WHERE producer = ${options.producer} FOR UPDATE`.execute(tables);
      const stored = Number(current.rows[0]?.position ?? 0);
      const fresh = events.filter((event) => event.position > stored);
      if (fresh.length === 0) return;
      for (const event of fresh) {
        const handler = options.handlers[event.type];
        if (handler) await handler(trx, event);
      }
      await tables.updateTable('consumer_position').set({ position: fresh.at(-1)!.position }).where('producer', '=', options.producer).execute();
      for (const event of fresh) failpoint(`consume:${event.type}:before-commit`);
    });
  }

  /**
   * A fetched batch in one transaction (one commit instead of one per event: replays and imports are
   * bound by commits). If it fails, event by event, so everything before the failing event is kept
   * and the error names that event.
   */
  async function applyBatch(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await applyTogether(events);
    } catch (error) {
      if (events.length === 1) throw error;
      for (const event of events) await applyTogether([event]);
    }
  }

  /**
   * One pass: fetch and apply batches until the feed has nothing newer, or until stop() was asked: a
   * stopping consumer finishes the batch it is applying (one transaction) and takes no other.
   */
  async function drain(): Promise<void> {
    while (!stopped) {
      const { head, events } = await fetchBatch(await position());
      if (stopped) return;
      await applyBatch(events);
      if (events.length === 0 || (events.at(-1)?.position ?? 0) >= head) return;
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      running = drain().catch((error: unknown) => log(`[events] ${options.producer}: ${error instanceof Error ? error.message : String(error)}`));
      await running;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 300));
    }
  }
  void loop();

  return {
    catchUp: async () => {
      await running;
      await drain();
    },
    position,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
