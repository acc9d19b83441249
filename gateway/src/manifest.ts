import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from '@dangvien/server';
import { GraphQLError, parse, type DocumentNode } from 'graphql';

export interface SubgraphEntry {
  name: string;
  /** Routing URL written into the supergraph; overridable at run time by `<NAME>_URL`. */
  url: string;
  /** SDL file, or a folder whose `*.graphql` files together make the SDL; relative to the manifest. */
  schema: string;
  /**
   * A provincial subgraph: its absence never fails the gateway's health, its errors answer as nulls
   * with an error naming it, and its root fields must be nullable (docs/provincial-subgraph.md).
   */
  optional?: boolean;
}

const gatewayDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const MANIFEST_PATH = path.join(gatewayDir, 'subgraphs.json');
export const SUPERGRAPH_PATH = path.join(gatewayDir, 'supergraph.graphql');

/** A problem in the manifest or a subgraph's SDL, as one sentence naming the subgraph and the place: printed as is, never with a stack. */
export class SchemaProblem extends Error {
  override name = 'SchemaProblem';
}

const relative = (file: string) => {
  const fromHere = path.relative(process.cwd(), file);
  return fromHere && !fromHere.startsWith('..') ? fromHere : file;
};

export function readManifest(manifestPath = MANIFEST_PATH): SubgraphEntry[] {
  if (!existsSync(manifestPath)) throw new SchemaProblem(`manifest ${relative(manifestPath)}: file not found`);
  let manifest: { subgraphs?: unknown };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { subgraphs?: unknown };
  } catch (error) {
    throw new SchemaProblem(`manifest ${relative(manifestPath)}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(manifest.subgraphs)) throw new SchemaProblem(`manifest ${relative(manifestPath)}: "subgraphs" must be a list`);
  const seen = new Map<string, number>();
  return manifest.subgraphs.map((raw: unknown, index) => {
    const entry = raw as Partial<SubgraphEntry>;
    const place = `manifest ${relative(manifestPath)}, entry ${index + 1}`;
    if (typeof entry?.name !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(entry.name)) {
      throw new SchemaProblem(`${place}: "name" must be lower-case letters, digits, - or _ (got ${JSON.stringify(entry?.name)})`);
    }
    const subgraph = `subgraph "${entry.name}" (${place})`;
    const first = seen.get(entry.name);
    if (first !== undefined) throw new SchemaProblem(`${subgraph}: the name is already used by entry ${first + 1}; every subgraph needs its own name`);
    seen.set(entry.name, index);
    if (typeof entry.url !== 'string' || !/^https?:\/\//.test(entry.url)) throw new SchemaProblem(`${subgraph}: "url" must be an http(s) URL`);
    if (typeof entry.schema !== 'string') throw new SchemaProblem(`${subgraph}: "schema" must name an SDL file or folder`);
    if (entry.optional !== undefined && typeof entry.optional !== 'boolean') throw new SchemaProblem(`${subgraph}: "optional" must be true or false`);
    return { name: entry.name, url: entry.url, schema: path.resolve(path.dirname(manifestPath), entry.schema), ...(entry.optional ? { optional: true } : {}) };
  });
}

/** A subgraph's SDL as one document; a missing file or a syntax error is one SchemaProblem naming the subgraph, the file, line and column. */
export function readSubgraphSdl(entry: Pick<SubgraphEntry, 'name' | 'schema'>): DocumentNode {
  if (!existsSync(entry.schema)) throw new SchemaProblem(`subgraph "${entry.name}": schema file not found: ${relative(entry.schema)}`);
  const files = schemaFiles(entry.schema);
  if (files.length === 0) throw new SchemaProblem(`subgraph "${entry.name}": no .graphql file in ${relative(entry.schema)}`);
  const definitions = files.flatMap((file) => {
    try {
      return parse(readFileSync(file, 'utf8')).definitions;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const at = error.locations?.[0];
      throw new SchemaProblem(`subgraph "${entry.name}": syntax error in ${relative(file)}${at ? `:${at.line}:${at.column}` : ''}: ${error.message.replace(/^Syntax Error: /, '')}`);
    }
  });
  return { kind: 'Document', definitions } as DocumentNode;
}

/** The URL the gateway calls for a subgraph: `<NAME>_URL` from the environment, else the supergraph's. */
export function subgraphUrl(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`] || fallback;
}
