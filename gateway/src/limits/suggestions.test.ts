import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noIntrospectionRule } from './introspection.ts';
import { hideSuggestionsPlugin } from './suggestions.ts';
import { testServer } from './test-schema.ts';

describe('hideSuggestionsPlugin through Apollo Server', () => {
  let test: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    test = await testServer({ plugins: [hideSuggestionsPlugin()] });
  });
  afterAll(async () => {
    await test.server.stop();
  });

  async function messages(query: string, variables: Record<string, unknown> = {}) {
    const response = await test.server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return (response.body.singleResult.errors ?? []).map((error) => error.message);
  }

  it('hides field, argument and type suggestions', async () => {
    expect(await messages('{ node { nme } }')).toEqual(['Cannot query field "nme" on type "Node".']);
    expect(await messages('{ nodes(frist: 1) { id } }')).toEqual(['Unknown argument "frist" on field "Query.nodes".']);
    expect(await messages('query ($k: Knd) { nodes(kind: $k) { id } }')).toEqual(['Unknown type "Knd".']);
  });

  it('hides enum value suggestions, which graphql-armor’s mask lets through', async () => {
    expect(await messages('{ nodes(kind: CEL) { id } }')).toEqual(['Value "CEL" does not exist in "Kind" enum.']);
    const [variableError] = await messages('query ($k: Kind) { nodes(kind: $k) { id } }', { k: 'CEL' });
    expect(variableError).toMatch(/^Variable "\$k" got invalid value "CEL"/);
    expect(variableError).not.toMatch(/Did you mean/);
  });
});

describe('noIntrospectionRule (production)', () => {
  let test: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    test = await testServer({ validationRules: [noIntrospectionRule] });
  });
  afterAll(async () => {
    await test.server.stop();
  });

  it('refuses __schema and __type but not __typename', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Node") { name } }']) {
      const response = await test.server.executeOperation({ query });
      expect(response.http.status).toBe(400);
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors?.[0]?.message).toBe('Introspection is disabled on this server.');
    }
    const typename = await test.server.executeOperation({ query: '{ __typename }' });
    expect(typename.body.kind === 'single' && typename.body.singleResult).toEqual({ data: { __typename: 'Query' } });
  });
});
