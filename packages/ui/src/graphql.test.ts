import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypedDocumentString } from './generated/graphql.ts';
import { GraphQLRequestError, graphqlRequest } from './graphql.ts';
import { session } from './session.ts';

/** A document as `graphql()` returns it, for an answer the fake gateway makes up. */
const OK = new TypedDocumentString<{ ok: boolean }, Record<string, never>>('{ ok }');

const user = { id: 'u1', name: 'Trần Văn Đảng Ủy', grants: [{ role: 'WARD_COMMITTEE', scopeUnitId: 'w1' }] };
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthenticated = () => json(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });

/** A fake gateway: /auth issues access-N; /graphql accepts only the tokens in `valid`, or none when refusing. */
function fakeGateway() {
  let issued = 0;
  const valid = new Set<string>();
  const options = { refuseAll: false };
  const graphqlAuth: (string | null)[] = [];
  const refreshes: unknown[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url === '/graphql') {
      const authorization = new Headers(init?.headers).get('authorization');
      graphqlAuth.push(authorization);
      await Promise.resolve();
      return !options.refuseAll && authorization && valid.has(authorization.replace('Bearer ', '')) ? json(200, { data: { ok: true } }) : unauthenticated();
    }
    if (url === '/auth/logout') return json(204, null);
    if (url === '/auth/refresh') refreshes.push(JSON.parse(String(init?.body)));
    issued += 1;
    const accessToken = `access-${String(issued)}`;
    valid.add(accessToken);
    return json(200, { accessToken, refreshToken: `refresh-${String(issued)}`, expiresIn: 900, user });
  });
  return { fetch, valid, graphqlAuth, refreshes, options };
}

let gateway: ReturnType<typeof fakeGateway>;
beforeEach(async () => {
  vi.useFakeTimers();
  gateway = fakeGateway();
  vi.stubGlobal('fetch', gateway.fetch);
  await session.signIn('danguy.thitran', 'demo123');
});
afterEach(async () => {
  await session.signOut();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('graphqlRequest', () => {
  it('sends the access token', async () => {
    await expect(graphqlRequest(OK)).resolves.toEqual({ ok: true });
    expect(gateway.graphqlAuth).toEqual(['Bearer access-1']);
  });

  it('refreshes once for several requests refused together, and retries each once', async () => {
    gateway.valid.delete('access-1'); // revoked early by the server

    const answers = await Promise.all([graphqlRequest(OK), graphqlRequest(OK), graphqlRequest(OK)]);

    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(gateway.refreshes).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(gateway.graphqlAuth.filter((header) => header === 'Bearer access-2')).toHaveLength(3);
  });

  it('signs out, marked expired, when the retry is refused too', async () => {
    gateway.options.refuseAll = true;

    const error = await graphqlRequest(OK).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe('UNAUTHENTICATED');
    expect(gateway.refreshes).toHaveLength(1);
    expect(gateway.graphqlAuth).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(session.getState()).toMatchObject({ status: 'signedOut', ended: 'expired' });
  });
});
