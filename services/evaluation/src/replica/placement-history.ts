import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';

/** Statuses of members who take part in party life: on their cell's roster (exempt and gone members are not). */
export const ROSTER_STATUSES = ['OFFICIAL', 'PROBATIONARY'] as const;

/**
 * SQL derived table `(member_id, cell_id, status)`: every member's placement and status on `day`, from
 * the dated changes membership published (the latest change on or before the day). Use as
 * `FROM ${placementsOn(day)} AS placement`.
 */
export function placementsOn(day: string | RawBuilder<unknown>): RawBuilder<unknown> {
  const date = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`(
    SELECT DISTINCT ON (member_id) member_id, cell_id, status
    FROM member_placement_change
    WHERE effective_from IS NULL OR effective_from <= ${date}
    ORDER BY member_id, effective_from DESC NULLS LAST, seq DESC
  )`;
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
}
