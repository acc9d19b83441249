import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPageSizeRule, maxPageSizeVariablesPlugin, requireFirstRule } from './page-size.ts';
import { buildSchema, parse, validate } from 'graphql';
import { TEST_TYPE_DEFS, testServer, validationErrors } from './test-schema.ts';

const rule = maxPageSizeRule(500);
const pageSizeErrors = (query: string) => validationErrors(query, [rule]).filter((error) => error.extensions.limit === 'PAGE_SIZE');

describe('maxPageSizeRule', () => {
  it('refuses a literal `first` or `limit` above the largest page size, on any field', () => {
    expect(pageSizeErrors('{ nodes(first: 500) { id } node { kids(limit: 500) { id } } }')).toEqual([]);
    expect(pageSizeErrors('{ nodes(first: 501) { id } }').map((error) => error.message)).toEqual([
      'Argument "first" is 501, above the largest page size 500.',
    ]);
    expect(pageSizeErrors('{ node { kids(limit: 100000) { id } } }')).toHaveLength(1);
  });

  it('looks inside fragments, and ignores other arguments', () => {
    expect(pageSizeErrors('{ node { ...Kids } } fragment Kids on Node { kids(first: 501) { id } }')).toHaveLength(1);
    expect(pageSizeErrors('{ nodes(kind: CELL) { id } }')).toEqual([]);
  });
});

describe('requireFirstRule', () => {
  const missing = (query: string) => validationErrors(query, [requireFirstRule]).map((error) => [error.extensions.limit, error.message]);

  it('refuses a list that takes `first` asked for without it (or with null), in fragments too', () => {
    expect(missing('{ nodes { id } }')).toEqual([['PAGE_SIZE', expect.stringContaining('"Query.nodes"')]]);
    expect(missing('{ nodes(first: null) { id } }')).toHaveLength(1);
    expect(missing('{ node { ...Kids } } fragment Kids on Node { kids(kind: CELL) { id } }')).toEqual([['PAGE_SIZE', expect.stringContaining('"Node.kids"')]]);
  });

  it('admits a list whose `first` has a default (paged by default)', () => {
    const schema = buildSchema(TEST_TYPE_DEFS.replace('nodes(first: Int,', 'nodes(first: Int = 30,'));
    expect(validate(schema, parse('{ nodes { id } }'), [requireFirstRule])).toEqual([]);
  });

  it('admits a page size written or given as a variable that must be sent, and fields that take no `first`', () => {
    expect(missing('query ($n: Int!, $m: Int = 5) { nodes(first: 10) { kids(first: $n) { id } } node { kids(first: $m) { id } child { id } } }')).toEqual([]);
  });

  it('refuses a variable that may be left out (nullable, no default)', () => {
    expect(missing('query ($n: Int) { nodes(first: $n) { id } }')).toEqual([['PAGE_SIZE', expect.stringContaining('"Query.nodes"')]]);
  });
});

describe('maxPageSizeVariablesPlugin through Apollo Server', () => {
  let test: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    test = await testServer({ plugins: [maxPageSizeVariablesPlugin(500)], validationRules: [rule] });
  });
  afterAll(async () => {
    await test.server.stop();
  });

  async function run(query: string, variables: Record<string, unknown> = {}) {
    test.resolved.count = 0;
    const response = await test.server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult, resolved: test.resolved.count };
  }

  it('refuses a variable above the largest page size before anything is resolved', async () => {
    const { status, result, resolved } = await run('query ($n: Int) { nodes(first: $n) { id } }', { n: 501 });
    expect(status).toBe(400);
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([['BAD_USER_INPUT', 'PAGE_SIZE']]);
    expect(resolved).toBe(0);
  });

  it('admits a variable at the largest page size', async () => {
    const { result, resolved } = await run('query ($n: Int) { nodes(first: $n) { id } }', { n: 500 });
    expect(result.errors).toBeUndefined();
    expect(resolved).toBe(1);
  });

  it('checks a variable’s default value and variables used in fragments', async () => {
    expect((await run('query ($n: Int = 1000) { nodes(first: $n) { id } }')).result.errors?.[0]?.extensions?.limit).toBe('PAGE_SIZE');
    const viaFragment = await run('query ($n: Int) { node { ...Kids } } fragment Kids on Node { kids(limit: $n) { id } }', { n: 501 });
    expect(viaFragment.result.errors?.[0]?.extensions?.limit).toBe('PAGE_SIZE');
    expect(viaFragment.resolved).toBe(0);
  });

  it('refuses a literal through the same server as a validation error', async () => {
    const { status, result, resolved } = await run('{ nodes(first: 501) { id } }');
    expect(status).toBe(400);
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([['GRAPHQL_VALIDATION_FAILED', 'PAGE_SIZE']]);
    expect(resolved).toBe(0);
  });

  it('refuses a `first` variable sent as null: the whole list would be asked for', async () => {
    for (const variables of [{ n: null }]) {
      const response = await test.server.executeOperation({ query: 'query ($n: Int) { nodes(first: $n) { id } }', variables });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors?.map((error) => error.extensions?.limit)).toEqual(['PAGE_SIZE']);
    }
  });
});
