import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/**
 * The SDL files of a subgraph: one file, or every `*.graphql` under a folder (sorted), so each feature
 * folder keeps its own part of the contract beside its resolvers.
 */
export function schemaFiles(location: string | URL): string[] {
  const file = typeof location === 'string' ? location : fileURLToPath(location);
  if (!statSync(file).isDirectory()) return [file];
  return readdirSync(file, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.graphql') && !name.split(path.sep).includes('node_modules'))
    .sort()
    .map((name) => path.join(file, name));
}

/** Reads a subgraph's SDL (a file or a folder of them) as one document: the contract between teams. */
export function readSchemaSource(location: string | URL): string {
  return schemaFiles(location)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

export function loadSchemaFile(location: string | URL): DocumentNode {
  return parse(readSchemaSource(location));
}
