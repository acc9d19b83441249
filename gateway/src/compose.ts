import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { MANIFEST_PATH, readManifest, readSubgraphSdl, SchemaProblem, SUPERGRAPH_PATH, type SubgraphEntry } from './manifest.ts';

export type Composition =
  | { supergraphSdl: string; hints: string[]; errors?: undefined }
  | { supergraphSdl?: undefined; hints?: undefined; errors: string[] };

/**
 * Composes subgraphs with @apollo/composition. Every problem (a manifest mistake, a missing file, a
 * syntax error, a conflict) comes back as one message naming the subgraph at fault, never thrown.
 */
export function composeSubgraphs(entries: readonly SubgraphEntry[]): Composition {
  let services;
  try {
    services = entries.map((entry) => ({ name: entry.name, url: entry.url, typeDefs: readSubgraphSdl(entry) }));
  } catch (error) {
    if (error instanceof SchemaProblem) return { errors: [error.message] };
    throw error;
  }
  const result = composeServices(services);
  const hints = (result.hints ?? []).map((hint) => hint.toString());
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, hints };
}

/** Composes the subgraphs of a manifest (see composeSubgraphs). */
export function composeSupergraph(manifestPath = MANIFEST_PATH): Composition {
  try {
    return composeSubgraphs(readManifest(manifestPath));
  } catch (error) {
    if (error instanceof SchemaProblem) return { errors: [error.message] };
    throw error;
  }
}

function main(args: string[]): void {
  const check = args.includes('--check');
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  // Another manifest and output (a province trying its entry locally); default the committed ones.
  const manifestPath = option('--manifest') ?? MANIFEST_PATH;
  const outPath = option('--out') ?? SUPERGRAPH_PATH;
  const result = composeSupergraph(manifestPath);
  if (result.errors) {
    console.error(`Composition failed, nothing written:\n- ${result.errors.join('\n- ')}`);
    process.exit(1);
  }
  if (check) {
    if (!existsSync(outPath) || readFileSync(outPath, 'utf8') !== result.supergraphSdl) {
      console.error('gateway/supergraph.graphql is stale: run `pnpm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date.');
    return;
  }
  // Written beside, then renamed: a running gateway that reloads the file never reads half of it.
  writeFileSync(`${outPath}.next`, result.supergraphSdl);
  renameSync(`${outPath}.next`, outPath);
  console.log(`Wrote ${outPath}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    // Anything unforeseen: its message, not a stack.
    console.error(`Composition failed, nothing written: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
