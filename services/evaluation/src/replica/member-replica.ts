import { publish, setDigest, type DomainEvent, type EventHandler } from '@dangvien/events';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import { recordMoves, recordPlacementChange } from './placement-history.ts';

/** The event's own date when a payload carries none. */
const dayOf = (event: DomainEvent): string => event.occurredAt.slice(0, 10);

/**
 * What evaluation does with membership's events: keep its copy of today's placements and statuses
 * (`member_replica`), their dated history (`member_placement_change`), discipline and the
 * Regulation 213 residence links and comments. Payloads follow
 * services/membership/src/placement/placement.events.ts.
 */
export const membershipEventHandlers: Record<string, EventHandler<EvaluationDatabase>> = {
  MemberPlaced: async (trx, event) => {
    const placed = event.payload as { memberId: string; cellId: string | null; status: string; effectiveDate?: string };
    const known = await trx.selectFrom('member_placement_change').select('seq').where('member_id', '=', placed.memberId).limit(1).executeTakeFirst();
    // Without a date: the event's date for a change; a first placement (events published before dates
    // existed, e.g. the seeded records) holds since before anything we know.
    const effectiveFrom = placed.effectiveDate ?? (known ? dayOf(event) : null);
    await recordPlacementChange(trx, { memberId: placed.memberId, cellId: placed.cellId, status: placed.status, effectiveFrom });
    await trx
      .insertInto('member_replica')
      .values({ member_id: placed.memberId, cell_id: placed.cellId, status: placed.status })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ cell_id: placed.cellId, status: placed.status }))
      .execute();
  },
  MembersMoved: async (trx, event) => {
    const moved = event.payload as {
      operationId: string;
      fromUnitId: string;
      toUnitId: string;
      partUnitId?: string;
      effectiveDate?: string;
      memberIds: string[];
      destinations?: { toUnitId: string; memberIds: string[] }[];
    };
    // Members named for other cells (a dissolution with destinations) travel in the same event.
    const groups = [{ toUnitId: moved.toUnitId, memberIds: moved.memberIds }, ...(moved.destinations ?? [])];
    for (const group of groups.filter((candidate) => candidate.memberIds.length > 0)) {
      await recordMoves(trx, group.memberIds, group.toUnitId, moved.effectiveDate ?? dayOf(event));
      await trx.updateTable('member_replica').set({ cell_id: group.toUnitId }).where('member_id', 'in', group.memberIds).execute();
    }
    // Our part of the operation is done: say so, in the same transaction (naming the part's unit when a split sent one unit's members to several).
    const part = moved.partUnitId ? { partUnitId: moved.partUnitId } : {};
    await publish(trx, [{ type: 'PlacementsUpdated', aggregateId: moved.operationId, payload: { operationId: moved.operationId, fromUnitId: moved.fromUnitId, ...part, count: groups.reduce((sum, group) => sum + group.memberIds.length, 0) } }]);
  },
  MemberDisciplined: async (trx, event) => {
    const disciplined = event.payload as { memberId: string; form: string; effectiveDate: string };
    await trx
      .insertInto('member_discipline')
      .values({ member_id: disciplined.memberId, form: disciplined.form, effective_date: disciplined.effectiveDate })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  MemberDisciplineAnnulled: async (trx, event) => {
    // The discipline was recorded by mistake (annulled in membership): it no longer caps the grade.
    const annulled = event.payload as { memberId: string; form: string; effectiveDate: string };
    await trx
      .deleteFrom('member_discipline')
      .where('member_id', '=', annulled.memberId)
      .where('form', '=', annulled.form)
      .where('effective_date', '=', annulled.effectiveDate)
      .execute();
  },
  ResidenceLinked: async (trx, event) => {
    const linked = event.payload as { memberId: string; residenceCellId: string | null; validFrom: string };
    await trx.insertInto('residence_link').values({ member_id: linked.memberId, residence_cell_id: linked.residenceCellId, valid_from: linked.validFrom }).execute();
  },
  ResidenceCommentRecorded: async (trx, event) => {
    const comment = event.payload as { memberId: string; year: number; residenceCellId: string; recordedOn: string };
    const values = { residence_cell_id: comment.residenceCellId, recorded_on: comment.recordedOn };
    await trx
      .insertInto('residence_comment')
      .values({ member_id: comment.memberId, year: comment.year, ...values })
      .onConflict((oc) => oc.columns(['member_id', 'year']).doUpdateSet(values))
      .execute();
  },
};

export async function memberReplicaDigest(db: Kysely<EvaluationDatabase>): Promise<{ rows: number; digest: string }> {
  const rows = await db.selectFrom('member_replica').select(['member_id', 'cell_id', 'status']).execute();
  return setDigest(rows.map((row) => `${row.member_id}|${row.cell_id ?? ''}|${row.status}`));
}
