import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import { migrations as organizationMigrations } from '@dangvien/organization/migrations';
import { testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { staleFiles } from './drift.ts';
import { graphqlOutputs } from './graphql-outputs.ts';
import { tableTypeOutputs } from './table-types.ts';

/**
 * The drift check `npm test` runs (`pnpm codegen --check`), on a copy of the repository's organization
 * subgraph: as committed it is fresh; a changed contract or a new migration makes it stale.
 */
const root = workspaceRoot();
const copies: string[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

function copyOfOrganization(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'dangvien-drift-'));
  copies.push(copy);
  for (const part of ['services/organization/codegen.ts', 'services/organization/src', 'gateway/supergraph.graphql', 'packages/contracts/src/generated']) {
    cpSync(path.join(root, part), path.join(copy, part), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }
  return copy;
}

const relative = (copy: string) => (file: string) => path.relative(copy, file);

describe('generated types are checked for drift', () => {
  it('finds the committed GraphQL types fresh, and stale once a .graphql file changes without regenerating', async () => {
    const copy = copyOfOrganization();
    expect(staleFiles(await graphqlOutputs(copy, ['organization'], []))).toEqual([]);

    appendFileSync(path.join(copy, 'services/organization/src/schema.graphql'), '\nextend type Query { driftProbe: Int }\n');
    const stale = staleFiles(await graphqlOutputs(copy, ['organization'], [])).map(relative(copy));
    expect(stale).toEqual(['services/organization/src/generated/graphql.ts', 'services/organization/src/generated/resolvers.ts']);
  });

  it('finds the committed table types fresh, and stale once a migration changes a table without regenerating', async () => {
    const copy = copyOfOrganization();
    expect(staleFiles(await tableTypeOutputs(copy, testServerUrl(), ['organization']))).toEqual([]);

    const withNewColumn = {
      ...organizationMigrations,
      '2099_01_01_00_00_00_drift_probe': { up: async (db: Kysely<unknown>) => void (await sql`ALTER TABLE org_unit ADD COLUMN drift_probe text`.execute(db)) },
    };
    const stale = staleFiles(await tableTypeOutputs(copy, testServerUrl(), ['organization'], () => withNewColumn)).map(relative(copy));
    expect(stale).toEqual(['services/organization/src/generated/tables.ts']);
  });
});
