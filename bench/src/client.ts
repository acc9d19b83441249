import type { OperationCall } from './operations.ts';

/** Sends one operation to a GraphQL endpoint; the time covers the whole response body. */
export async function timedPost(url: string, call: OperationCall): Promise<{ ms: number; ok: boolean; body: string }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: call.query, variables: call.variables }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  return { ms, ok: response.ok && !body.includes('"errors"'), body };
}
