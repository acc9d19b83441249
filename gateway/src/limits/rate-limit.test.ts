import type { Caller } from '@dangvien/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITED_MESSAGE, rateLimitPlugin } from './rate-limit.ts';
import { testServer } from './test-schema.ts';

describe('rateLimitPlugin through Apollo Server', () => {
  let test: Awaited<ReturnType<typeof testServer<{ caller?: Caller }>>>;
  beforeAll(async () => {
    test = await testServer<{ caller?: Caller }>({ plugins: [rateLimitPlugin(3)] });
  });
  afterAll(async () => {
    await test.server.stop();
  });

  async function ask(subject?: string) {
    test.resolved.count = 0;
    const contextValue = subject === undefined ? {} : { caller: { subject, name: '', grants: [] } };
    const response = await test.server.executeOperation({ query: '{ node { id } }' }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, errors: response.body.singleResult.errors, resolved: test.resolved.count };
  }

  it('admits 3 requests of a caller and refuses the 4th with RATE_LIMITED, HTTP 429 and Retry-After', async () => {
    for (let request = 0; request < 3; request++) expect((await ask('alice')).errors).toBeUndefined();
    const refused = await ask('alice');
    expect(refused.http.status).toBe(429);
    expect(Number(refused.http.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.errors).toEqual([{ message: RATE_LIMITED_MESSAGE, extensions: { code: 'RATE_LIMITED' } }]);
    expect(refused.resolved).toBe(0);
  });

  it('counts each caller apart', async () => {
    expect((await ask('bob')).errors).toBeUndefined();
  });

  it('counts every caller without a subject as one anonymous caller', async () => {
    for (let request = 0; request < 3; request++) expect((await ask()).errors).toBeUndefined();
    expect((await ask('')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await ask('anonymous')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
