import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SubgraphEntry {
  name: string;
  /** Routing URL written into the supergraph; overridable at run time by `<NAME>_URL`. */
  url: string;
  /** SDL file, or a folder whose `*.graphql` files together make the SDL; relative to the manifest. */
  schema: string;
}

const gatewayDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const MANIFEST_PATH = path.join(gatewayDir, 'subgraphs.json');
export const SUPERGRAPH_PATH = path.join(gatewayDir, 'supergraph.graphql');

export function readManifest(manifestPath = MANIFEST_PATH): SubgraphEntry[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { subgraphs: SubgraphEntry[] };
  return manifest.subgraphs.map((entry) => ({ ...entry, schema: path.resolve(path.dirname(manifestPath), entry.schema) }));
}

/** The URL the gateway calls for a subgraph: `<NAME>_URL` from the environment, else the supergraph's. */
export function subgraphUrl(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`] || fallback;
}
