import { replicateOrgUnits } from '@dangvien/org-replica';
import { demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';
import { insertMembers } from '../member/member.repository.ts';

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

describe('cell rosters in the subgraph', () => {
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
});
