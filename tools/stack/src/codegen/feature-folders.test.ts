import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS, workspaceRoot } from '@dangvien/db';
import { describe, expect, it } from 'vitest';

/**
 * "A feature is one folder": every folder of a subgraph's `src/` that holds part of its SDL holds its
 * resolvers, its repository and its tests too. The other folders are named here with what they are.
 */
const NOT_GRAPHQL_FEATURES: Record<string, string> = {
  generated: 'written by pnpm codegen',
  migrations: 'frozen in time, one set per subgraph',
  bulk: "the subgraph's writers for bulk data (generator, demo seed)",
  scope: 'scope checks shared by the features',
  replica: "copies of other subgraphs' data kept from their events",
  'member-replica': "copies of membership's placements kept from its events",
  residence: "evaluation's copy of Regulation 213 facts, kept from membership's events",
};

const root = workspaceRoot();
const folders = SUBGRAPHS.flatMap((subgraph) => {
  const src = path.join(root, 'services', subgraph, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ subgraph, name: entry.name, files: readdirSync(path.join(src, entry.name)) }));
});

describe('feature folders', () => {
  for (const { subgraph, name, files } of folders) {
    const sdl = files.filter((file) => file.endsWith('.graphql'));
    if (sdl.length === 0) {
      it(`${subgraph}/${name} is a named support folder`, () => {
        expect(NOT_GRAPHQL_FEATURES[name], `${subgraph}/src/${name} holds no SDL: give it one or say here what it is`).toBeDefined();
      });
      continue;
    }
    it(`${subgraph}/${name} holds its SDL, resolvers, repository and tests`, () => {
      const feature = sdl[0]!.replace(/\.graphql$/, '');
      expect(sdl).toEqual([`${feature}.graphql`]);
      expect(files).toContain(`${feature}.resolvers.ts`);
      expect(files).toContain(`${feature}.repository.ts`);
      expect(files.some((file) => file.endsWith('.test.ts'))).toBe(true);
    });
  }

  it('finds the subgraphs it checks', () => {
    expect(folders.length).toBeGreaterThan(20);
    expect(existsSync(path.join(root, 'services', 'membership', 'src', 'transfer', 'transfer.graphql'))).toBe(true);
  });
});
