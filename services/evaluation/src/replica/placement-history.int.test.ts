import type { DomainEvent } from '@dangvien/events';
import { demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import { evaluationSubgraph } from '../subgraph.ts';
import { membershipEventHandlers } from './member-replica.ts';
import { placementsOn, rosterOn } from './placement-history.ts';

/** How membership's placement events become the roster of a day, whatever order and dates they come with. */
let subgraph: TestSubgraph<EvaluationDatabase>;
let position = 0;
const cellA = demoId('unit', 101);
const cellB = demoId('unit', 102);
const member = (n: number) => demoId('member', 900 + n);

beforeAll(async () => {
  subgraph = await startTestSubgraph(evaluationSubgraph);
});
afterAll(async () => subgraph.close());

/** Applies one membership event as the consumer would, published on `occurredOn`. */
const apply = async (type: string, payload: Record<string, unknown>, occurredOn = '2026-06-15') => {
  position += 1;
  const event: DomainEvent = { position, id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`, type, aggregateId: String(payload.memberId ?? payload.operationId), payload, occurredAt: `${occurredOn}T03:00:00.000Z` };
  await subgraph.db.transaction().execute((trx) => membershipEventHandlers[type]!(trx, event));
};
const roster = async (cellId: string, day: string) => [...(await rosterOn(subgraph.db, cellId, day))].sort();

describe('dated roster from membership events', () => {
  it('treats a first placement without a date as held since always, a later one without a date as from the event’s day', async () => {
    await apply('MemberPlaced', { memberId: member(1), cellId: cellA, status: 'OFFICIAL' }, '2026-06-15');
    await apply('MemberPlaced', { memberId: member(1), cellId: cellA, status: 'EXEMPT' }, '2026-06-20');
    expect(await roster(cellA, '1990-01-01')).toEqual([member(1)]);
    expect(await roster(cellA, '2026-06-19')).toEqual([member(1)]);
    expect(await roster(cellA, '2026-06-20')).toEqual([]);
  });

  it('places by effectiveDate, also when a backdated change arrives after a later one', async () => {
    await apply('MemberPlaced', { memberId: member(2), cellId: cellA, status: 'OFFICIAL', effectiveDate: '2020-01-01' });
    await apply('MemberPlaced', { memberId: member(2), cellId: cellB, status: 'OFFICIAL', effectiveDate: '2026-05-01' });
    await apply('MemberPlaced', { memberId: member(2), cellId: cellA, status: 'PROBATIONARY', effectiveDate: '2019-01-01' }); // recorded late
    expect(await roster(cellA, '2018-12-31')).not.toContain(member(2));
    expect(await roster(cellA, '2019-06-01')).toContain(member(2));
    expect(await roster(cellA, '2026-04-30')).toContain(member(2));
    expect(await roster(cellB, '2026-05-01')).toContain(member(2));
    expect(await roster(cellA, '2026-05-01')).not.toContain(member(2));
  });

  it('moves members from MembersMoved’s date, each keeping the status of that day', async () => {
    await apply('MemberPlaced', { memberId: member(3), cellId: cellA, status: 'PROBATIONARY', effectiveDate: '2025-01-01' });
    await apply('MembersMoved', { operationId: demoId('unit', 999), fromUnitId: cellA, toUnitId: cellB, effectiveDate: '2026-03-01', memberIds: [member(3)] });
    expect(await roster(cellA, '2026-02-28')).toContain(member(3));
    expect(await roster(cellB, '2026-03-01')).toContain(member(3));
    const today = await subgraph.db.selectFrom('member_replica').selectAll().where('member_id', '=', member(3)).executeTakeFirstOrThrow();
    expect(today).toEqual({ member_id: member(3), cell_id: cellB, status: 'PROBATIONARY' });
  });

  it('lets the later of two changes on one day win, and never holds two placements of a member on one day', async () => {
    await apply('MemberPlaced', { memberId: member(4), cellId: cellA, status: 'OFFICIAL', effectiveDate: '2024-03-01' });
    await apply('MemberPlaced', { memberId: member(4), cellId: cellB, status: 'OFFICIAL', effectiveDate: '2024-03-01' });
    expect(await roster(cellA, '2024-03-01')).not.toContain(member(4));
    expect(await roster(cellB, '2024-03-01')).toContain(member(4));
    for (const day of ['1900-01-01', '2019-06-01', '2024-03-01', '2026-03-01', '2026-06-20', '2099-01-01']) {
      const doubled = await sql<{ member_id: string }>`
        SELECT member_id FROM ${placementsOn(day)} AS placement GROUP BY member_id HAVING count(*) > 1`.execute(subgraph.db);
      expect(doubled.rows, day).toEqual([]);
    }
  });
});
