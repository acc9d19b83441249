import type { ColumnType, Generated } from 'kysely';

/**
 * The event tables every subgraph database has (its migrations create them): the outbox of what it
 * publishes, and one position per feed it consumes.
 */
export interface EventTables {
  outbox_event: OutboxEventTable;
  consumer_position: ConsumerPositionTable;
}

export interface OutboxEventTable {
  /** Commit order: publishers serialize on an advisory lock, so no later commit gets a lower position. */
  position: Generated<number>;
  id: string;
  type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: ColumnType<Date, never, never> & Generated<Date>;
}

export interface ConsumerPositionTable {
  /** The producing subgraph's name. */
  producer: string;
  position: number;
}
