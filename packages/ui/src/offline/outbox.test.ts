import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, type Variables } from '../graphql.ts';
import { createOutbox, type KeyValueStorage, type QueuedChange } from './outbox.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

const change = (id: string): QueuedChange => ({ id, label: `change ${id}`, query: 'mutation M($input: I!) { m(input: $input) { id } }', variables: { input: { clientRequestId: id } }, queuedAt: '2026-12-04T00:00:00Z' });

/** A server that records what it received, and fails the way it is told to. */
function server() {
  const received: Variables[] = [];
  let failure: Error | undefined;
  return {
    received,
    fail(error: Error | undefined) {
      failure = error;
    },
    send: (_query: string, variables: Variables) => {
      if (failure) return Promise.reject(failure);
      received.push(variables);
      return Promise.resolve({ m: { id: `row-${String(received.length)}` } });
    },
  };
}

describe('the offline outbox', () => {
  it('sends a change at once when the network is there, and forgets it', async () => {
    const api = server();
    const outbox = createOutbox(memoryStorage(), () => 'user-1', api.send);
    const result = await outbox.submit(change('a'));
    expect(result).toEqual({ sent: true, data: { m: { id: 'row-1' } } });
    expect(outbox.pending()).toEqual([]);
  });

  it('keeps a change through a dropped network (and a reload), then sends it once with the same key', async () => {
    const storage = memoryStorage();
    const api = server();
    api.fail(new GraphQLRequestError('NETWORK_ERROR', 'fetch failed'));
    const before = createOutbox(storage, () => 'user-1', api.send);
    expect(await before.submit(change('a'))).toEqual({ sent: false });
    expect(before.pending().map((queued) => queued.id)).toEqual(['a']);

    // A reload: a new outbox on the same storage finds the change.
    api.fail(undefined);
    const after = createOutbox(storage, () => 'user-1', api.send);
    expect(after.pending().map((queued) => queued.id)).toEqual(['a']);
    await Promise.all([after.flush(), after.flush()]);
    expect(api.received).toEqual([{ input: { clientRequestId: 'a' } }]);
    expect(after.pending()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('drops a change the server refuses and reports it, without blocking the ones after it', async () => {
    const api = server();
    api.fail(new GraphQLRequestError('NETWORK_ERROR'));
    const outbox = createOutbox(memoryStorage(), () => 'user-1', api.send);
    await outbox.submit(change('a'));
    await outbox.submit(change('b'));
    api.fail(new GraphQLRequestError('BAD_USER_INPUT', 'Ngày sinh hoạt không được ở tương lai.'));
    await outbox.flush();
    expect(outbox.pending()).toEqual([]);
    expect(outbox.refused().map((entry) => [entry.change.id, entry.error.message])).toEqual([
      ['a', 'Ngày sinh hoạt không được ở tương lai.'],
      ['b', 'Ngày sinh hoạt không được ở tương lai.'],
    ]);
  });

  it('rejects a submit the server refuses at once, with the server’s message', async () => {
    const api = server();
    api.fail(new GraphQLRequestError('CONFLICT', 'Chi bộ đã có biên bản ngày 03/12/2026.', 409, { field: 'heldOn' }));
    const outbox = createOutbox(memoryStorage(), () => 'user-1', api.send);
    await expect(outbox.submit(change('a'))).rejects.toMatchObject({ code: 'CONFLICT', where: { field: 'heldOn' } });
    expect(outbox.pending()).toEqual([]);
    expect(outbox.refused()).toEqual([]);
  });

  it('keeps each user’s changes apart: nobody sends another user’s queued change', async () => {
    const storage = memoryStorage();
    const api = server();
    let user = 'user-1';
    api.fail(new GraphQLRequestError('NETWORK_ERROR'));
    const outbox = createOutbox(storage, () => user, api.send);
    await outbox.submit(change('a'));
    user = 'user-2';
    api.fail(undefined);
    await outbox.flush();
    expect(api.received).toEqual([]);
    expect(outbox.pending()).toEqual([]);
    user = 'user-1';
    expect(outbox.pending().map((queued) => queued.id)).toEqual(['a']);
  });
});
