import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TypedDocument, Variables } from '../graphql.ts';
import { session } from '../session.ts';
import { createOutbox, type QueuedChange } from './outbox.ts';

/** The page's one outbox, for whoever is signed in. */
export const outbox = createOutbox(typeof localStorage === 'undefined' ? undefined : localStorage, () => session.getState().user?.id);

const RETRY_MS = 15_000;

/**
 * Sends queued changes when the browser says it is online again, every 15 s while some wait, and
 * once at start (a change queued before a reload). Rendered once, by RequireSession's signed-in tree.
 */
export function useOutboxSync(): void {
  const client = useQueryClient();
  useEffect(() => {
    const flush = () => {
      if (outbox.pending().length === 0) return;
      void outbox.flush().then(() => client.invalidateQueries({ queryKey: ['graphql'] }));
    };
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [client]);
}

export function useOutboxState() {
  const pending = useSyncExternalStore(outbox.subscribe, outbox.pending);
  const refused = useSyncExternalStore(outbox.subscribe, outbox.refused);
  return { pending, refused, dismissRefused: outbox.dismissRefused };
}

export type QueuedSubmitResult<TResult> = { sent: true; data: TResult } | { sent: false };

/**
 * A write that survives a dropped network: `submit(variablesFor, label)` gives the change a fresh
 * idempotency key (pass it as the input's clientRequestId), queues it and sends it. It resolves
 * `{ sent: true, data }` when the server answered now, `{ sent: false }` when it waits in the outbox
 * (sent later, exactly once), and rejects when the server refused it (show the error on the form).
 */
export function useQueuedMutation<TResult, TVariables extends Variables>(document: TypedDocument<TResult, TVariables>) {
  const client = useQueryClient();
  const query = document.toString();
  return useCallback(
    async (variablesFor: (clientRequestId: string) => TVariables, label: string): Promise<QueuedSubmitResult<TResult>> => {
      const id = crypto.randomUUID();
      const change: QueuedChange = { id, label, query, variables: variablesFor(id), queuedAt: new Date().toISOString() };
      const result = await outbox.submit(change);
      if (result.sent) await client.invalidateQueries({ queryKey: ['graphql'] });
      return result.sent ? { sent: true, data: result.data as TResult } : { sent: false };
    },
    [client, query],
  );
}
