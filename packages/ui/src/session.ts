// The signed-in session: tokens from the gateway's /auth endpoints, kept fresh in the background.
// This module belongs to @dangvien/ui, a Module Federation singleton, so the shell and every remote
// it mounts share the one `session` below; a remote running standalone has its own, in the same way.
import { vi } from './messages.ts';

// The roles and grants the gateway puts in tokens: one definition for server and browser.
export { ROLES, type Grant, type Role } from '@dangvien/auth/roles';
import type { Grant } from '@dangvien/auth/roles';

export interface SessionUser {
  id: string;
  name: string;
  grants: Grant[];
}

/** restoring: a refresh token survived a reload and is being exchanged for a new access token. */
export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | undefined;
  /** Set when the server ended the session (refresh token expired or revoked), not the user. */
  ended?: 'expired';
  /** Why a session could not be restored after a reload (e.g. the server is unreachable). */
  error?: AuthError;
}

/** What the sign-in page tells the user when the server sent no message of its own. */
export type AuthErrorKind =
  | 'invalidCredentials'
  | 'locked'
  | 'badInput'
  | 'tooManyAttempts'
  | 'network'
  | 'unavailable'
  | 'badResponse';

function kindOf(status: number | undefined): AuthErrorKind {
  if (status === undefined) return 'network';
  if (status === 400) return 'badInput';
  if (status === 401) return 'invalidCredentials';
  if (status === 423) return 'locked';
  if (status === 429) return 'tooManyAttempts';
  if (status >= 500) return 'unavailable';
  return 'badResponse';
}

/** A failed call to /auth/*: `serverMessage` is the server's own Vietnamese text, shown as is. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly kind: AuthErrorKind;

  constructor(
    /** HTTP status; undefined when the server could not be reached. */
    readonly status: number | undefined,
    readonly code?: string,
    readonly serverMessage?: string,
  ) {
    const kind = kindOf(status);
    super(serverMessage ?? vi.auth.errors[kind]);
    this.kind = kind;
  }
}

interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

function isTokenResponse(body: unknown): body is TokenResponse {
  const value = body as Partial<TokenResponse> | null | undefined;
  return (
    typeof value?.accessToken === 'string' &&
    typeof value.refreshToken === 'string' &&
    typeof value.expiresIn === 'number' &&
    typeof value.user?.id === 'string' &&
    typeof value.user.name === 'string' &&
    Array.isArray(value.user.grants)
  );
}

/** Refresh this long before the access token expires, so requests never carry an expired one. */
const REFRESH_LEAD_MS = 60_000;
/** Never refresh more often than this, whatever expiresIn says. */
const MIN_REFRESH_DELAY_MS = 5_000;
/** After a refresh failed because the server was unreachable, try again this much later. */
export const REFRESH_RETRY_MS = 30_000;
/** A token this close to expiry is refreshed before use rather than sent (timers in hidden tabs run late). */
const EXPIRY_SKEW_MS = 5_000;

/**
 * When to refresh a token that lives `expiresInSeconds`: a minute before it expires, but no earlier
 * than at 80% of a short lifetime and never sooner than 5 s.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = Number.isFinite(expiresInSeconds) ? Math.max(0, expiresInSeconds) * 1000 : 0;
  return Math.max(lifetime - REFRESH_LEAD_MS, lifetime * 0.8, MIN_REFRESH_DELAY_MS);
}

export const REFRESH_TOKEN_KEY = 'dangvien.refreshToken';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Where the refresh token lives. The access token stays in memory only, so it is never written
 * anywhere a script or another user of the computer could find it later. The refresh token must
 * survive a page reload (a reload must not sign anyone out), so it goes to sessionStorage: that is
 * per tab and is cleared when the tab closes, so on a shared computer in a ward office closing the
 * tab ends the session; localStorage would keep it across browser restarts and share it between
 * tabs, which would also race on the rotating refresh token. (An httpOnly cookie would hide it from
 * scripts too, but the gateway's contract returns the token in the body.)
 */
function browserSessionStorage(): TokenStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage disabled by the browser's privacy settings
  }
}

export interface SessionStoreOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof fetch;
  /** Defaults to sessionStorage when there is one; null keeps the refresh token in memory only. */
  storage?: TokenStorage | null;
  /** Relative, like GRAPHQL_URL: the front end's own server proxies it to the gateway. */
  authUrl?: string;
}

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Restores a session kept over a reload; called by RequireSession, harmless to call again. */
  start(): void;
  /** Resolves once signed in; rejects with an AuthError (wrong password, locked, …). */
  signIn(username: string, password: string): Promise<void>;
  /** Forgets the tokens at once, then tells the server (best effort). */
  signOut(ended?: 'expired'): Promise<void>;
  /** A fresh access token for a request, refreshing first if it is about to expire; never rejects. */
  accessToken(): Promise<string | undefined>;
  /**
   * After a request sent with `staleToken` was refused: a new token to retry with, or undefined
   * when the session is over. Concurrent callers share one refresh. Rejects with an AuthError when
   * the server could not be reached (the session is kept).
   */
  recoverFromUnauthorized(staleToken: string | undefined): Promise<string | undefined>;
  /** Exchanges the refresh token for new tokens; concurrent calls share one request. */
  refresh(): Promise<string | undefined>;
}

const ignore = () => undefined;

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const storage = options.storage === undefined ? browserSessionStorage() : (options.storage ?? undefined);
  const authUrl = options.authUrl ?? '/auth';

  const readStored = () => {
    try {
      return storage?.getItem(REFRESH_TOKEN_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const writeStored = (value: string | undefined) => {
    try {
      if (value === undefined) storage?.removeItem(REFRESH_TOKEN_KEY);
      else storage?.setItem(REFRESH_TOKEN_KEY, value);
    } catch {
      // Full or disabled storage: the session still works until the page is reloaded.
    }
  };

  let refreshToken = readStored();
  let accessToken: string | undefined;
  let expiresAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<string | undefined> | undefined;
  // Bumped by every sign-in and sign-out: an answer to a request started earlier is dropped.
  let epoch = 0;
  let state: SessionState = { status: refreshToken ? 'restoring' : 'signedOut', user: undefined };
  const listeners = new Set<() => void>();

  const setState = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const schedule = (delayMs: number) => {
    cancelTimer();
    timer = setTimeout(() => {
      timer = undefined;
      refresh().catch(ignore);
    }, delayMs);
  };

  const accept = (tokens: TokenResponse) => {
    accessToken = tokens.accessToken;
    // The refresh token rotates: the old one is now spent, always keep the new one.
    refreshToken = tokens.refreshToken;
    writeStored(refreshToken);
    expiresAt = Date.now() + tokens.expiresIn * 1000;
    schedule(refreshDelayMs(tokens.expiresIn));
    setState({ status: 'signedIn', user: tokens.user });
  };

  const clear = (next: Omit<SessionState, 'status' | 'user'> = {}) => {
    epoch += 1;
    cancelTimer();
    accessToken = undefined;
    refreshToken = undefined;
    expiresAt = 0;
    writeStored(undefined);
    setState({ status: 'signedOut', user: undefined, ...next });
  };

  const post = async (path: string, body: unknown): Promise<Response> => {
    try {
      return await doFetch(`${authUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      throw new AuthError(undefined);
    }
  };

  const readTokens = async (response: Response): Promise<TokenResponse> => {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok && isTokenResponse(body)) return body;
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new AuthError(
      response.ok ? 502 : response.status, // 200 without tokens: treat as a broken server
      typeof error?.code === 'string' ? error.code : undefined,
      typeof error?.message === 'string' && error.message ? error.message : undefined,
    );
  };

  const runRefresh = async (): Promise<string | undefined> => {
    const token = refreshToken;
    const started = epoch;
    if (!token) return undefined;
    cancelTimer();
    let tokens: TokenResponse;
    try {
      tokens = await readTokens(await post('/refresh', { refreshToken: token }));
    } catch (error) {
      if (started !== epoch) return accessToken;
      const authError = error instanceof AuthError ? error : new AuthError(502);
      if (authError.status === 401 || authError.status === 400) {
        clear({ ended: 'expired' });
        return undefined;
      }
      // Server unreachable or failing: keep the session and try again a little later.
      if (state.status === 'restoring') setState({ status: 'signedOut', user: undefined, error: authError });
      else schedule(REFRESH_RETRY_MS);
      throw authError;
    }
    if (started !== epoch) return accessToken;
    accept(tokens);
    return tokens.accessToken;
  };

  const refresh = (): Promise<string | undefined> => {
    if (refreshing) return refreshing;
    const current: Promise<string | undefined> = runRefresh().finally(() => {
      if (refreshing === current) refreshing = undefined;
    });
    refreshing = current;
    return current;
  };

  return {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    start() {
      if (state.status === 'restoring') refresh().catch(ignore);
    },

    async signIn(username, password) {
      epoch += 1;
      const started = epoch;
      cancelTimer();
      const tokens = await readTokens(await post('/login', { username, password }));
      if (started !== epoch) return; // signed out or in again meanwhile
      accept(tokens);
    },

    async signOut(ended) {
      const token = refreshToken;
      clear(ended ? { ended } : {});
      if (!token) return;
      // Revokes the refresh token; the short-lived access token simply expires.
      await post('/logout', { refreshToken: token }).then(ignore, ignore);
    },

    async accessToken() {
      if (state.status === 'restoring') return refresh().catch(ignore);
      if (accessToken && Date.now() >= expiresAt - EXPIRY_SKEW_MS) {
        const current = accessToken;
        return refresh().catch(() => current);
      }
      return accessToken;
    },

    recoverFromUnauthorized(staleToken) {
      // Another request already refreshed since this one was sent: retry with the new token.
      if (accessToken && accessToken !== staleToken) return Promise.resolve(accessToken);
      return refresh();
    },

    refresh,
  };
}

/** The page's one session, shared by the shell and every remote. */
export const session: SessionStore = createSessionStore();
