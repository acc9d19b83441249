import pg from 'pg';
import type { OperationCall } from './operations.ts';

/**
 * Sends one operation to a GraphQL endpoint; the time covers the whole response body. A transport
 * failure (Node's fetch gives up after 300 s without response headers) is an answer too: not ok,
 * with the time waited.
 */
export async function timedPost(url: string, call: OperationCall): Promise<{ ms: number; ok: boolean; body: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
    });
    const body = await response.text();
    const ms = performance.now() - started;
    return { ms, ok: response.ok && !body.includes('"errors"'), body };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ms: performance.now() - started, ok: false, body: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

/** Runs `work` with a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
