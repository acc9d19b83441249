export type { DomainEvent, NewEvent } from './event.ts';
export type { ConsumerPositionTable, EventTables, OutboxEventTable } from './tables.ts';
export { headPosition, publish, readEvents } from './outbox.ts';
export { eventFeedRouter, hasFeedSecret, MAX_BATCH } from './feed.ts';
export { createConsumer, type Consumer, type ConsumerOptions, type EventHandler } from './consumer.ts';
export { failpoint } from './failpoint.ts';
export { setDigest } from './digest.ts';
