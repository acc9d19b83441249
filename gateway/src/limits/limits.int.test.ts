import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoDataSet } from '@dangvien/demo-data';
import { evaluationSubgraph } from '@dangvien/evaluation';
import { membershipSubgraph } from '@dangvien/membership';
import { organizationSubgraph } from '@dangvien/organization';
import type { RunningServer } from '@dangvien/server';
import { postGraphQL, startTestSubgraph, testGatewayKeys, type GraphQLResponse, type TestSubgraph } from '@dangvien/testing';
import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type GatewayOptions } from '../gateway.ts';
import { RATE_LIMITED_MESSAGE } from './rate-limit.ts';

const demo = demoDataSet();
const province = demo.orgUnits.find((unit) => !unit.parentId)!;
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;

let subgraphs: Pick<TestSubgraph<unknown>, 'url' | 'close'>[] = [];
const gateways: RunningServer[] = [];
/** Requests the gateways sent to subgraphs since the last test began: a refused operation sends none. */
let calls = 0;

async function gatewayWith(env: NodeJS.ProcessEnv, options: GatewayOptions = {}): Promise<string> {
  const [organization, membership, evaluation] = subgraphs;
  const gateway = await startGateway({
    port: 0,
    privateKey: (await testGatewayKeys()).privateKey,
    env: { ORGANIZATION_URL: organization!.url, MEMBERSHIP_URL: membership!.url, EVALUATION_URL: evaluation!.url, ...env },
    onSubgraphRequest: () => calls++,
    ...options,
  });
  gateways.push(gateway);
  return gateway.url;
}

let defaults: string;
beforeAll(async () => {
  subgraphs = await Promise.all([
    startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization }),
    startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership }),
    startTestSubgraph(evaluationSubgraph, { seed: demoSeed.evaluation }),
  ]);
  defaults = await gatewayWith({});
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  // One at a time: closing drops each database WITH (FORCE), which can cut a pool's sockets still closing.
  for (const subgraph of subgraphs) await subgraph.close();
});
beforeEach(() => {
  calls = 0;
});

/** `levels` nested `children`, then `id`: with `orgUnit` around it the depth is levels + 2. */
const children = (levels: number): string => (levels === 0 ? 'id' : `children { ${children(levels - 1)} }`);
const repeat = (times: number, make: (index: number) => string): string => Array.from({ length: times }, (_, index) => make(index)).join(' ');

function expectRefused(response: GraphQLResponse, code: string, limit?: string): void {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.data ?? undefined).toBeUndefined();
  expect(response.errors?.map((error) => error.extensions?.code)).toContain(code);
  if (limit) expect(response.errors?.map((error) => error.extensions?.limit)).toContain(limit);
  expect(calls).toBe(0);
}

function expectAnswered(response: GraphQLResponse): void {
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(calls).toBeGreaterThan(0);
}

describe('request limits at the gateway, with the default limits', () => {
  it('answers the front ends’ queries', async () => {
    const tree = '{ rootOrgUnits { id name kind children { id name kind children { id name kind children { id name kind } } } } }';
    expectAnswered(await postGraphQL(defaults, tree));
    const roster = 'query ($id: ID!) { orgUnit(id: $id) { id name members(first: 100) { id fullName status latestReview { id year score grade } } } }';
    expectAnswered(await postGraphQL(defaults, roster, { id: cell.id }));
  });

  it('depth: refuses 11 levels, answers 10', async () => {
    const query = (levels: number) => `query ($id: ID!) { orgUnit(id: $id) { ${children(levels)} } }`;
    expectRefused(await postGraphQL(defaults, query(9), { id: province.id }), 'GRAPHQL_VALIDATION_FAILED', 'DEPTH');
    expectAnswered(await postGraphQL(defaults, query(8), { id: province.id }));
  });

  it('depth: counts a deep query hidden in a fragment named __schema, or behind an alias __schema', async () => {
    // Cheap enough for the cost limit: only the depth limit may refuse these.
    const hidden = `query ($id: ID!) { ...__schema } fragment __schema on Query { orgUnit(id: $id) { ${children(12)} } }`;
    const response = await postGraphQL(defaults, hidden, { id: province.id });
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', 'DEPTH');
    // orgUnit, 12 × children and id are 14 levels; armor counts the spread and its fragment as 2 more.
    expect(response.errors?.map((error) => error.message)).toEqual(['Query depth limit of 10 exceeded, found 16.']);
    const aliased = `query ($id: ID!) { __schema: orgUnit(id: $id) { ${children(12)} } }`;
    const viaAlias = await postGraphQL(defaults, aliased, { id: province.id });
    expectRefused(viaAlias, 'GRAPHQL_VALIDATION_FAILED', 'DEPTH');
    expect(viaAlias.errors?.map((error) => error.extensions?.limit)).toEqual(['DEPTH']);
  });

  it('aliases: refuses 16, answers 15', async () => {
    const query = (aliases: number) => `{ ${repeat(aliases, (index) => `a${index}: rootOrgUnits { id }`)} }`;
    expectRefused(await postGraphQL(defaults, query(16)), 'GRAPHQL_VALIDATION_FAILED', 'ALIASES');
    expectAnswered(await postGraphQL(defaults, query(15)));
  });

  it('aliases: counts aliases of __typename too (300 fit in the token limit)', async () => {
    const query = (aliases: number) => `{ ${repeat(aliases, (index) => `t${index}: __typename`)} }`;
    expectRefused(await postGraphQL(defaults, query(16)), 'GRAPHQL_VALIDATION_FAILED', 'ALIASES');
    expectRefused(await postGraphQL(defaults, query(300)), 'GRAPHQL_VALIDATION_FAILED', 'ALIASES');
    const answered = await postGraphQL(defaults, query(15));
    expect(answered.errors).toBeUndefined();
  });

  it('directives: refuses 11, answers 10', async () => {
    const query = (directives: number) => `{ rootOrgUnits { ${repeat(directives, () => 'id @include(if: true)')} } }`;
    expectRefused(await postGraphQL(defaults, query(11)), 'GRAPHQL_VALIDATION_FAILED', 'DIRECTIVES');
    expectAnswered(await postGraphQL(defaults, query(10)));
  });

  it('page size: refuses `first` or `limit` above 500 on any field', async () => {
    // No field takes `first` yet, so every such query is refused (unknown argument); only 501 for its size.
    expectRefused(await postGraphQL(defaults, '{ rootOrgUnits(first: 501) { id } }'), 'GRAPHQL_VALIDATION_FAILED', 'PAGE_SIZE');
    expectRefused(await postGraphQL(defaults, '{ rootOrgUnits { id children(limit: 100000) { id } } }'), 'GRAPHQL_VALIDATION_FAILED', 'PAGE_SIZE');
    const atLimit = await postGraphQL(defaults, '{ rootOrgUnits(first: 500) { id } }');
    expect(atLimit.errors?.map((error) => error.extensions?.limit)).toEqual([undefined]);
  });

  it('paging: refuses a paged list asked for without `first` (or with a null variable) before any subgraph is called', async () => {
    const unpaged = await postGraphQL(defaults, 'query ($id: ID!) { orgUnit(id: $id) { members { id fullName } } }', { id: cell.id });
    expectRefused(unpaged, 'GRAPHQL_VALIDATION_FAILED', 'PAGE_SIZE');
    expect(unpaged.errors?.[0]?.message).toMatch(/"OrgUnit.members" được chia trang/);
    const nullVariable = 'query ($id: ID!, $n: Int = 20) { orgUnit(id: $id) { members(first: $n) { id } } }';
    expectRefused(await postGraphQL(defaults, nullVariable, { id: cell.id, n: null }), 'BAD_USER_INPUT', 'PAGE_SIZE');
    const optionalVariable = 'query ($id: ID!, $n: Int) { orgUnit(id: $id) { members(first: $n) { id } } }';
    expectRefused(await postGraphQL(defaults, optionalVariable, { id: cell.id, n: 10 }), 'GRAPHQL_VALIDATION_FAILED', 'PAGE_SIZE');
    expectAnswered(await postGraphQL(defaults, nullVariable, { id: cell.id, n: 10 }));
    calls = 0;
    // A `first` with a default pages by default: member search answers its first 50.
    expectAnswered(await postGraphQL(defaults, '{ searchMembers(name: "a") { nodes { id } } }'));
  });

  it('cost: counts a list by its page size, also when `first` is a variable', async () => {
    // Every cell's roster with its reviews: 500 cells × 500 members is no longer counted as one.
    const everyone = `query ($n: Int!) { searchOrgUnits(text: "chi", kind: CELL, first: $n) { nodes { members(first: $n) { id fullName } } } }`;
    expectRefused(await postGraphQL(defaults, everyone, { n: 500 }), 'GRAPHQL_VALIDATION_FAILED', 'COST');
    const answered = await postGraphQL(defaults, everyone, { n: 10 });
    expect(answered.errors).toEqual(undefined);
    expectAnswered(answered);
  });

  it('suggestions: a typo’s error names no field, type or value of the schema', async () => {
    const typos = [
      ['{ rootOrgUnits { nme } }', {}],
      ['{ orgUnits(kind: CEL) { id } }', {}],
      ['query ($kind: OrgUnitKnd!) { orgUnits(kind: $kind) { id } }', {}],
      ['query ($kind: OrgUnitKind!) { orgUnits(kind: $kind) { id } }', { kind: 'CEL' }],
    ] as const;
    for (const [query, variables] of typos) {
      const response = await postGraphQL(defaults, query, variables);
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors ?? []) expect(error.message).not.toMatch(/Did you mean/);
    }
    expect(calls).toBe(0);
  });

  it('introspection: refused by default, as in production', async () => {
    const refused = await postGraphQL(defaults, getIntrospectionQuery());
    expectRefused(refused, 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(await postGraphQL(defaults, '{ __type(name: "Member") { fields { name } } }'), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('introspection: with DANGVIEN_DEV=1 (npm start) development tools’ full introspection query is answered', async () => {
    const response = await postGraphQL<{ __schema: { types: unknown[] } }>(await gatewayWith({ DANGVIEN_DEV: '1' }), getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    expect(response.data!.__schema.types.length).toBeGreaterThan(10);
  });

  it('body size: refuses a body over 8 MB (room for a 10,000-row spreadsheet import) with HTTP 413', async () => {
    const body = JSON.stringify({ query: `{ rootOrgUnits { id } } #${'x'.repeat(8 * 1024 * 1024 + 1024)}` });
    const response = await fetch(defaults, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(calls).toBe(0);
  });
});

describe('request limits at the gateway, set by the environment', () => {
  /** Tokens as graphql-js's parser counts them (comments and the end are not tokens). */
  function countTokens(query: string): number {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count++;
    return count;
  }

  it('tokens: GRAPHQL_MAX_TOKENS=20 refuses 21 tokens before parsing them, answers 20', async () => {
    const url = await gatewayWith({ GRAPHQL_MAX_TOKENS: '20' });
    const atLimit = '{ rootOrgUnits { id name code kind parent { id } children { id name code kind } } }';
    const over = '{ rootOrgUnits { id name code kind parent { id } children { id name code kind __typename } } }';
    expect([countTokens(atLimit), countTokens(over)]).toEqual([20, 21]);
    const refused = await postGraphQL(url, over);
    expectRefused(refused, 'GRAPHQL_PARSE_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/more th.. 20 tokens/);
    expectAnswered(await postGraphQL(url, atLimit));
  });

  it('cost: GRAPHQL_MAX_COST=17 refuses 18.5, answers 17', async () => {
    const url = await gatewayWith({ GRAPHQL_MAX_COST: '17' });
    // armor: object 2 + 1.5 × its selections, scalar 1. children = 2 + 1.5 × 4 = 8; root = 2 + 1.5 × (2 + 8) = 17.
    const atLimit = '{ rootOrgUnits { id name children { id name code kind } } }';
    const over = '{ rootOrgUnits { id name code children { id name code kind } } }'; // 2 + 1.5 × (3 + 8)
    expectRefused(await postGraphQL(url, over), 'GRAPHQL_VALIDATION_FAILED', 'COST');
    expectAnswered(await postGraphQL(url, atLimit));
  });

  it('rate: GRAPHQL_RATE_LIMIT_PER_MINUTE=3 answers 3 requests of a caller, refuses the 4th with 429', async () => {
    const url = await gatewayWith(
      { GRAPHQL_RATE_LIMIT_PER_MINUTE: '3' },
      { authenticate: async (request) => ({ subject: request.header('x-test-subject') ?? 'anonymous', name: '', grants: [] }) },
    );
    const ask = (subject: string) => postGraphQL(url, '{ rootOrgUnits { id } }', {}, { 'x-test-subject': subject });
    for (let request = 0; request < 3; request++) expectAnswered(await ask('alice'));
    calls = 0;
    const refused = await ask('alice');
    expectRefused(refused, 'RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.message).toBe(RATE_LIMITED_MESSAGE);
    expectAnswered(await ask('bob'));
  });

  it('production: NODE_ENV=production refuses introspection even with DANGVIEN_DEV=1, answers queries', async () => {
    const url = await gatewayWith({ NODE_ENV: 'production', DANGVIEN_DEV: '1' });
    const refused = await postGraphQL(url, '{ __schema { queryType { name } } rootOrgUnits { id } }');
    expectRefused(refused, 'GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.map((error) => error.message)).toEqual(['Introspection is disabled on this server.']);
    expectAnswered(await postGraphQL(url, '{ rootOrgUnits { id } }'));
  });

  it('limits: false turns every limit off (for special tests)', async () => {
    const url = await gatewayWith({}, { limits: false });
    expectAnswered(await postGraphQL(url, `query ($id: ID!) { orgUnit(id: $id) { ${children(12)} } }`, { id: province.id }));
  });
});
