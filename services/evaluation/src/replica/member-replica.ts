import { publish, setDigest, type EventHandler } from '@dangvien/events';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';

/** What evaluation does with membership's events: keep its copy of placements and statuses. */
export const membershipEventHandlers: Record<string, EventHandler<EvaluationDatabase>> = {
  MemberPlaced: async (trx, event) => {
    const placed = event.payload as { memberId: string; cellId: string | null; status: string };
    await trx
      .insertInto('member_replica')
      .values({ member_id: placed.memberId, cell_id: placed.cellId, status: placed.status })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ cell_id: placed.cellId, status: placed.status }))
      .execute();
  },
  MembersMoved: async (trx, event) => {
    const moved = event.payload as { operationId: string; fromUnitId: string; toUnitId: string; partUnitId?: string; memberIds: string[] };
    if (moved.memberIds.length > 0) {
      await trx.updateTable('member_replica').set({ cell_id: moved.toUnitId }).where('member_id', 'in', moved.memberIds).execute();
    }
    // Our part of the operation is done: say so, in the same transaction (naming the part's unit when a split sent one unit's members to several).
    const part = moved.partUnitId ? { partUnitId: moved.partUnitId } : {};
    await publish(trx, [{ type: 'PlacementsUpdated', aggregateId: moved.operationId, payload: { operationId: moved.operationId, fromUnitId: moved.fromUnitId, ...part, count: moved.memberIds.length } }]);
  },
};

export async function memberReplicaDigest(db: Kysely<EvaluationDatabase>): Promise<{ rows: number; digest: string }> {
  const rows = await db.selectFrom('member_replica').select(['member_id', 'cell_id', 'status']).execute();
  return setDigest(rows.map((row) => `${row.member_id}|${row.cell_id ?? ''}|${row.status}`));
}
