import { session } from '@dangvien/ui';

/**
 * fetch with the session's access token, refreshing it once when the gateway refuses it (as the ui
 * kit's GraphQL client does), for what the kit's client does not send: the explorer's free-form
 * queries (whose errors are shown as the server sent them) and its API under /explorer/api.
 */
export async function sessionFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(url, { ...init, headers });
  };
  const token = await session.accessToken();
  const response = await send(token);
  if (response.status !== 401) return response;
  const fresh = await session.recoverFromUnauthorized(token);
  if (!fresh) return response;
  return send(fresh);
}
