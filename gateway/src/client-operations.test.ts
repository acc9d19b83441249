import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './manifest.ts';
import { maxPageSizeRule, requireFirstRule } from './limits/page-size.ts';
import { documentHash, loadUiOperations } from './persisted/ui-operations.ts';

/**
 * A schema change must not break the operations the front ends already send: every document written
 * with a package's generated `graphql(`…`)` function is validated against the committed supergraph's
 * API. (Codegen types the same documents from the same schema; this test says which document broke.)
 */
const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Each folder holding one package's sources: its documents may share that package's fragments. */
/** The packages whose documents codegen types (the shell sends none). */
const CLIENT_PACKAGES = ['packages/ui', 'frontends/district', 'frontends/ward', 'frontends/cell'];
const PACKAGES = [...readdirSync(path.join(root, 'frontends')).map((name) => path.join('frontends', name, 'src')), 'packages/ui/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    // generated/ holds the preset's own output (and a graphql(`…`) example in a comment).
    if (name === 'node_modules' || name === 'dist' || name === 'generated') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The documents of `graphql(`…`)` calls in a source file (template literals without interpolation, as codegen requires). */
function documentsIn(source: string): string[] {
  return [...source.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((match) => match[1]!);
}

interface ClientOperation {
  file: string;
  pkg: string;
  document: DocumentNode;
}

const operations: ClientOperation[] = PACKAGES.filter((pkg) => statSync(path.join(root, pkg), { throwIfNoEntry: false })?.isDirectory()).flatMap((pkg) =>
  sourceFiles(path.join(root, pkg)).flatMap((file) =>
    documentsIn(readFileSync(file, 'utf8')).map((text) => ({ file: path.relative(root, file), pkg, document: parse(text) })),
  ),
);

/** A document with the fragments of its package (the preset lets any document spread them). */
function validateWithFragments(schema: GraphQLSchema, document: DocumentNode, fragments: DocumentNode['definitions']): string[] {
  const definitions = [...document.definitions, ...fragments.filter((fragment) => !document.definitions.includes(fragment))];
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  return validate(schema, { kind: Kind.DOCUMENT, definitions }, rules).map((error) => error.message);
}

const fragmentsOf = (pkg: string) =>
  operations.filter((operation) => operation.pkg === pkg).flatMap((operation) => operation.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION));

// Through SDL text: federation-internals loads graphql as CommonJS, the test as ESM, and graphql refuses
// a schema object from "another realm".
const apiSchema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema()));

describe('operations the front ends send', () => {
  it('are found (one per module at least)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const pkg of ['frontends/cell/src', 'frontends/ward/src', 'frontends/district/src', 'packages/ui/src']) {
      expect(operations.some((operation) => operation.pkg === pkg)).toBe(true);
    }
  });

  const label = ({ file, document }: ClientOperation) =>
    `${file} ${document.definitions.map((definition) => ('name' in definition ? definition.name?.value : undefined) ?? '(unnamed)').join(', ')}`;
  it.each(operations.map((operation) => [label(operation), operation] as const))('%s is valid against the supergraph', (_label, operation) => {
    expect(validateWithFragments(apiSchema, operation.document, fragmentsOf(operation.pkg))).toEqual([]);
  });

  it('are named, so codegen can type them', () => {
    const unnamed = operations.filter((operation) => operation.document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && !definition.name));
    expect(unnamed.map((operation) => operation.file)).toEqual([]);
  });

  it('are all written with graphql(): a bare GraphQL string would be neither typed nor checked here', () => {
    const bare = PACKAGES.filter((pkg) => statSync(path.join(root, pkg), { throwIfNoEntry: false })?.isDirectory())
      .flatMap((pkg) => sourceFiles(path.join(root, pkg)))
      .filter((file) => /\/\* GraphQL \*\/|\bgql`/.test(readFileSync(file, 'utf8')));
    expect(bare.map((file) => path.relative(root, file))).toEqual([]);
  });

  it.each(operations.map((operation) => [label(operation), operation] as const))('%s pages every paged list (first, at most 500)', (_label, operation) => {
    const definitions = [...operation.document.definitions, ...fragmentsOf(operation.pkg).filter((fragment) => !operation.document.definitions.includes(fragment))];
    const errors = validate(apiSchema, { kind: Kind.DOCUMENT, definitions }, [requireFirstRule, maxPageSizeRule(500)]);
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('are all in the gateway’s manifest, as the built front ends send them (the generated documents)', () => {
    const manifest = loadUiOperations();
    const sent = CLIENT_PACKAGES.flatMap((pkg) =>
      [...readFileSync(path.join(root, pkg, 'src/generated/graphql.ts'), 'utf8').matchAll(/new TypedDocumentString\(`([^`]*)`/g)].map((match) => parse(match[1]!)),
    );
    expect(sent.length).toBeGreaterThanOrEqual(operations.length / 2);
    expect(sent.filter((document) => !manifest.has(document)).map(documentHash)).toEqual([]);
    expect(manifest.size).toBe(new Set(sent.map(documentHash)).size);
  });

  it('would catch a breaking change', () => {
    const [document] = documentsIn('export const Q = graphql(`\n  query Removed { orgUnits(kind: CELL) { id removedField } }\n`);');
    expect(document).toBeDefined();
    expect(validateWithFragments(apiSchema, parse(document!), [])).toEqual([expect.stringContaining('removedField')]);
  });
});
