import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costPlugin, operationCost } from './cost.ts';
import { buildSchema } from 'graphql';
import { TEST_TYPE_DEFS, testSchema, testServer } from './test-schema.ts';

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(testSchema, document, document.definitions[0] as OperationDefinitionNode, variables);
};

describe('cost of an operation', () => {
  it('is armor’s estimate: objects 2, scalars 1, × 1.5 per level', () => {
    // node: 2 + 1.5 × (1 + 1) = 5
    expect(cost('{ node { id name } }')).toBe(5);
    // spread: 1 + 1.5 × fragment (2 + 1.5 × 2) = 8.5, inside node: 2 + 1.5 × 8.5
    expect(cost('{ node { ...F } } fragment F on Node { id name }')).toBe(2 + 1.5 * 8.5);
  });

  it('counts a list by its page size, written or sent as a variable', () => {
    expect(cost('{ nodes(first: 20) { id name } }')).toBe(100);
    expect(cost('query ($n: Int) { nodes(first: $n) { id name } }', { n: 20 })).toBe(100);
    // a page inside a page multiplies: 20 × (2 + 1.5 × 10 × (2 + 1.5 × 1))
    expect(cost('query ($n: Int) { nodes(first: 20) { kids(first: $n) { id } } }', { n: 10 })).toBe(20 * (2 + 1.5 * 10 * 3.5));
  });

  it('counts a list left without `first` by the default of its `first`', () => {
    const paged = buildSchema(TEST_TYPE_DEFS.replace('nodes(first: Int,', 'nodes(first: Int = 30,'));
    const document = parse('{ nodes { id name } }');
    expect(operationCost(paged, document, document.definitions[0] as OperationDefinitionNode, {})).toBe(150);
  });
});

describe('the cost limit', () => {
  const run = async (trusted: boolean, query: string, variables: Record<string, unknown>) => {
    const { server, resolved } = await testServer({ plugins: [costPlugin(100, () => trusted)] });
    const response = await server.executeOperation({ query, variables });
    await server.stop();
    return { result: response.body.kind === 'single' ? response.body.singleResult : undefined, resolved: resolved.count, status: response.http.status };
  };

  it('refuses an operation whose variables make it cost more than the limit, before anything is resolved', async () => {
    const { result, resolved, status } = await run(false, 'query ($n: Int) { nodes(first: $n) { id name } }', { n: 21 });
    expect(result?.errors?.map((error) => [error.message, error.extensions?.code, error.extensions?.limit])).toEqual([[expect.any(String), 'GRAPHQL_VALIDATION_FAILED', 'COST']]);
    expect(status).toBe(400);
    expect(resolved).toBe(0);
    expect((await run(false, 'query ($n: Int) { nodes(first: $n) { id name } }', { n: 20 })).result?.errors).toBeUndefined();
  });

  it('does not count the front ends’ own operations', async () => {
    expect((await run(true, 'query ($n: Int) { nodes(first: $n) { id name } }', { n: 21 })).result?.errors).toBeUndefined();
  });
});
