import { withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type RawBuilder } from 'kysely';
import type { MemberStatus } from '../generated/graphql.ts';

/** Statuses of members who left the Party's ranks (died, expelled, names removed, left). */
export const GONE: readonly MemberStatus[] = ['LEFT', 'DECEASED'];

/** SQL condition: the member (status, cell) has left: a gone status, or no cell (transferred out of the system). */
export function hasLeft(status: RawBuilder<unknown>, cellId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${status} IN (${sql.join(GONE)}) OR ${cellId} IS NULL)`;
}

/**
 * SQL condition: a member who left is readable by a caller holding `scopeIds` (issue 19): the caller's
 * subtrees held the cell of the member's last placement on their last day there (the day before the
 * placement closed; for a placement left open, as the dead's is, the cell's last day or today), or hold
 * today a successor of that cell: a unit that received that cell's members in a restructuring (their
 * placements moved by an operation on the day the old ones closed). Checked row by row (walks up the
 * dated replica), so it is meant for the few rows a page reads, after cheaper conditions.
 */
export function leaverReadable(memberId: RawBuilder<unknown>, scopeIds: readonly string[]): RawBuilder<boolean> {
  if (scopeIds.length === 0) return sql<boolean>`FALSE`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM (
      SELECT last_placement.cell_id,
        COALESCE(last_placement.valid_to - 1,
          (SELECT CASE WHEN bool_or(cell.valid_to IS NULL) THEN current_date ELSE max(cell.valid_to) - 1 END FROM org_unit_replica cell WHERE cell.id = last_placement.cell_id)) AS last_day
      FROM member_placement last_placement WHERE last_placement.member_id = ${memberId}
      ORDER BY last_placement.valid_to DESC NULLS FIRST, last_placement.valid_from DESC NULLS LAST, last_placement.id DESC LIMIT 1
    ) last_place
    WHERE ${withinReplicaScopes(sql`last_place.cell_id`, scopeIds, sql`last_place.last_day`)}
      OR EXISTS (
        SELECT 1 FROM member_placement moved_out
        JOIN member_placement moved_in ON moved_in.member_id = moved_out.member_id AND moved_in.valid_from = moved_out.valid_to
          AND moved_in.operation_id IS NOT NULL AND moved_in.cell_id <> moved_out.cell_id
        WHERE moved_out.cell_id = last_place.cell_id AND ${withinReplicaScopes(sql`moved_in.cell_id`, scopeIds)}))`;
}
