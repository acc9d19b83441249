import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './manifest.ts';

/**
 * A schema change must not break the operations the front ends already send: every
 * `/* GraphQL *\/` document in the front ends is validated against the committed supergraph's API.
 */
const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SOURCES = ['frontends', 'packages/ui/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const operations = SOURCES.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((match) => ({ file: path.relative(root, file), document: match[1]! })),
);
// Through SDL text: federation-internals loads graphql as CommonJS, the test as ESM, and graphql refuses
// a schema object from "another realm".
const apiSchema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema()));

describe('operations the front ends send', () => {
  it('are found (one per module at least)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(4);
  });

  it.each(operations.map((operation) => [operation.file, operation.document] as const))('%s is valid against the supergraph', (_file, document) => {
    expect(validate(apiSchema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('would catch a breaking change', () => {
    expect(validate(apiSchema, parse('{ orgUnits(kind: CELL) { removedField } }'))).not.toEqual([]);
  });
});
