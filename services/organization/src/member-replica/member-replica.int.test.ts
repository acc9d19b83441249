import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';
import { activeMemberIdsOf, applyMemberPlaced, applyMembersMoved, memberPlacedUnder } from './member-replica.repository.ts';

/** Organization's copy of where members are, as membership's MemberPlaced and MembersMoved events leave it. */
let subgraph: TestSubgraph<OrganizationDatabase>;
const unit = (n: number) => demoId('unit', n);
const member = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
});
afterAll(async () => subgraph?.close());

describe('the member placement replica', () => {
  it('keeps the latest placement of each member, moves members together, and leaves out those who left or died', async () => {
    await subgraph.db.transaction().execute(async (trx) => {
      await applyMemberPlaced(trx, { memberId: member(1), cellId: unit(101), status: 'OFFICIAL' });
      await applyMemberPlaced(trx, { memberId: member(2), cellId: unit(101), status: 'PROBATIONARY' });
      await applyMemberPlaced(trx, { memberId: member(3), cellId: unit(101), status: 'OFFICIAL' });
      // A later event for the same member wins.
      await applyMemberPlaced(trx, { memberId: member(3), cellId: unit(101), status: 'DECEASED' });
    });
    const active = await subgraph.db.transaction().execute((trx) => activeMemberIdsOf(trx, unit(101)));
    expect([...active].sort()).toEqual([member(1), member(2)]);

    await subgraph.db.transaction().execute((trx) => applyMembersMoved(trx, { toUnitId: unit(103), memberIds: [member(1)] }));
    const after = await subgraph.db.transaction().execute(async (trx) => ({ from: await activeMemberIdsOf(trx, unit(101)), to: await activeMemberIdsOf(trx, unit(103)) }));
    expect([...after.from]).toEqual([member(2)]);
    expect([...after.to]).toEqual([member(1)]);
  });

  it('tells whether an active member is placed anywhere inside a unit’s subtree today', async () => {
    const placed = await subgraph.db.transaction().execute(async (trx) => ({
      inCommittee: await memberPlacedUnder(trx, member(2), unit(10)),
      inOtherCommittee: await memberPlacedUnder(trx, member(2), unit(11)),
      deceased: await memberPlacedUnder(trx, member(3), unit(10)),
    }));
    expect(placed).toEqual({ inCommittee: true, inOtherCommittee: false, deceased: false });
  });
});
