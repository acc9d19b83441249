import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads and parses a subgraph's SDL file (kept beside the code as the contract between teams). */
export function loadSchemaFile(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
