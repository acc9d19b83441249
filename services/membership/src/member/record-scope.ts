import { withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type RawBuilder } from 'kysely';
import type { MemberStatus } from '../generated/graphql.ts';

/**
 * Who may read a member's record (docs/permissions.md, "Members who have left"). A member placed in a
 * unit of today's tree is read within the subtrees that hold that unit today. A member whose cell is
 * gone from today's tree or who has no cell any more (transferred out of the system) keeps the record
 * where it was last held: the cell that last held them, as the tree stood on their last day there and
 * on the cell's own last day (today while it stands), and every unit that took over from that cell
 * since (dissolution, merger, split: `unit_successor`), with its superiors of today. Nobody else.
 */

/** SQL: the last day unit `unit` stood in the tree: today while it stands, else the day before it ended. */
export function lastDayOf(unit: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT CASE WHEN bool_or(last_version.valid_to IS NULL) THEN current_date ELSE least(current_date, max(last_version.valid_to) - 1) END
    FROM org_unit_replica last_version WHERE last_version.id = ${unit})`;
}

/** SQL: unit `unit` is a unit of today's tree. */
export function liveToday(unit: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM org_unit_replica today_unit WHERE today_unit.id = ${unit}
    AND (today_unit.valid_from IS NULL OR today_unit.valid_from <= current_date) AND (today_unit.valid_to IS NULL OR today_unit.valid_to > current_date))`;
}

/**
 * SQL condition: the record of member `alias` (a row of `member`) is held by a unit inside the
 * subtrees of `scopeIds`, by the rule above. Cheap for members placed today (one walk up from their
 * cell); the history is read only for the others.
 */
export function recordWithinScopes(alias: string, scopeIds: readonly string[]): RawBuilder<boolean> {
  if (scopeIds.length === 0) return sql<boolean>`FALSE`;
  const m = sql.raw(alias);
  return sql<boolean>`(${withinReplicaScopes(sql`${m}.cell_id`, scopeIds)}
    OR (NOT ${liveToday(sql`${m}.cell_id`)} AND ${heldWithin(alias, scopeIds)}))`;
}

/**
 * SQL condition: the record of member `alias` who has no cell in today's tree is held inside `scopeIds`:
 * walks from the last cell through its successors, checking each on its day.
 */
function heldWithin(alias: string, scopeIds: readonly string[]): RawBuilder<boolean> {
  const m = sql.raw(alias);
  return sql<boolean>`EXISTS (
    WITH RECURSIVE held(unit_id, day, depth) AS (
      SELECT ${m}.cell_id, current_date, 0 WHERE ${m}.cell_id IS NOT NULL
      UNION
      -- No cell: the cell of the last placement, on its last day and as it stands since.
      SELECT last_cell.cell_id, day_held.day, 0
      FROM (SELECT p.cell_id, p.valid_to FROM member_placement p WHERE p.member_id = ${m}.id AND p.valid_to IS NOT NULL ORDER BY p.valid_to DESC, p.id DESC LIMIT 1) last_cell
      CROSS JOIN LATERAL (VALUES (last_cell.valid_to - 1), (current_date)) AS day_held(day)
      WHERE ${m}.cell_id IS NULL
      UNION
      SELECT successor.successor_id, current_date, held.depth + 1
      FROM unit_successor successor JOIN held ON successor.unit_id = held.unit_id
      WHERE held.depth < 16
    )
    SELECT 1 FROM held WHERE ${withinReplicaScopes(sql`held.unit_id`, scopeIds, sql`least(held.day, ${lastDayOf(sql`held.unit_id`)})`)})`;
}

/** Statuses of members who left the Party's ranks (died, expelled, names removed, left). */
export const GONE: readonly MemberStatus[] = ['LEFT', 'DECEASED'];

/**
 * SQL condition: the member has left: a gone status, or no cell after having been placed in one
 * (transferred out of the system). A member never placed anywhere has not left: they were never here.
 */
export function hasLeftBy(status: RawBuilder<unknown>, cellId: RawBuilder<unknown>, memberId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${status} IN (${sql.join(GONE)}) OR (${cellId} IS NULL AND EXISTS (SELECT 1 FROM member_placement left_placement WHERE left_placement.member_id = ${memberId})))`;
}

/** `hasLeftBy` on the columns of member row `alias`. */
export function hasLeft(alias: string): RawBuilder<boolean> {
  return hasLeftBy(sql.ref(`${alias}.status`), sql.ref(`${alias}.cell_id`), sql.ref(`${alias}.id`));
}
