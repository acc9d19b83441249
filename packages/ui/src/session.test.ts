import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, createSessionStore, REFRESH_RETRY_MS, REFRESH_TOKEN_KEY, refreshDelayMs } from './session.ts';

const user = { id: 'u1', name: 'Nguyễn Văn Bí Thư', grants: [{ role: 'CELL_SECRETARY' as const, scopeUnitId: 'c1' }] };

/** An in-memory stand-in for sessionStorage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Call {
  url: string;
  body: Record<string, unknown>;
}

/**
 * A fake gateway /auth: every login or refresh issues access-N / refresh-N (the refresh token
 * rotates) living `expiresIn` seconds. `next` overrides the next answer.
 */
function fakeAuth(expiresIn = 900) {
  const calls: Call[] = [];
  let issued = 0;
  const overrides: (() => Response | Promise<Response>)[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ url, body });
    const override = overrides.shift();
    if (override) return override();
    if (url === '/auth/logout') return json(204, null);
    issued += 1;
    return json(200, { accessToken: `access-${String(issued)}`, refreshToken: `refresh-${String(issued)}`, expiresIn, user });
  });
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    to: (path: string) => calls.filter((call) => call.url === `/auth/${path}`),
    next: (answer: () => Response | Promise<Response>) => void overrides.push(answer),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('refreshDelayMs', () => {
  it('refreshes a minute before expiry, at 80% of a short lifetime, never sooner than 5 s', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(60)).toBe(48_000);
    expect(refreshDelayMs(0)).toBe(5_000);
    expect(refreshDelayMs(Number.NaN)).toBe(5_000);
  });
});

describe('signing in and out', () => {
  it('keeps the access token in memory and only the refresh token in storage', async () => {
    const auth = fakeAuth();
    const storage = memoryStorage();
    const store = createSessionStore({ fetch: auth.fetch, storage });
    expect(store.getState().status).toBe('signedOut');

    await store.signIn('bithu.tdp1', 'demo123');

    expect(auth.to('login')[0]?.body).toEqual({ username: 'bithu.tdp1', password: 'demo123' });
    expect(store.getState()).toEqual({ status: 'signedIn', user });
    expect(await store.accessToken()).toBe('access-1');
    expect([...storage.items]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
  });

  it('rejects with the server’s own message and stays signed out', async () => {
    const auth = fakeAuth();
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    auth.next(() => json(423, { error: { code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khóa trong 15 phút.' } }));

    const error = await store.signIn('bithu.tdp1', 'sai').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 423, kind: 'locked', code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khóa trong 15 phút.' });
    expect(store.getState().status).toBe('signedOut');
  });

  it('reports an unreachable server as a network error', async () => {
    const store = createSessionStore({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), storage: null });
    await expect(store.signIn('a', 'b')).rejects.toMatchObject({ kind: 'network', status: undefined });
  });

  it('forgets everything at once, then revokes the refresh token and stops refreshing', async () => {
    const auth = fakeAuth();
    const storage = memoryStorage();
    const store = createSessionStore({ fetch: auth.fetch, storage });
    await store.signIn('bithu.tdp1', 'demo123');

    await store.signOut();

    expect(store.getState()).toEqual({ status: 'signedOut', user: undefined });
    expect(storage.items.size).toBe(0);
    expect(auth.to('logout').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(auth.to('refresh')).toHaveLength(0);
    expect(await store.accessToken()).toBeUndefined();
  });
});

describe('refreshing', () => {
  it('refreshes shortly before expiry, then again with the rotated refresh token', async () => {
    const auth = fakeAuth(900);
    const storage = memoryStorage();
    const store = createSessionStore({ fetch: auth.fetch, storage });
    await store.signIn('bithu.tdp1', 'demo123');

    await vi.advanceTimersByTimeAsync(840_000 - 1);
    expect(auth.to('refresh')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(auth.to('refresh').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(await store.accessToken()).toBe('access-2');
    expect(storage.items.get(REFRESH_TOKEN_KEY)).toBe('refresh-2');

    await vi.advanceTimersByTimeAsync(840_000);
    expect(auth.to('refresh').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-2' }]);
    expect(await store.accessToken()).toBe('access-3');
  });

  it('shares one request between concurrent refreshes', async () => {
    const auth = fakeAuth();
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    await store.signIn('bithu.tdp1', 'demo123');

    const tokens = await Promise.all([store.refresh(), store.refresh(), store.recoverFromUnauthorized('access-1')]);

    expect(auth.to('refresh')).toHaveLength(1);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
  });

  it('does not refresh again for a request refused with a token that was already replaced', async () => {
    const auth = fakeAuth();
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    await store.signIn('bithu.tdp1', 'demo123');
    await store.recoverFromUnauthorized('access-1');

    expect(await store.recoverFromUnauthorized('access-1')).toBe('access-2');
    expect(auth.to('refresh')).toHaveLength(1);
  });

  it('signs out, marked expired, when the server refuses the refresh token', async () => {
    const auth = fakeAuth();
    const storage = memoryStorage();
    const store = createSessionStore({ fetch: auth.fetch, storage });
    await store.signIn('bithu.tdp1', 'demo123');
    auth.next(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Hết hạn' } }));

    expect(await store.recoverFromUnauthorized('access-1')).toBeUndefined();
    expect(store.getState()).toEqual({ status: 'signedOut', user: undefined, ended: 'expired' });
    expect(storage.items.size).toBe(0);
  });

  it('keeps the session when the server is unreachable and tries again later', async () => {
    const auth = fakeAuth(900);
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    await store.signIn('bithu.tdp1', 'demo123');
    auth.next(() => Promise.reject(new TypeError('Failed to fetch')));

    await vi.advanceTimersByTimeAsync(840_000);
    expect(auth.to('refresh')).toHaveLength(1);
    expect(store.getState().status).toBe('signedIn');

    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(auth.to('refresh')).toHaveLength(2);
    expect(await store.accessToken()).toBe('access-2');
  });

  it('refreshes before use a token whose timer ran late (a throttled background tab)', async () => {
    const auth = fakeAuth(900);
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    await store.signIn('bithu.tdp1', 'demo123');
    vi.setSystemTime(Date.now() + 899_000); // the clock moved, the timer has not fired

    expect(await store.accessToken()).toBe('access-2');
    expect(auth.to('refresh')).toHaveLength(1);
  });

  it('drops a refresh answer that arrives after signing out', async () => {
    const auth = fakeAuth();
    const store = createSessionStore({ fetch: auth.fetch, storage: null });
    await store.signIn('bithu.tdp1', 'demo123');
    let answer!: (response: Response) => void;
    auth.next(() => new Promise<Response>((resolve) => (answer = resolve)));

    const refreshing = store.refresh();
    await vi.advanceTimersByTimeAsync(0);
    await store.signOut();
    answer(json(200, { accessToken: 'late', refreshToken: 'late', expiresIn: 900, user }));
    await refreshing;

    expect(store.getState().status).toBe('signedOut');
    expect(await store.accessToken()).toBeUndefined();
  });
});

describe('after a reload', () => {
  it('restores the session from the stored refresh token', async () => {
    const auth = fakeAuth();
    const storage = memoryStorage();
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-kept');
    const store = createSessionStore({ fetch: auth.fetch, storage });
    expect(store.getState().status).toBe('restoring');

    store.start();
    store.start(); // StrictMode runs effects twice
    expect(await store.accessToken()).toBe('access-1');

    expect(auth.to('refresh').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-kept' }]);
    expect(store.getState()).toEqual({ status: 'signedIn', user });
    expect(storage.items.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('shows the sign-in page, marked expired, when the kept refresh token is no longer valid', async () => {
    const auth = fakeAuth();
    const storage = memoryStorage();
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-old');
    const store = createSessionStore({ fetch: auth.fetch, storage });
    auth.next(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Hết hạn' } }));

    expect(await store.accessToken()).toBeUndefined();
    expect(store.getState()).toEqual({ status: 'signedOut', user: undefined, ended: 'expired' });
    expect(storage.items.size).toBe(0);
  });
});
