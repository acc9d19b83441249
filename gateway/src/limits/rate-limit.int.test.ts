import type { Caller } from '@dangvien/auth';
import { openGatewayStateStore, type GatewayStateStore, type SqlClient } from '@dangvien/identity';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitPlugin } from './rate-limit.ts';
import { testServer } from './test-schema.ts';

/**
 * Two gateway replicas counting one caller's requests in their identity database: the limit holds
 * for the sum, whichever replica the load balancer picks (a per-process count would allow each
 * replica the whole limit). Each replica has its own pool on the database, as two processes would.
 */
type Server = Awaited<ReturnType<typeof testServer<{ caller?: Caller }>>>;
let database: TestDatabase;
const stores: GatewayStateStore[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  database = await createTestDatabase('gateway_rate_limit');
  for (let replica = 0; replica < 2; replica++) {
    const store = await openGatewayStateStore(database.url);
    stores.push(store);
    servers.push(await testServer<{ caller?: Caller }>({ plugins: [rateLimitPlugin(3, store.client)] }));
  }
});
afterAll(async () => {
  for (const { server } of servers) await server.stop();
  for (const store of stores) await store.close();
  await database?.drop();
});

async function ask(server: Server, subject: string) {
  const response = await server.server.executeOperation({ query: '{ node { id } }' }, { contextValue: { caller: { subject, name: '', grants: [] } } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, code: response.body.singleResult.errors?.[0]?.extensions?.code };
}

describe('the rate limit shared by two gateway replicas', () => {
  it('refuses the 4th request of a minute whichever replica gets it', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    expect((await ask(a, 'alice')).code).toBeUndefined();
    expect((await ask(b, 'alice')).code).toBeUndefined();
    expect((await ask(a, 'alice')).code).toBeUndefined();
    expect(await ask(b, 'alice')).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect((await ask(a, 'alice')).code).toBe('RATE_LIMITED');
  });

  it('counts each caller apart across replicas', async () => {
    expect((await ask(servers[1]!, 'bob')).code).toBeUndefined();
    expect((await ask(servers[0]!, 'bob')).code).toBeUndefined();
  });

  it('keeps limiting per process, and answering, while the shared counters cannot be reached', async () => {
    const unreachable: SqlClient = { query: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) };
    const alone = await testServer<{ caller?: Caller }>({ plugins: [rateLimitPlugin(3, unreachable)] });
    try {
      for (let request = 0; request < 3; request++) expect((await ask(alone, 'carol')).code).toBeUndefined();
      expect((await ask(alone, 'carol')).code).toBe('RATE_LIMITED');
    } finally {
      await alone.server.stop();
    }
  });
});
