import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './manifest.ts';
import { maxPageSizeRule, requireFirstRule } from './limits/page-size.ts';
import { documentHash, loadUiOperations } from './persisted/ui-operations.ts';
import {
  CLIENT_PACKAGES,
  clientOperations,
  documentsIn,
  fragmentsOf as fragmentsOfPackage,
  operationLabel as label,
  sourceFiles,
  validateWithFragments,
  workspaceRoot,
} from './schema-check/client-operations.ts';

/**
 * A schema change must not break the operations the front ends already send: every document written
 * with a package's generated `graphql(`…`)` function is validated against the committed supergraph's
 * API. (Codegen types the same documents from the same schema; this test says which document broke.)
 */
const root = workspaceRoot;
const PACKAGES = CLIENT_PACKAGES;
const operations = clientOperations();
const fragmentsOf = (pkg: string) => fragmentsOfPackage(operations, pkg);

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
    // The packages codegen types (the shell sends none): what their bundles send is the generated text.
    const typed = PACKAGES.map((pkg) => path.join(root, pkg, 'generated/graphql.ts')).filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
    const sent = typed.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new TypedDocumentString\(`([^`]*)`/g)].map((match) => parse(match[1]!)));
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
