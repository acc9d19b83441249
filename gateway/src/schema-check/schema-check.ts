import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, findBreakingChanges, findDangerousChanges, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { composeSubgraphs } from '../compose.ts';
import { MANIFEST_PATH, readManifest, readSubgraphSdl, SchemaProblem, SUPERGRAPH_PATH, type SubgraphEntry } from '../manifest.ts';
import { clientOperations, fragmentsOf, operationLabel, validateWithFragments } from './client-operations.ts';

export interface SchemaCheckOptions {
  /** The candidate SDL: a file, or a folder of `*.graphql` files. */
  schema: string;
  /** Its subgraph name; default: the manifest entry with that schema path, else the file's name. */
  name?: string;
  manifestPath?: string;
  /** The supergraph to compare with; default the committed one. */
  supergraphPath?: string;
}

export interface SchemaCheckReport {
  subgraph: string;
  /** Each one sentence naming the subgraph and the place; any error fails the check. */
  errors: string[];
  warnings: string[];
}

/**
 * What a team runs before asking for its subgraph to be composed in: the manifest with its SDL in
 * place (added, or replacing its entry) must compose, must not break the committed supergraph's API
 * nor the operations the front ends send. Writes nothing.
 */
export function checkSubgraphSchema(options: SchemaCheckOptions): SchemaCheckReport {
  const schema = path.resolve(options.schema);
  let subgraph = options.name ?? path.basename(schema).replace(/\.graphqls?$/, '');
  try {
    const manifest = readManifest(options.manifestPath ?? MANIFEST_PATH);
    const listed = manifest.find((entry) => (options.name ? entry.name === options.name : entry.schema === schema));
    subgraph = listed?.name ?? subgraph;
    const candidate: SubgraphEntry = listed ? { ...listed, schema } : { name: subgraph, url: `http://${subgraph}.invalid/graphql`, schema, optional: true };
    const entries = listed ? manifest.map((entry) => (entry === listed ? candidate : entry)) : [...manifest, candidate];
    const composition = composeSubgraphs(entries);
    if (composition.errors) return { subgraph, errors: composition.errors.map((error) => (error.startsWith('subgraph "') || error.startsWith('manifest ') ? error : named(subgraph, `composition: ${error}`))), warnings: [] };
    const warnings = composition.hints.filter((hint) => hint.includes(`"${subgraph}"`)).map((hint) => named(subgraph, `composition hint: ${hint}`));
    if (candidate.optional) warnings.push(...nonNullRootFields(subgraph, readSubgraphSdl(candidate)));
    const before = apiSchemaOf(readFileSync(options.supergraphPath ?? SUPERGRAPH_PATH, 'utf8'));
    const after = apiSchemaOf(composition.supergraphSdl);
    const errors = findBreakingChanges(before, after).map((change) => named(subgraph, `breaking change against the committed supergraph: ${change.description} (${change.type})`));
    warnings.push(...findDangerousChanges(before, after).map((change) => named(subgraph, `dangerous change: ${change.description}`)));
    const operations = clientOperations();
    for (const operation of operations) {
      const problems = validateWithFragments(after, operation.document, fragmentsOf(operations, operation.pkg));
      if (problems.length > 0) errors.push(named(subgraph, `breaks the front-end operation ${operationLabel(operation)}: ${problems.join('; ')}`));
    }
    return { subgraph, errors, warnings };
  } catch (error) {
    if (error instanceof SchemaProblem) return { subgraph, errors: [error.message], warnings: [] };
    throw error;
  }
}

const named = (subgraph: string, message: string) => (message.startsWith(`subgraph "${subgraph}"`) ? message : `subgraph "${subgraph}": ${message}`);

// Through SDL text: federation-internals loads graphql as CommonJS, this module as ESM, and graphql
// refuses a schema object from "another realm".
function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
}

/** An optional subgraph's non-null root field would null the whole answer when that subgraph is down. */
function nonNullRootFields(subgraph: string, document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) => {
    if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || !['Query', 'Mutation'].includes(definition.name.value)) return [];
    return (definition.fields ?? [])
      // _service and _entities are federation's own, answered by every subgraph library.
      .filter((field) => field.type.kind === Kind.NON_NULL_TYPE && !field.name.value.startsWith('_'))
      .map((field) => named(subgraph, `root field ${definition.name.value}.${field.name.value} is non-null${field.loc ? ` (line ${field.loc.startToken.line})` : ''}: an optional subgraph's root fields must be nullable, so its outage nulls only its own fields, not the whole answer`));
  });
}

function main(argv: string[]): number {
  const args = argv.filter((arg) => arg !== '--');
  const options = new Map<string, string | undefined>();
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    if (args[index]!.startsWith('--')) options.set(args[index]!, args[++index]);
    else positional.push(args[index]!);
  }
  const name = options.get('--name');
  const manifestPath = options.get('--manifest');
  const schema = positional[0];
  if (!schema) {
    console.error('Usage: npm run schema:check -- path/to/schema.graphql [--name subgraph-name] [--manifest path/to/subgraphs.json]');
    return 2;
  }
  if (!existsSync(schema)) {
    console.error(`✗ subgraph "${name ?? path.basename(schema).replace(/\.graphqls?$/, '')}": schema file not found: ${schema}`);
    return 1;
  }
  const report = checkSubgraphSchema({ schema, name, manifestPath });
  for (const warning of report.warnings) console.warn(`⚠ ${warning}`);
  for (const error of report.errors) console.error(`✗ ${error}`);
  if (report.errors.length > 0) {
    console.error(`schema:check failed for subgraph "${report.subgraph}" (${report.errors.length} problem${report.errors.length > 1 ? 's' : ''}); nothing was written.`);
    return 1;
  }
  console.log(`✓ subgraph "${report.subgraph}" composes with the committed supergraph, breaks no field and no front-end operation${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length > 1 ? 's' : ''})` : ''}.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    console.error(`✗ schema:check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
