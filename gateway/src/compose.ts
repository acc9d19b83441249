import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSchemaSource } from '@dangvien/server';
import { MANIFEST_PATH, readManifest, SUPERGRAPH_PATH } from './manifest.ts';

export type Composition = { supergraphSdl: string; errors?: undefined } | { supergraphSdl?: undefined; errors: string[] };

/** Composes the subgraphs of a manifest with @apollo/composition; errors name the subgraph at fault. */
export function composeSupergraph(manifestPath = MANIFEST_PATH): Composition {
  const services = readManifest(manifestPath).map((entry) => ({
    name: entry.name,
    url: entry.url,
    typeDefs: parse(readSchemaSource(entry.schema)),
  }));
  const result = composeServices(services);
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n` };
}

function main(): void {
  const check = process.argv.includes('--check');
  const result = composeSupergraph();
  if (result.errors) {
    console.error(`Composition failed:\n- ${result.errors.join('\n- ')}`);
    process.exit(1);
  }
  const committed = readFileSync(SUPERGRAPH_PATH, { encoding: 'utf8', flag: 'a+' });
  if (check) {
    if (committed !== result.supergraphSdl) {
      console.error('gateway/supergraph.graphql is stale: run `pnpm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date.');
    return;
  }
  writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
  console.log(`Wrote ${SUPERGRAPH_PATH}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
