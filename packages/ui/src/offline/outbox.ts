// Changes written while the network is down wait here (localStorage, per user) and are sent when it
// returns. Each carries the idempotency key the server checks (clientRequestId), so a change whose
// answer was lost on the way is sent again safely: the server answers the row it already recorded.
import { GraphQLRequestError, requestText, type Variables } from '../graphql.ts';

export interface QueuedChange {
  /** The idempotency key, also the entry's id. */
  id: string;
  /** What the user did, in Vietnamese, for the pending list ("Biên bản sinh hoạt 03/12/2026"). */
  label: string;
  query: string;
  variables: Variables;
  queuedAt: string;
}

export interface RefusedChange {
  change: QueuedChange;
  error: Error;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

type Send = (query: string, variables: Variables) => Promise<unknown>;

export interface Outbox {
  pending(): readonly QueuedChange[];
  /** Changes the server refused when they were finally sent (shown until dismissed). */
  refused(): readonly RefusedChange[];
  subscribe(listener: () => void): () => void;
  /** Queues the change, then tries to send everything queued. Resolves with the answer when this change got through now. */
  submit(change: QueuedChange): Promise<{ sent: true; data: unknown } | { sent: false }>;
  /** Sends what is queued, oldest first; stops at the first network failure. */
  flush(): Promise<void>;
  dismissRefused(id: string): void;
}

const isNetworkFailure = (error: unknown): boolean =>
  error instanceof GraphQLRequestError ? !error.refused && ['NETWORK_ERROR', 'SERVER_UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE'].includes(error.code) : true;

export function createOutbox(storage: KeyValueStorage | undefined, userKey: () => string | undefined, send: Send = requestText): Outbox {
  const listeners = new Set<() => void>();
  let refusedChanges: RefusedChange[] = [];
  let cache: { key: string; changes: QueuedChange[] } | undefined;
  // Flushes run one after another: a change is never in flight twice from this page.
  let chain: Promise<void> = Promise.resolve();
  const answers = new Map<string, unknown>();

  const storageKey = () => {
    const user = userKey();
    return user ? `dangvien:outbox:${user}` : undefined;
  };
  const read = (): QueuedChange[] => {
    const key = storageKey();
    if (!key) return [];
    if (cache?.key !== key) {
      let changes: QueuedChange[];
      try {
        changes = JSON.parse(storage?.getItem(key) ?? '[]') as QueuedChange[];
      } catch {
        changes = [];
      }
      cache = { key, changes };
    }
    return cache.changes;
  };
  const write = (changes: QueuedChange[]) => {
    const key = storageKey();
    if (!key) return;
    cache = { key, changes };
    if (changes.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(changes));
    for (const listener of listeners) listener();
  };

  const flushOnce = async (): Promise<void> => {
    for (const change of [...read()]) {
      try {
        answers.set(change.id, await send(change.query, change.variables));
      } catch (error) {
        if (isNetworkFailure(error)) return;
        refusedChanges = [...refusedChanges, { change, error: error instanceof Error ? error : new Error(String(error)) }];
      }
      write(read().filter((queued) => queued.id !== change.id));
    }
  };

  const outbox: Outbox = {
    pending: () => read(),
    refused: () => refusedChanges,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async submit(change) {
      if (!read().some((queued) => queued.id === change.id)) write([...read(), change]);
      await outbox.flush();
      if (answers.has(change.id)) {
        const data = answers.get(change.id);
        answers.delete(change.id);
        return { sent: true, data };
      }
      const refusal = refusedChanges.find((entry) => entry.change.id === change.id);
      if (refusal) {
        outbox.dismissRefused(change.id);
        throw refusal.error;
      }
      return { sent: false };
    },
    flush() {
      chain = chain.then(flushOnce, flushOnce);
      return chain;
    },
    dismissRefused(id) {
      refusedChanges = refusedChanges.filter((entry) => entry.change.id !== id);
      for (const listener of listeners) listener();
    },
  };
  return outbox;
}
