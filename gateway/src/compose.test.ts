import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.ts';
import { readManifest, SUPERGRAPH_PATH } from './manifest.ts';

describe('supergraph composition', () => {
  it('composes the manifest into exactly the committed supergraph file', () => {
    const result = composeSupergraph();
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  });

  it('reports a subgraph that conflicts with the others before anything goes live', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compose-'));
    // A provincial subgraph that redefines OrgUnit.name with another type.
    writeFileSync(
      path.join(dir, 'province.graphql'),
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
       type OrgUnit @key(fields: "id") { id: ID! name: Int }
       type Query { provinceHello: String }`,
    );
    const subgraphs = [...readManifest(), { name: 'province', url: 'http://127.0.0.1:4100/graphql', schema: path.join(dir, 'province.graphql') }];
    writeFileSync(path.join(dir, 'subgraphs.json'), JSON.stringify({ subgraphs }));
    const result = composeSupergraph(path.join(dir, 'subgraphs.json'));
    expect(result.supergraphSdl).toBeUndefined();
    expect(result.errors?.join('\n')).toMatch(/OrgUnit\.name/);
  });

  // A name no real subgraph will take, so a province's own subgraph never collides with this test.
  it('composes a well-formed provincial subgraph that extends Member', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compose-'));
    writeFileSync(
      path.join(dir, 'fixture.graphql'),
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
       type Member @key(fields: "id") { id: ID! composeTestRank: String }`,
    );
    const subgraphs = [...readManifest(), { name: 'zz-compose-test-fixture', url: 'http://127.0.0.1:4100/graphql', schema: path.join(dir, 'fixture.graphql'), optional: true }];
    writeFileSync(path.join(dir, 'subgraphs.json'), JSON.stringify({ subgraphs }));
    const result = composeSupergraph(path.join(dir, 'subgraphs.json'));
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toContain('composeTestRank: String @join__field(graph: ZZ_COMPOSE_TEST_FIXTURE)');
  });
});
