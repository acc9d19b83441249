import { todayInVietnam } from '@dangvien/db';
import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';
import { activeMemberIdsOf, activeMemberIdsOn, applyMemberPlaced, applyMembersMoved, memberPlacedUnderOn } from './member-replica.repository.ts';

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
      inCommittee: await memberPlacedUnderOn(trx, member(2), unit(10), todayInVietnam()),
      inOtherCommittee: await memberPlacedUnderOn(trx, member(2), unit(11), todayInVietnam()),
      deceased: await memberPlacedUnderOn(trx, member(3), unit(10), todayInVietnam()),
    }));
    expect(placed).toEqual({ inCommittee: true, inOtherCommittee: false, deceased: false });
  });

  it('keeps each member\'s placements dated: a move or a status holds from its effective date, whatever order the events arrive in', async () => {
    await subgraph.db.transaction().execute(async (trx) => {
      await applyMemberPlaced(trx, { memberId: member(4), cellId: unit(101), status: 'PROBATIONARY', effectiveDate: '2020-03-01' });
      await applyMemberPlaced(trx, { memberId: member(4), cellId: unit(103), status: 'LEFT', effectiveDate: '2024-01-10' });
      // These arrive after the departure but are dated before it: official from 2021-03-01, moved to 103 from 2022-07-01.
      await applyMemberPlaced(trx, { memberId: member(4), cellId: unit(101), status: 'OFFICIAL', effectiveDate: '2021-03-01' });
      await applyMembersMoved(trx, { toUnitId: unit(103), memberIds: [member(4)], effectiveDate: '2022-07-01' });
    });
    const on = (day: string) =>
      subgraph.db.transaction().execute(async (trx) => ({
        in101: await memberPlacedUnderOn(trx, member(4), unit(101), day),
        in103: await memberPlacedUnderOn(trx, member(4), unit(103), day),
        active101: (await activeMemberIdsOn(trx, unit(101), day)).has(member(4)),
      }));
    expect(await on('2020-02-29')).toEqual({ in101: false, in103: false, active101: false });
    expect(await on('2020-03-01')).toEqual({ in101: true, in103: false, active101: true });
    expect(await on('2022-06-30')).toEqual({ in101: true, in103: false, active101: true });
    expect(await on('2022-07-01')).toEqual({ in101: false, in103: true, active101: false });
    expect(await on('2024-01-10')).toEqual({ in101: false, in103: false, active101: false });
    // The move kept the status the member had on its date (official since 2021-03-01).
    const moved = await subgraph.db.selectFrom('member_placement_replica').select(['status', 'valid_to']).where('member_id', '=', member(4)).where('valid_from', '=', '2022-07-01').executeTakeFirstOrThrow();
    expect(moved).toEqual({ status: 'OFFICIAL', valid_to: '2024-01-10' });
    // Today's answers (the split's and the delegation's) see the latest state: the member has left.
    const today = await subgraph.db.transaction().execute(async (trx) => ({ placed: await memberPlacedUnderOn(trx, member(4), unit(10), todayInVietnam()), active: (await activeMemberIdsOf(trx, unit(103))).has(member(4)) }));
    expect(today).toEqual({ placed: false, active: false });
  });
});
