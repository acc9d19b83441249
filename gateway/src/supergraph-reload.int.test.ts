import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSubgraphs } from './compose.ts';
import { readManifest, SUPERGRAPH_PATH } from './manifest.ts';
import { SUBGRAPH_UNAVAILABLE } from './provincial/subgraph-errors.ts';

/**
 * The gateway takes a new supergraph from its file while clerks keep working: no request fails
 * across the swap, and a bad file is refused with the served supergraph kept.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'reload-'));
const supergraphPath = path.join(dir, 'supergraph.graphql');
const caller = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
const changes: { accepted: boolean; subgraphs?: string[]; reason?: string }[] = [];
/** Clerk requests sent and not yet answered when each change was taken or refused. */
const inFlightAtChange: number[] = [];
let inFlight = 0;
let federation: TestFederation;

/** How a deployment should replace the file: write beside it, then rename (never a half-written file). */
function replaceSupergraph(text: string): void {
  const staged = `${supergraphPath}.next`;
  writeFileSync(staged, text);
  renameSync(staged, supergraphPath);
}

function composedWith(extra: { name: string; sdl: string }[], without: string[] = []): string {
  const entries = [
    ...readManifest().filter((entry) => !without.includes(entry.name)),
    ...extra.map(({ name, sdl }) => {
      const schema = path.join(dir, `${name}.graphql`);
      writeFileSync(schema, sdl);
      return { name, url: 'http://127.0.0.1:9/graphql', schema, optional: true };
    }),
  ];
  const result = composeSubgraphs(entries);
  if (result.errors) throw new Error(result.errors.join('\n'));
  return result.supergraphSdl;
}

/** Retries an assertion until it holds (a poll interval, a few requests), at most 60 s. */
async function until(check: () => void): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// Reads of the clerk mix (bench/src/operations.ts): a cell's roster, a name search, a member's page.
const CLERK_READS = [
  { query: 'query Roster($id: ID!) { orgUnit(id: $id) { id name members(first: 100) { id fullName status latestReview { year grade } } } }', variables: { id: demoId('unit', 101) } },
  { query: 'query Search($name: String!) { searchMembers(name: $name, first: 20) { nodes { id fullName cell { id name } } hasNextPage } }', variables: { name: 'Nguyễn' } },
  { query: 'query MemberPage($id: ID!) { member(id: $id) { id fullName status cell { id name path } reviews { year grade } } }', variables: { id: demoId('member', 1) } },
];

beforeAll(async () => {
  writeFileSync(supergraphPath, readFileSync(SUPERGRAPH_PATH, 'utf8'));
  federation = await startTestFederation(() => caller, {
    supergraphPath,
    supergraphPollMs: 100,
    onSupergraphChange: (change) => {
      changes.push(change);
      inFlightAtChange.push(inFlight);
    },
    env: { GRAPHQL_RATE_LIMIT_PER_MINUTE: '1000000' },
  });
});
afterAll(() => federation?.close());

describe('supergraph hot reload', () => {
  it('swaps in a new supergraph under a steady clerk load without failing a request, and refuses bad ones', async () => {
    // Composed before the load starts: composing holds the event loop for a second.
    const withProvince = composedWith([{ name: 'zz-reload-test-province', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Member @key(fields: "id") { id: ID! reloadTestNote: String }\ntype Query { reloadTestNotes: [String] }' }]);
    const withoutCore = composedWith([], ['evaluation']);
    let phase = 'before';
    let running = true;
    const answers: { phase: string; status: number; errors: unknown }[] = [];
    const clerk = async (offset: number) => {
      for (let n = offset; running; n++) {
        const operation = CLERK_READS[n % CLERK_READS.length]!;
        const started = phase;
        inFlight += 1;
        const response = await federation.post(operation.query, operation.variables).catch((error: unknown) => ({ status: 0, errors: [String(error)] }));
        inFlight -= 1;
        answers.push({ phase: started, status: response.status, errors: response.errors });
      }
    };
    const clerks = [0, 1, 2, 3].map((offset) => clerk(offset));
    const answeredIn = (name: string) => answers.filter((answer) => answer.phase === name).length;
    await until(() => expect(answeredIn('before')).toBeGreaterThan(20));

    // A province composed in.
    phase = 'swapping';
    replaceSupergraph(withProvince);
    await until(() => expect(changes).toEqual([{ accepted: true, subgraphs: ['evaluation', 'membership', 'organization', 'zz-reload-test-province'] }]));
    phase = 'swapped';
    const served = await federation.post<{ reloadTestNotes: unknown }>('{ reloadTestNotes }');
    expect(served.data).toEqual({ reloadTestNotes: null });
    expect(served.errors?.[0]?.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, subgraph: 'zz-reload-test-province' });
    await until(() => expect(answeredIn('swapped')).toBeGreaterThan(20));

    // Not a supergraph at all, then one without a core subgraph: both refused, the served one kept.
    phase = 'refusing';
    replaceSupergraph('type Query {');
    await until(() => expect(changes).toHaveLength(2));
    replaceSupergraph(withoutCore);
    await until(() => expect(changes).toHaveLength(3));
    expect(changes[1]).toEqual({ accepted: false, reason: expect.stringMatching(/Syntax Error/) });
    expect(changes[2]).toEqual({ accepted: false, reason: 'it lacks the core subgraph evaluation' });
    phase = 'refused';
    expect((await federation.post('{ reloadTestNotes }')).errors?.[0]?.extensions?.code).toBe(SUBGRAPH_UNAVAILABLE);
    expect((await federation.post('{ evaluationAlerts(unitId: "x") { kind } }')).errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
    await until(() => expect(answeredIn('refused')).toBeGreaterThan(20));

    running = false;
    await Promise.all(clerks);
    for (const name of ['before', 'swapped', 'refused']) expect(answeredIn(name), name).toBeGreaterThan(0);
    // Requests were in flight at each change, and (below) every one of them was answered in full.
    expect(inFlightAtChange.every((count) => count > 0)).toBe(true);
    expect(answers.filter((answer) => answer.status !== 200 || answer.errors)).toEqual([]);
  });
});
