import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { OrgReplicaTables } from './replica.ts';

/**
 * Scope checks against a consumer's copy of the org tree. Two shapes, chosen by what a read touches:
 * - a read that sweeps a subtree (a ward's meetings, a province's grades) lists that subtree once:
 *   `inReplicaSubtrees`, `inReplicaSubtreeWithin`;
 * - a read of given rows (a member's reviews, a roster's cell) walks up from each row's unit:
 *   `withinReplicaScopes`, `unitsWithinScopes`. Its cost follows the tree's depth, not the size of
 *   the caller's subtree: a national analyst's holds 180,000 units.
 */

type Column = string | RawBuilder<unknown>;
const columnSql = (column: Column): RawBuilder<unknown> => (typeof column === 'string' ? sql.ref(column) : column);
const uuids = (ids: readonly string[]) => sql`${[...new Set(ids)]}::uuid[]`;

/** SQL condition: replica version `alias` holds on `day`. */
function liveOn(alias: string, day: RawBuilder<unknown>): RawBuilder<boolean> {
  const a = sql.raw(alias);
  return sql<boolean>`((${a}.valid_from IS NULL OR ${a}.valid_from <= ${day}) AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${day}))`;
}

const TODAY = sql`current_date`;

/**
 * SQL condition: `start` is a unit of the tree of `day`, and walking up from it reaches one of
 * `targetIds` (the start included). Each step is a scalar lookup by id, so the walk reads the id index
 * a few times whatever the replica's size (a join per step let the planner hash the whole replica).
 */
function walkUpReaches(start: RawBuilder<unknown>, targetIds: readonly string[], day: RawBuilder<unknown> = TODAY): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (
    WITH RECURSIVE walk_up(id, depth) AS (
      SELECT walk_start.id, 0 FROM org_unit_replica walk_start WHERE walk_start.id = ${start}::uuid AND ${liveOn('walk_start', day)}
      UNION ALL
      SELECT (SELECT walk_step.parent_id FROM org_unit_replica walk_step WHERE walk_step.id = walk_up.id AND ${liveOn('walk_step', day)} LIMIT 1), walk_up.depth + 1
      FROM walk_up WHERE walk_up.id IS NOT NULL AND NOT walk_up.id = ANY(${uuids(targetIds)}) AND walk_up.depth < 64
    )
    SELECT 1 FROM walk_up WHERE walk_up.id = ANY(${uuids(targetIds)}))`;
}

/** SQL query: the ids of today's units below the replica rows `root` that `roots` selects (included), down the parent index. */
function subtreeBelow(roots: RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`
    WITH RECURSIVE tree AS (
      SELECT root.id FROM org_unit_replica root WHERE ${liveOn('root', TODAY)} AND ${roots}
      UNION
      SELECT child.id FROM org_unit_replica child JOIN tree ON child.parent_id = tree.id WHERE ${liveOn('child', TODAY)}
    )
    SELECT id FROM tree`;
}

/** SQL query: the ids of today's units in the subtrees of `rootIds` (roots included). */
function subtreeIds(rootIds: readonly string[]): RawBuilder<unknown> {
  return subtreeBelow(sql<boolean>`root.id = ANY(${uuids(rootIds)})`);
}

/** SQL condition: `column` names a unit inside the subtrees of `scopeIds`, as the tree stands today (lists the subtrees). */
export function inReplicaSubtrees(column: Column, scopeIds: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${columnSql(column)} IN (${subtreeIds(scopeIds)})`;
}

/**
 * SQL condition: `column` names a unit in `unitId`'s subtree that the caller may read (inside
 * `scopeIds`), today. Lists only `unitId`'s subtree when `unitId` lies within the scopes, else the
 * scopes below it: never the caller's whole subtree.
 */
export function inReplicaSubtreeWithin(column: Column, unitId: string, scopeIds: readonly string[]): RawBuilder<boolean> {
  const roots = sql<boolean>`(
    (root.id = ${unitId}::uuid AND ${walkUpReaches(sql`${unitId}::uuid`, scopeIds)})
    OR (root.id = ANY(${uuids(scopeIds)}) AND ${walkUpReaches(sql`root.id`, [unitId])}))`;
  return sql<boolean>`${columnSql(column)} IN (${subtreeBelow(roots)})`;
}

/** SQL condition: `column` names a unit inside the subtrees of `scopeIds` on `day` (an SQL date, default today), checked by walking up from it. */
export function withinReplicaScopes(column: Column, scopeIds: readonly string[], day: RawBuilder<unknown> = TODAY): RawBuilder<boolean> {
  return walkUpReaches(columnSql(column), scopeIds, day);
}

/** Which of `unitIds` (units that exist on `asOf`, default today) lie inside the subtrees of `scopeIds` then: one statement. */
export async function unitsWithinScopes<DB extends OrgReplicaTables>(db: Kysely<DB>, unitIds: readonly string[], scopeIds: readonly string[], asOf?: string): Promise<Set<string>> {
  if (unitIds.length === 0 || scopeIds.length === 0) return new Set();
  const day = asOf ? sql`${asOf}::date` : TODAY;
  // All units walk up together in one recursion: for a province's 9,400 units 50 ms, where a walk per
  // unit (walkUpReaches) took 220–360 ms.
  const result = await sql<{ start: string }>`
    WITH RECURSIVE walk_up(start, id, depth) AS (
      SELECT walk_start.id, walk_start.id, 0 FROM org_unit_replica walk_start WHERE walk_start.id = ANY(${uuids(unitIds)}) AND ${liveOn('walk_start', day)}
      UNION
      SELECT walk_up.start, walk_step.parent_id, walk_up.depth + 1 FROM walk_up JOIN org_unit_replica walk_step ON walk_step.id = walk_up.id AND ${liveOn('walk_step', day)}
      WHERE walk_step.parent_id IS NOT NULL AND NOT walk_up.id = ANY(${uuids(scopeIds)}) AND walk_up.depth < 64
    )
    SELECT DISTINCT start FROM walk_up WHERE id = ANY(${uuids(scopeIds)})`.execute(db);
  return new Set(result.rows.map((row) => row.start));
}

/** Up to this many units (a district has about 500), a swept scope is listed in the statement itself. */
const LISTED_SCOPE_UNITS = 2000;

/**
 * The condition for a read that sweeps the caller's whole scope for a few rows (a name search),
 * chosen by the scope's size: a small scope is listed in the statement (the planner sees how few
 * cells); scopes holding every top of the tree (a national analyst) need only a live unit; other large
 * scopes are listed by the statement itself.
 */
export async function scopeSweepCondition<DB extends OrgReplicaTables>(db: Kysely<DB>, column: Column, scopeIds: readonly string[], listedUnits = LISTED_SCOPE_UNITS): Promise<RawBuilder<boolean>> {
  if (scopeIds.length === 0) return sql<boolean>`FALSE`;
  const listed = await sql<{ id: string }>`${subtreeIds(scopeIds)} LIMIT ${listedUnits + 1}`.execute(db);
  if (listed.rows.length <= listedUnits) return sql<boolean>`${columnSql(column)} = ANY(${uuids(listed.rows.map((row) => row.id))})`;
  const tops = await sql<{ id: string }>`SELECT DISTINCT top.id FROM org_unit_replica top WHERE top.parent_id IS NULL AND ${liveOn('top', TODAY)}`.execute(db);
  if (tops.rows.every((top) => scopeIds.includes(top.id))) {
    return sql<boolean>`${columnSql(column)} IN (SELECT unit.id FROM org_unit_replica unit WHERE ${liveOn('unit', TODAY)})`;
  }
  return inReplicaSubtrees(column, scopeIds);
}
