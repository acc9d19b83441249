import { generateGatewayKeys, type JWK } from '@dangvien/auth';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_UNAVAILABLE } from './subgraph-errors.ts';

/**
 * A gateway whose key the subgraphs do not trust: every subgraph answers 401. The client sees each
 * field null with an error naming the subgraph and the field's path, and nothing of the subgraph's
 * answer: not its internal URL, not its body.
 */
const caller = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
let federation: TestFederation;
let next: JWK;

beforeAll(async () => {
  const [untrusted, upcoming] = [await generateGatewayKeys(), await generateGatewayKeys()];
  next = JSON.parse(upcoming.publicKey) as JWK;
  federation = await startTestFederation(() => caller, { privateKey: untrusted.privateKey, env: { GATEWAY_OTHER_PUBLIC_KEYS: JSON.stringify([next]) } });
});
afterAll(() => federation?.close());

describe('a subgraph that refuses the gateway', () => {
  it('answers null with the path and the subgraph’s name, never its URL or body', async () => {
    const response = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ orgUnit(id: "${demoId('unit', 1)}") { name } member(id: "${demoId('member', 1)}") { fullName } }` }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data: unknown; errors: { message: string; path: string[]; extensions: Record<string, unknown> }[] };
    expect(body.data).toEqual({ orgUnit: null, member: null });
    expect(body.errors.map((error) => [error.path, error.extensions])).toEqual(
      expect.arrayContaining([
        [['orgUnit'], { code: SUBGRAPH_UNAVAILABLE, subgraph: 'organization' }],
        [['member'], { code: SUBGRAPH_UNAVAILABLE, subgraph: 'membership' }],
      ]),
    );
    for (const url of Object.values(federation.urls())) expect(text).not.toContain(url);
    // The subgraphs' own 401 message, and any trace of the HTTP exchange.
    expect(text).not.toMatch(/Chỉ cổng GraphQL|401|Unauthorized|http:\/\//);
  });
});

describe('the published keys', () => {
  it('serve the signing key and, during a change, the other one, public halves only', async () => {
    const response = await fetch(federation.gateway.url.replace(/\/graphql$/, '/internal/jwks.json'));
    const jwks = (await response.json()) as { keys: (JWK & { kid: string })[] };
    expect(response.status).toBe(200);
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[1]).toMatchObject({ x: next.x, alg: 'EdDSA', use: 'sig' });
    for (const key of jwks.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key.kid).toMatch(/^[\w-]{43}$/);
    }
  });
});
