import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DomainEvent, NewEvent } from './event.ts';
import type { EventTables } from './tables.ts';

// Any constant works: it only has to be the same for every publisher in one database.
const OUTBOX_LOCK = 7_202_611;

/**
 * Writes events in the caller's transaction, so they exist if and only if the change they describe
 * commits. The advisory lock (held to commit) keeps positions in commit order: a consumer that has
 * read position N never later meets a newly committed event below N.
 */
export async function publish<DB extends EventTables>(transaction: Transaction<DB>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const trx = transaction as unknown as Transaction<EventTables>;
  await sql`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`.execute(trx);
  await trx
    .insertInto('outbox_event')
    .values(
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        aggregate_id: event.aggregateId,
        payload: JSON.stringify(event.payload),
      })),
    )
    .execute();
}

export async function readEvents(db: Kysely<EventTables>, after: number, limit: number): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom('outbox_event')
    .selectAll()
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    position: Number(row.position),
    id: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    payload: row.payload as Record<string, unknown>,
    occurredAt: row.occurred_at.toISOString(),
  }));
}

export async function headPosition(db: Kysely<EventTables>): Promise<number> {
  const row = await db.selectFrom('outbox_event').select((eb) => eb.fn.max('position').as('head')).executeTakeFirst();
  return Number(row?.head ?? 0);
}
