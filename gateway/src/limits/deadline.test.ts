import { ApolloServer, type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { TIMEOUT_MESSAGE, withDeadline } from './deadline.ts';
import { TEST_TYPE_DEFS } from './test-schema.ts';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

// The schema a gateway hands to Apollo Server must come from the graphql module Apollo loads (CommonJS);
// vitest would give this file graphql's ES module, a second copy that graphql refuses to mix.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const apiSchema = buildSchema(TEST_TYPE_DEFS);

/** A stand-in for ApolloGateway: `{ node { id } }` answers at once, anything else never answers. */
function fakeGateway(): Gateway {
  let onSchema: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      onSchema = callback;
      return () => undefined;
    },
    async load() {
      onSchema?.({ apiSchema, coreSupergraphSdl: '' });
      return {
        executor: async ({ request }) =>
          request.query?.includes('name') ? new Promise(() => undefined) : { data: { node: { id: '1' } } },
      };
    },
    async stop() {},
  };
}

const servers: ApolloServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function ask(query: string, ms: number) {
  const server = new ApolloServer({ gateway: withDeadline(fakeGateway(), ms) });
  servers.push(server);
  await server.start();
  const response = await server.executeOperation({ query });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, result: response.body.singleResult };
}

describe('withDeadline', () => {
  it('answers TIMEOUT with HTTP 504 when execution does not finish in time', async () => {
    const { status, result } = await ask('{ node { name } }', 20);
    expect(status).toBe(504);
    expect(result.errors).toEqual([{ message: TIMEOUT_MESSAGE, extensions: { code: 'TIMEOUT' } }]);
  });

  it('passes on the result of an execution that finishes in time', async () => {
    const { status, result } = await ask('{ node { id } }', 10_000);
    expect(status).toBeUndefined();
    expect(result).toEqual({ data: { node: { id: '1' } } });
  });
});
