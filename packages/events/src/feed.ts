import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Kysely } from 'kysely';
import { headPosition, readEvents } from './outbox.ts';
import type { EventTables } from './tables.ts';

export const MAX_BATCH = 1000;

/** Bearer check for the feeds between subgraphs (`EVENT_FEED_SECRET`, shared by the services only). */
export function hasFeedSecret(authorization: string | undefined, secret: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A producer's feed: `GET /events?after=N&limit=M` → `{ head, events }` in position order.
 * Consumers pull from it over HTTP, so no subgraph reads another's tables.
 */
export function eventFeedRouter(db: Kysely<EventTables>, secret: string, extra: Record<string, () => Promise<unknown>> = {}): Router {
  const router = express.Router();
  router.use((request, response, next) => {
    if (hasFeedSecret(request.headers.authorization, secret)) next();
    else response.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Event feed needs the services’ secret.' } });
  });
  router.get('/', async (request, response) => {
    const after = Number(request.query.after ?? 0);
    const limit = Math.min(Number(request.query.limit ?? MAX_BATCH), MAX_BATCH);
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1) {
      response.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'after and limit must be non-negative integers' } });
      return;
    }
    const [events, head] = await Promise.all([readEvents(db, after, limit), headPosition(db)]);
    response.json({ head, events });
  });
  // Status endpoints of the subgraph (consumer lag, replica digests) for the consistency command.
  for (const [name, report] of Object.entries(extra)) {
    router.get(`/${name}`, async (_request, response) => {
      response.json(await report());
    });
  }
  return router;
}
