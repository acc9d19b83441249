import { demoSeed } from '@dangvien/stack/demo-seed';
import { replicateOrgUnits } from '@dangvien/org-replica';
import { demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
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

describe('membership subgraph', () => {
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
    const fresh = await startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership });
    try {
      const rows = await fresh.db.selectFrom('member').select('id').execute();
      expect(rows).toHaveLength(demoDataSet().members.length);
    } finally {
      await fresh.close();
    }
  });
});
