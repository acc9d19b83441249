import { demoDataSet, demoId } from '@dangvien/demo-data';
import { replicateOrgUnits } from '@dangvien/org-replica';
import { startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';
import { insertMembers } from './member.repository.ts';

let subgraph: TestSubgraph<MembershipDatabase>;
const cellA = demoId('unit', 101);
const cellB = demoId('unit', 102);

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  // The tree as organization's events would have delivered it.
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  await subgraph.db.transaction().execute((trx) => insertMembers(trx, [
    { id: demoId('member', 1), full_name: 'Nguyễn Văn Bình', status: 'OFFICIAL', cell_id: cellA },
    { id: demoId('member', 2), full_name: 'Trần Thị Ánh', status: 'OFFICIAL', cell_id: cellA },
    { id: demoId('member', 3), full_name: 'Lê Văn An', status: 'PROBATIONARY', cell_id: cellA },
    { id: demoId('member', 4), full_name: 'Đỗ Thị Yến', status: 'EXEMPT', cell_id: cellA },
    { id: demoId('member', 5), full_name: 'Phạm Đức Dũng', status: 'OFFICIAL', cell_id: cellB },
  ]));
});
afterAll(async () => subgraph.close());

const MEMBERS_OF_CELLS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on OrgUnit { id members { fullName status cell { id } } } }
}`;

describe('membership subgraph', () => {
  it('lists a cell’s members sorted the Vietnamese way: by given name, diacritics-aware', async () => {
    const response = await subgraph.post<{ _entities: { members: { fullName: string }[] }[] }>(MEMBERS_OF_CELLS, {
      representations: [{ __typename: 'OrgUnit', id: cellA }],
    });
    expect(response.errors).toBeUndefined();
    // Given names An < Ánh < Bình < Yến; sorting whole names would put Đỗ, Lê, Nguyễn, Trần.
    expect(response.data!._entities[0]!.members.map((member) => member.fullName)).toEqual([
      'Lê Văn An',
      'Trần Thị Ánh',
      'Nguyễn Văn Bình',
      'Đỗ Thị Yến',
    ]);
  });

  it('loads the members of several cells in one SQL statement', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ _entities: { id: string; members: { cell: { id: string } }[] }[] }>(MEMBERS_OF_CELLS, {
      representations: [cellA, cellB, demoId('unit', 103)].map((id) => ({ __typename: 'OrgUnit', id })),
    });
    const [a, b, empty] = response.data!._entities;
    expect(a!.members).toHaveLength(4);
    expect(b!.members.map((member) => member.cell.id)).toEqual([cellB]);
    expect(empty!.members).toEqual([]);
    expect(subgraph.queries.filter((sql) => sql.includes('from "member_placement"'))).toHaveLength(1);
  });

  it('resolves a member by id and null for an unknown one', async () => {
    const response = await subgraph.post<{ known: { fullName: string; status: string }; unknown: null }>(`query ($known: ID!, $unknown: ID!) { known: member(id: $known) { fullName status } unknown: member(id: $unknown) { fullName } }`,
      { known: demoId('member', 3), unknown: demoId('member', 999) },
    );
    expect(response.data).toEqual({ known: { fullName: 'Lê Văn An', status: 'PROBATIONARY' }, unknown: null });
  });

  it('refuses names that are not in Unicode NFC, so search and uniqueness stay reliable', async () => {
    const decomposed = 'Nguyễn Văn Tâm'.normalize('NFD');
    await expect(
      subgraph.db.transaction().execute((trx) => insertMembers(trx, [{ id: demoId('member', 6), full_name: decomposed, status: 'OFFICIAL', cell_id: cellB }])),
    ).rejects.toThrow(/check constraint/);
  });

  it('seeds the demo members into an empty database', async () => {
    const fresh = await startTestSubgraph(membershipSubgraph, { seedDemo: true });
    try {
      const rows = await fresh.db.selectFrom('member').select('id').execute();
      expect(rows).toHaveLength(demoDataSet().members.length);
    } finally {
      await fresh.close();
    }
  });
});
