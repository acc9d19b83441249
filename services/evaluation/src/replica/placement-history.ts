import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';

/** Statuses of members who take part in party life: on their cell's roster (exempt and gone members are not). */
export const ROSTER_STATUSES = ['OFFICIAL', 'PROBATIONARY'] as const;

/**
 * SQL derived table `(member_id, cell_id, status)`: every member's placement and status on `day`, from
 * the dated changes membership published: the change that had begun by that day and whose successor
 * had not (`valid_to`, kept by `closePeriods`). Use as `FROM ${placementsOn(day)} AS placement`; a
 * condition on `placement.cell_id` reaches the cell index.
 */
export function placementsOn(day: string | RawBuilder<unknown>): RawBuilder<unknown> {
  const date = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`(
    SELECT member_id, cell_id, status
    FROM member_placement_change
    WHERE (effective_from IS NULL OR effective_from <= ${date}) AND (valid_to IS NULL OR valid_to > ${date})
  )`;
}

/**
 * Sets `valid_to` of the members' changes after new ones arrived (possibly dated before older ones):
 * each change ends where the next one in date order (then arrival order) begins.
 */
async function closePeriods(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[]): Promise<void> {
  await sql`
    UPDATE member_placement_change c SET valid_to = n.next_from
    FROM (
      SELECT seq, lead(COALESCE(effective_from, '-infinity'::date)) OVER (PARTITION BY member_id ORDER BY effective_from NULLS FIRST, seq) AS next_from
      FROM member_placement_change WHERE member_id = ANY(${[...memberIds]}::uuid[])
    ) n
    WHERE c.seq = n.seq AND c.valid_to IS DISTINCT FROM n.next_from`.execute(trx);
}

/** Members on a cell's roster on `day` (placed in it, taking part in party life). */
export async function rosterOn(db: Kysely<EvaluationDatabase>, cellId: string, day: string): Promise<Set<string>> {
  const result = await sql<{ member_id: string }>`
    SELECT placement.member_id FROM ${placementsOn(day)} AS placement
    WHERE placement.cell_id = ${cellId} AND placement.status = ANY(${[...ROSTER_STATUSES]}::text[])`.execute(db);
  return new Set(result.rows.map((row) => row.member_id));
}

/** Appends a change; `effectiveFrom` null means the placement holds since before anything known. */
export async function recordPlacementChange(trx: Transaction<EvaluationDatabase>, change: { memberId: string; cellId: string | null; status: string; effectiveFrom: string | null }): Promise<void> {
  await trx.insertInto('member_placement_change').values({ member_id: change.memberId, cell_id: change.cellId, status: change.status, effective_from: change.effectiveFrom }).execute();
  await closePeriods(trx, [change.memberId]);
}

/** Members moved to `toUnitId` from `date`, each keeping the status they had on that day. */
export async function recordMoves(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[], toUnitId: string, date: string): Promise<void> {
  if (memberIds.length === 0) return;
  await sql`
    INSERT INTO member_placement_change (member_id, cell_id, status, effective_from)
    SELECT moved.member_id, ${toUnitId}::uuid, COALESCE(placement.status, member_replica.status), ${date}::date
    FROM unnest(${[...memberIds]}::uuid[]) AS moved (member_id)
    LEFT JOIN ${placementsOn(date)} AS placement ON placement.member_id = moved.member_id
    LEFT JOIN member_replica ON member_replica.member_id = moved.member_id
    WHERE COALESCE(placement.status, member_replica.status) IS NOT NULL`.execute(trx);
  await closePeriods(trx, memberIds);
}
