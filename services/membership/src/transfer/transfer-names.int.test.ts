import { replicateOrgUnits } from '@dangvien/org-replica';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';
import { todayInVietnam } from '@dangvien/db';

let subgraph: TestSubgraph<MembershipDatabase>;
const [from, to] = [demoId('unit', 101), demoId('unit', 102)];
const names = ['Đặng Văn Một', 'Bùi Thị Hai', 'Lý Văn Ba'];

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  for (const [index, fullName] of names.entries()) {
    const created = await subgraph.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName, dateOfBirth: `198${index}-05-05` }, cellId: from, admittedOn: '2015-03-03' },
    });
    expect(created.errors).toBeUndefined();
    // Two letters leave the system: those members are no longer placed anywhere, yet their letters keep their names.
    const letter = index === 0 ? { toCellId: to } : { externalOrganization: 'Đảng bộ tỉnh Thái Bình' };
    const issued = await subgraph.post(`mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`, {
      input: { memberId: created.data!.createMember.id, kind: 'OFFICIAL', reason: 'JOB_CHANGE', letterNumber: `GT-${index}`, letterIssuedOn: todayInVietnam(), ...letter },
    });
    expect(issued.errors).toBeUndefined();
  }
});
afterAll(async () => subgraph.close());

describe('the names on transfer letters', () => {
  it('are read for every letter in one statement, also for members who left the caller’s subtrees', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ memberTransfers: { memberName: string; member: { id: string } | null }[] }>(
      `query ($unitId: ID!) { memberTransfers(unitId: $unitId) { memberName member { id } } }`,
      { unitId: from },
      callerWith({ role: 'CELL_SECRETARY', scopeUnitId: from }),
    );
    expect(response.errors).toBeUndefined();
    const transfers = response.data!.memberTransfers;
    expect(transfers.map((transfer) => transfer.memberName).sort()).toEqual([...names].sort());
    // The member whose letter within the system is not yet presented is still in this cell; the two who left the
    // system were last held by it, so their records stay hers to read (docs/permissions.md, members who have left).
    expect(transfers.filter((transfer) => transfer.member !== null)).toHaveLength(3);
    expect(subgraph.queries.filter((sql) => sql.includes('from "member"'))).toHaveLength(1);
  });
});
