import path from 'node:path';
import { startEmbeddedPostgres, SUBGRAPHS, workspaceRoot } from '@dangvien/db';
import { orphanFiles, removeFiles, staleFiles, writeFiles, type GeneratedFile } from './drift.ts';
import { apiSchemaSdl, CLIENT_PACKAGES, graphqlOutputs, UI_OPERATIONS_MANIFEST } from './graphql-outputs.ts';
import { findRestatements } from './restatements.ts';
import { tableTypeOutputs } from './table-types.ts';

/**
 * `pnpm codegen`: writes every generated type file (resolver and SDL types per subgraph, typed documents
 * per front end, the contracts package, table types per subgraph). `--check` writes nothing and fails
 * when a committed file differs from what would be generated (CI runs it: no silent drift).
 * `--client` writes only the front ends' typed documents and the gateway's manifest of them (no database needed).
 * `--restatements` fails when a hand-written TypeScript type restates a GraphQL enum, input or type.
 */
export async function generatedFiles(root: string, serverUrl: string): Promise<GeneratedFile[]> {
  return [...(await graphqlOutputs(root)), ...(await tableTypeOutputs(root, serverUrl))];
}

async function main(): Promise<void> {
  const root = workspaceRoot();
  if (process.argv.includes('--restatements')) {
    const found = findRestatements(root, apiSchemaSdl(root));
    for (const entry of found) console.error(`${entry.file}:${entry.line} ${entry.name} restates ${entry.restates}: import the generated type instead.`);
    if (found.length > 0) process.exitCode = 1;
    else console.log('No hand-written type restates the GraphQL contract.');
    return;
  }
  if (process.argv.includes('--client')) {
    // Only the front ends' typed documents: fast, no database (while writing a page's queries).
    const clientDirs = CLIENT_PACKAGES.map((dir) => path.join(root, dir, 'src', 'generated') + path.sep);
    const manifest = path.join(root, UI_OPERATIONS_MANIFEST);
    const files = (await graphqlOutputs(root)).filter((file) => file.file === manifest || clientDirs.some((dir) => file.file.startsWith(dir)));
    writeFiles(files);
    console.log(`Wrote ${files.length} generated client files.`);
    return;
  }
  const check = process.argv.includes('--check');
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'codegen-postgres') });
  try {
    const files = await generatedFiles(root, external ?? embedded!.url);
    const folders = [...SUBGRAPHS.map((name) => `services/${name}`), ...CLIENT_PACKAGES, 'packages/contracts'].map((dir) => path.join(root, dir, 'src', 'generated'));
    const orphans = orphanFiles(folders, files);
    if (check) {
      const stale = [...staleFiles(files), ...orphans];
      if (stale.length > 0) {
        console.error(`Generated types are stale: run \`pnpm codegen\` and commit the result.\n- ${stale.map((file) => path.relative(root, file)).join('\n- ')}`);
        process.exitCode = 1;
      } else console.log(`${files.length} generated files are up to date.`);
    } else {
      writeFiles(files);
      removeFiles(orphans);
      console.log(`Wrote ${files.length} generated files${orphans.length > 0 ? `, removed ${orphans.length} no longer generated` : ''}.`);
    }
  } finally {
    await embedded?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
