import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * The operations the front ends send: every document written with a package's generated
 * `graphql(`…`)` function. Schema changes are checked against them (client-operations.test.ts,
 * schema:check).
 */
export const workspaceRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** Each folder holding one package's sources: its documents may share that package's fragments. */
export const CLIENT_PACKAGES = [...readdirSync(path.join(workspaceRoot, 'frontends')).map((name) => path.join('frontends', name, 'src')), 'packages/ui/src'].filter(
  (pkg) => statSync(path.join(workspaceRoot, pkg), { throwIfNoEntry: false })?.isDirectory(),
);

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    // generated/ holds the preset's own output (and a graphql(`…`) example in a comment).
    if (name === 'node_modules' || name === 'dist' || name === 'generated') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The documents of `graphql(`…`)` calls in a source file (template literals without interpolation, as codegen requires). */
export function documentsIn(source: string): string[] {
  return [...source.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((match) => match[1]!);
}

export interface ClientOperation {
  file: string;
  pkg: string;
  document: DocumentNode;
}

export function clientOperations(): ClientOperation[] {
  return CLIENT_PACKAGES.flatMap((pkg) =>
    sourceFiles(path.join(workspaceRoot, pkg)).flatMap((file) =>
      documentsIn(readFileSync(file, 'utf8')).map((text) => ({ file: path.relative(workspaceRoot, file), pkg, document: parse(text) })),
    ),
  );
}

export const operationLabel = ({ file, document }: ClientOperation) =>
  `${file} ${document.definitions.map((definition) => ('name' in definition ? definition.name?.value : undefined) ?? '(unnamed)').join(', ')}`;

/** A document with the fragments of its package (the preset lets any document spread them). */
export function validateWithFragments(schema: GraphQLSchema, document: DocumentNode, fragments: DocumentNode['definitions']): string[] {
  const definitions = [...document.definitions, ...fragments.filter((fragment) => !document.definitions.includes(fragment))];
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  return validate(schema, { kind: Kind.DOCUMENT, definitions }, rules).map((error) => error.message);
}

export const fragmentsOf = (operations: readonly ClientOperation[], pkg: string) =>
  operations.filter((operation) => operation.pkg === pkg).flatMap((operation) => operation.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION));
