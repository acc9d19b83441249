import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH, SUPERGRAPH_PATH } from '../manifest.ts';
import { workspaceRoot } from './client-operations.ts';

/**
 * `npm run schema:check -- file` and `compose`, run as a team runs them: every failure is one message
 * per problem naming the subgraph and the place, no stack trace, a non-zero exit, nothing written.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

function run(script: 'schema-check/schema-check.ts' | 'compose.ts', ...args: string[]) {
  const before = { supergraph: readFileSync(SUPERGRAPH_PATH, 'utf8'), modified: statSync(SUPERGRAPH_PATH).mtimeMs, files: readdirSync(dir).sort() };
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('gateway/src', script), ...args], { cwd: workspaceRoot, encoding: 'utf8' });
  // Nothing written: the committed supergraph untouched, no file left beside the inputs.
  expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(before.supergraph);
  expect(statSync(SUPERGRAPH_PATH).mtimeMs).toBe(before.modified);
  expect(readdirSync(dir).sort()).toEqual(before.files);
  const problems = result.stderr.split('\n').filter((line) => line.startsWith('✗') || line.startsWith('- '));
  return { status: result.status, stderr: result.stderr, stdout: result.stdout, problems };
}

function sdl(name: string, text: string): string {
  const file = path.join(dir, `${name}.graphql`);
  writeFileSync(file, text);
  return file;
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/\n\s+at .+:\d+:\d+|node:internal|Error:/);

describe('schema:check', () => {
  it('passes a provincial SDL that composes, and warns about a non-null root field', () => {
    const result = run('schema-check/schema-check.ts', sdl('province-ok', `${LINK}\ntype Member @key(fields: "id") { id: ID! provinceNote: String }\ntype Query { provinceNotes: [String!]! }`), '--name', 'province-ok');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ subgraph "province-ok" composes');
    expect(result.stderr).toContain('⚠ subgraph "province-ok": root field Query.provinceNotes is non-null (line 3)');
  });

  it('refuses a conflicting SDL, naming the subgraph and the field', () => {
    const result = run('schema-check/schema-check.ts', sdl('province-conflict', `${LINK}\ntype OrgUnit @key(fields: "id") { id: ID! name: Int }`), '--name', 'province-conflict');
    expect(result.status).toBe(1);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem).toMatch(/^✗ subgraph "province-conflict": .*OrgUnit\.name/);
    noStackTrace(result.stderr);
  });

  it('refuses a breaking change to a committed subgraph, naming the field and the front-end operations it breaks', () => {
    const copy = path.join(dir, 'evaluation-src');
    cpSync(path.join(workspaceRoot, 'services/evaluation/src'), copy, { recursive: true, filter: (source) => statSync(source).isDirectory() || source.endsWith('.graphql') });
    const review = path.join(copy, 'review/review.graphql');
    writeFileSync(review, readFileSync(review, 'utf8').replace(/^.*latestReview: .*$/m, ''));
    const result = run('schema-check/schema-check.ts', copy, '--name', 'evaluation');
    expect(result.status).toBe(1);
    expect(result.problems).toContain('✗ subgraph "evaluation": breaking change against the committed supergraph: Member.latestReview was removed. (FIELD_REMOVED)');
    expect(result.problems.some((problem) => /^✗ subgraph "evaluation": breaks the front-end operation frontends\/.+latestReview/.test(problem))).toBe(true);
    for (const problem of result.problems) expect(problem).toMatch(/^✗ subgraph "evaluation": /);
    noStackTrace(result.stderr);
  });

  it('refuses a syntax error with the file, line and column', () => {
    const file = sdl('province-syntax', `${LINK}\ntype Member @key(fields: "id") {\n  id: ID!\n  note(: String\n}`);
    const result = run('schema-check/schema-check.ts', file, '--name', 'province-syntax');
    expect(result.status).toBe(1);
    expect(result.problems).toEqual([`✗ subgraph "province-syntax": syntax error in ${file}:4:8: Expected Name, found ":".`]);
    noStackTrace(result.stderr);
  });

  it('refuses a missing file', () => {
    const result = run('schema-check/schema-check.ts', path.join(dir, 'nowhere.graphql'), '--name', 'province-missing');
    expect(result.status).toBe(1);
    expect(result.problems).toEqual([`✗ subgraph "province-missing": schema file not found: ${path.join(dir, 'nowhere.graphql')}`]);
    noStackTrace(result.stderr);
  });
});

describe('compose reports the same way', () => {
  const committed = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { subgraphs: { name: string; url: string; schema: string }[] };
  const entries = committed.subgraphs.map((entry) => ({ ...entry, schema: path.resolve(path.dirname(MANIFEST_PATH), entry.schema) }));
  function manifest(name: string, extra: object[]): string {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ subgraphs: [...entries, ...extra] }));
    return file;
  }

  it('a duplicate name in the manifest', () => {
    const file = manifest('duplicate', [{ name: 'membership', url: 'http://127.0.0.1:4100/graphql', schema: sdl('dup', `${LINK}\ntype Query { x: Int }`) }]);
    const result = run('compose.ts', '--manifest', file, '--out', path.join(dir, 'never-written.graphql'));
    expect(result.status).toBe(1);
    expect(result.problems).toEqual([`- subgraph "membership" (manifest ${file}, entry 4): the name is already used by entry 2; every subgraph needs its own name`]);
    noStackTrace(result.stderr);
  });

  it('a syntax error and a missing file', () => {
    const broken = sdl('compose-syntax', 'type Query { x: Int');
    const syntax = run('compose.ts', '--manifest', manifest('syntax', [{ name: 'province-a', url: 'http://127.0.0.1:4100/graphql', schema: broken }]), '--out', path.join(dir, 'never-written.graphql'));
    expect(syntax.status).toBe(1);
    expect(syntax.problems).toEqual([`- subgraph "province-a": syntax error in ${broken}:1:20: Expected Name, found <EOF>.`]);
    const missing = run('compose.ts', '--manifest', manifest('missing', [{ name: 'province-b', url: 'http://127.0.0.1:4100/graphql', schema: path.join(dir, 'gone.graphql') }]), '--out', path.join(dir, 'never-written.graphql'));
    expect(missing.status).toBe(1);
    expect(missing.problems).toEqual([`- subgraph "province-b": schema file not found: ${path.join(dir, 'gone.graphql')}`]);
    noStackTrace(syntax.stderr + missing.stderr);
  });
});
