import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';

/**
 * The event-feed secret shared by the services: EVENT_FEED_SECRET, else one kept in
 * .data/event-feed-secret (created on first use, readable by its owner only) so that the
 * consistency command can read the feeds of a running system.
 */
export function eventFeedSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EVENT_FEED_SECRET) return env.EVENT_FEED_SECRET;
  const file = path.join(workspaceRoot(), '.data', 'event-feed-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
