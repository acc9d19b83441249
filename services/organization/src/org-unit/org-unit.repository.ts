import { todayInVietnam } from '@dangvien/db';
import { publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitCreated, type TreeRow } from '@dangvien/org-replica';
import { foldText } from '@dangvien/server';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { OrgUnitKind } from '../generated/graphql.ts';
import type { OrgUnitRecord, OrgUnitRow, OrgUnitVersionRow } from './org-unit.tables.ts';


/** A key for the as-of loaders: a unit and a day. */
export interface UnitDay {
  id: string;
  day: string;
}

type Db = Kysely<OrganizationDatabase>;

const UNIT_COLUMNS = sql.raw(`u.id, u.code, u.kind, u.established_on, u.established_decision, u.ended_on, u.successor_id, u.end_decision, u.category, u.residential_area, u.created_at,
  v.parent_id, v.name, v.valid_from, v.valid_to`);

/** Today on the records' calendar (Vietnam), the same day as SQL's current_date. */
export function today(): string {
  return todayInVietnam();
}

/** SQL condition: version `alias` is valid on `day`. */
function validOn(alias: string, day: RawBuilder<unknown>): RawBuilder<boolean> {
  const a = sql.raw(alias);
  return sql<boolean>`((${a}.valid_from IS NULL OR ${a}.valid_from <= ${day}) AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${day}))`;
}

function dayOf(asOf: string | undefined): RawBuilder<unknown> {
  return asOf === undefined ? sql`current_date` : sql`${asOf}::date`;
}

/**
 * SQL condition: `column` names a unit inside the subtrees of `scopeIds` (the caller's grants) as the
 * tree stood on `asOf` (default today; `null`: any parent link the unit ever had, for history such as
 * the audit log). Every list read carries it, so what is outside the caller's scope is never selected.
 */
export function inSubtrees(column: string | RawBuilder<unknown>, scopeIds: readonly string[], asOf?: string | null): RawBuilder<boolean> {
  const live = asOf === null ? sql<boolean>`TRUE` : validOn('sub', dayOf(asOf));
  return sql<boolean>`${typeof column === 'string' ? sql.ref(column) : column} IN (
    WITH RECURSIVE tree AS (
      SELECT scope.id FROM unnest(${[...scopeIds]}::uuid[]) AS scope(id)
      UNION
      SELECT sub.unit_id FROM org_unit_version sub JOIN tree ON sub.parent_id = tree.id WHERE ${live}
    )
    SELECT id FROM tree)`;
}

/**
 * SQL condition: the unit `unitId` lies inside the subtrees of `scopeIds` on `day` (both SQL
 * expressions, which may differ per row): walks up from the unit, so keys of different days mix in one statement.
 */
function inScopeOn(unitId: RawBuilder<unknown>, day: RawBuilder<unknown>, scopeIds: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (
    WITH RECURSIVE scope_up(id, depth) AS (
      SELECT ${unitId}::uuid, 0
      UNION ALL
      SELECT scope_a.parent_id, scope_up.depth + 1 FROM org_unit_version scope_a JOIN scope_up ON scope_a.unit_id = scope_up.id
      WHERE scope_a.parent_id IS NOT NULL AND scope_up.depth < 64 AND ${validOn('scope_a', day)}
    )
    SELECT 1 FROM scope_up WHERE scope_up.id = ANY(${[...scopeIds]}::uuid[]))`;
}

function keyArrays(keys: readonly UnitDay[]) {
  return { ids: keys.map((key) => key.id), days: keys.map((key) => key.day) };
}

type KeyedRow = OrgUnitRow & { key_id: string; key_day: string };

/** Units by (id, day), one statement for all keys. */
export async function findOrgUnitsByKeys(db: Db, keys: readonly UnitDay[], scopeIds: readonly string[]): Promise<KeyedRow[]> {
  const { ids, days } = keyArrays(keys);
  const effectiveDay = sql`(CASE WHEN v.valid_to IS NOT NULL AND v.valid_to <= k.day THEN v.valid_to - 1 ELSE k.day END)`;
  const result = await sql<KeyedRow>`
    SELECT ${UNIT_COLUMNS}, ${effectiveDay}::date AS as_of, k.id AS key_id, k.day AS key_day
    from "org_unit" u
    JOIN unnest(${ids}::uuid[], ${days}::date[]) AS k(id, day) ON k.id = u.id
    JOIN LATERAL (
      SELECT * FROM org_unit_version x WHERE x.unit_id = u.id AND (x.valid_from IS NULL OR x.valid_from <= k.day)
      ORDER BY x.valid_from DESC NULLS LAST LIMIT 1
    ) v ON TRUE
    WHERE ${inScopeOn(sql`u.id`, effectiveDay, scopeIds)}`.execute(db);
  return result.rows;
}

/** Live children of each (parent, day), sorted by name: one statement. */
export async function findChildrenOf(db: Db, keys: readonly UnitDay[], scopeIds: readonly string[]): Promise<KeyedRow[]> {
  const { ids, days } = keyArrays(keys);
  const result = await sql<KeyedRow>`
    SELECT ${UNIT_COLUMNS}, k.day AS as_of, k.id AS key_id, k.day AS key_day
    from "org_unit" u
    JOIN org_unit_version v ON v.unit_id = u.id
    JOIN unnest(${ids}::uuid[], ${days}::date[]) AS k(id, day) ON v.parent_id = k.id AND ${validOn('v', sql`k.day`)}
    WHERE ${inScopeOn(sql`u.id`, sql`k.day`, scopeIds)}
    ORDER BY v.name, u.id`.execute(db);
  return result.rows;
}

/** Every unit below each (unit, day), sorted by name: one statement. */
export async function findDescendantsOf(db: Db, keys: readonly UnitDay[], scopeIds: readonly string[]): Promise<KeyedRow[]> {
  const { ids, days } = keyArrays(keys);
  const result = await sql<KeyedRow>`
    -- Scope is decided once per key (walking up from the root) and then inherited on the way down:
    -- a unit is in scope when its parent is or when it is a granted root itself.
    WITH RECURSIVE down(root, day, id, depth, in_scope) AS (
      SELECT k.id, k.day, k.id, 0, ${inScopeOn(sql`k.id`, sql`k.day`, scopeIds)} FROM unnest(${ids}::uuid[], ${days}::date[]) AS k(id, day)
      UNION ALL
      SELECT down.root, down.day, d.unit_id, down.depth + 1, down.in_scope OR d.unit_id = ANY(${[...scopeIds]}::uuid[])
      FROM down JOIN org_unit_version d ON d.parent_id = down.id AND ${validOn('d', sql`down.day`)}
      WHERE down.depth < 64
    )
    SELECT ${UNIT_COLUMNS}, down.day AS as_of, down.root AS key_id, down.day AS key_day
    from "org_unit" u
    JOIN down ON down.id = u.id AND down.depth > 0 AND down.in_scope
    JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`down.day`)}
    ORDER BY v.name, u.id`.execute(db);
  return result.rows;
}

/** The ancestors of each (unit, day) inside the caller's scope, from the top down: one statement. */
export async function findAncestorsOf(db: Db, keys: readonly UnitDay[], scopeIds: readonly string[]): Promise<KeyedRow[]> {
  const { ids, days } = keyArrays(keys);
  const result = await sql<KeyedRow>`
    WITH RECURSIVE up(start, day, id, depth) AS (
      SELECT k.id, k.day, k.id, 0 FROM unnest(${ids}::uuid[], ${days}::date[]) AS k(id, day)
      UNION ALL
      SELECT up.start, up.day, a.parent_id, up.depth + 1 FROM up JOIN org_unit_version a ON a.unit_id = up.id AND ${validOn('a', sql`up.day`)}
      WHERE a.parent_id IS NOT NULL AND up.depth < 64
    )
    SELECT ${UNIT_COLUMNS}, up.day AS as_of, up.start AS key_id, up.day AS key_day
    from "org_unit" u
    JOIN up ON up.id = u.id AND up.depth > 0
    JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`up.day`)}
    WHERE ${inScopeOn(sql`u.id`, sql`up.day`, scopeIds)}
    ORDER BY up.depth DESC`.execute(db);
  return result.rows;
}

/** The topmost units the caller may see on `asOf`: the roots of its grants (minus those inside another grant). */
export async function findRootOrgUnits(db: Db, scopeIds: readonly string[], asOf: string): Promise<OrgUnitRow[]> {
  const result = await sql<OrgUnitRow>`
    SELECT ${UNIT_COLUMNS}, ${asOf}::date AS as_of
    from "org_unit" u JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`${asOf}::date`)}
    WHERE u.id = ANY(${[...scopeIds]}::uuid[])
      -- A grant inside another grant's subtree is not a root of what the caller sees.
      AND (v.parent_id IS NULL OR NOT ${inSubtrees(sql`v.parent_id`, scopeIds, asOf)})
    ORDER BY v.name, u.id`.execute(db);
  return result.rows;
}

export async function findOrgUnitsByKind(db: Db, kind: OrgUnitKind, scopeIds: readonly string[], asOf: string): Promise<OrgUnitRow[]> {
  const result = await sql<OrgUnitRow>`
    SELECT ${UNIT_COLUMNS}, ${asOf}::date AS as_of
    from "org_unit" u JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`${asOf}::date`)}
    WHERE u.kind = ${kind} AND ${inSubtrees(sql`u.id`, scopeIds, asOf)}
    ORDER BY v.name, u.id`.execute(db);
  return result.rows;
}

export interface SearchCursor {
  folded: string;
  id: string;
}

/** Units whose name (ignoring case and diacritics) or code contains `text`, on `asOf`, by folded name: `first + 1` rows after the cursor. */
export async function searchOrgUnits(
  db: Db,
  request: { text: string; kind: OrgUnitKind | null; asOf: string; first: number; after: SearchCursor | null },
  scopeIds: readonly string[],
): Promise<(OrgUnitRow & { name_folded: string })[]> {
  const pattern = `%${foldText(request.text).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const codePattern = `%${request.text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const result = await sql<OrgUnitRow & { name_folded: string }>`
    SELECT ${UNIT_COLUMNS}, v.name_folded, ${request.asOf}::date AS as_of
    from "org_unit" u JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`${request.asOf}::date`)}
    WHERE (v.name_folded LIKE ${pattern} OR lower(u.code) LIKE ${codePattern})
      AND ${request.kind === null ? sql`TRUE` : sql`u.kind = ${request.kind}`}
      AND ${request.after === null ? sql`TRUE` : sql`(v.name_folded, u.id) > (${request.after.folded}, ${request.after.id}::uuid)`}
      AND ${inSubtrees(sql`u.id`, scopeIds, request.asOf)}
    ORDER BY v.name_folded, u.id
    LIMIT ${request.first + 1}`.execute(db);
  return result.rows;
}

/** Every version of the given units, oldest first: one statement. */
export function findVersionsOf(db: Db, unitIds: readonly string[]): Promise<OrgUnitVersionRow[]> {
  return db.selectFrom('org_unit_version').selectAll().where('unit_id', 'in', unitIds).orderBy('unit_id').orderBy(sql`valid_from NULLS FIRST`).orderBy('version_id').execute();
}

/** The latest version of a unit (the open one while it lives), or undefined. */
export function latestVersion(db: Db, unitId: string): Promise<OrgUnitVersionRow | undefined> {
  return db.selectFrom('org_unit_version').selectAll().where('unit_id', '=', unitId).orderBy(sql`valid_from DESC NULLS LAST`).orderBy('version_id', 'desc').limit(1).executeTakeFirst();
}

/** The version of a unit valid on `day`, or undefined. */
export function versionOn(db: Db, unitId: string, day: string): Promise<OrgUnitVersionRow | undefined> {
  return db
    .selectFrom('org_unit_version')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`${validOn('org_unit_version', sql`${day}::date`)}`)
    .executeTakeFirst();
}

/**
 * Ids of the unit and all its ancestors, nearest first: on `day` when given, else following each
 * unit's latest version (its last known place, also for units that have ended).
 */
export async function ancestorIds(db: Db, unitId: string, day?: string): Promise<string[]> {
  const step =
    day === undefined
      ? sql`JOIN LATERAL (SELECT x.parent_id FROM org_unit_version x WHERE x.unit_id = up.id ORDER BY x.valid_from DESC NULLS LAST, x.version_id DESC LIMIT 1) a ON TRUE`
      : sql`JOIN org_unit_version a ON a.unit_id = up.id AND ${validOn('a', sql`${day}::date`)}`;
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${unitId}::uuid, 0
      UNION ALL
      SELECT a.parent_id, up.depth + 1 FROM up ${step} WHERE a.parent_id IS NOT NULL AND up.depth < 64
    )
    SELECT id FROM up ORDER BY depth`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Changes to the shape of the tree (create, rename, move, dissolve, merge, reform) serialize on one
 * transaction-level lock, so that two concurrent changes cannot make a cycle or leave a child under
 * an ended unit. Taken before `publish`'s own lock, always in this order.
 */
export async function lockTree(trx: Transaction<OrganizationDatabase>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('dangvien:org_unit_tree'))`.execute(trx);
}

/** A unit's own row, locked for the rest of the transaction (undefined when there is none). */
export function lockOrgUnit(trx: Transaction<OrganizationDatabase>, id: string): Promise<OrgUnitRecord | undefined> {
  return trx.selectFrom('org_unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A unit to insert with its first version, as createOrgUnit, imports and splits make them. */
export type NewOrgUnit = Pick<OrgUnitRecord, 'id' | 'code' | 'kind' | 'established_on'> &
  Pick<OrgUnitVersionRow, 'name' | 'parent_id'> &
  Partial<Pick<OrgUnitRecord, 'established_decision' | 'category' | 'residential_area'>>;

/** Inserts units with their first version and publishes OrgUnitCreated for each, in the caller's transaction. */
export async function insertOrgUnits(trx: Transaction<OrganizationDatabase>, units: readonly NewOrgUnit[]): Promise<void> {
  if (units.length === 0) return;
  await trx
    .insertInto('org_unit')
    .values(units.map((unit) => ({ id: unit.id, code: unit.code, kind: unit.kind, established_on: unit.established_on, established_decision: unit.established_decision ?? null, category: unit.category ?? null, residential_area: unit.residential_area ?? null })))
    .execute();
  await trx
    .insertInto('org_unit_version')
    .values(
      units.map((unit) => ({
        unit_id: unit.id,
        parent_id: unit.parent_id,
        name: unit.name,
        name_folded: foldText(unit.name),
        valid_from: unit.established_on,
        valid_to: null,
        change: 'CREATED' as const,
        decision_number: unit.established_decision ?? null,
      })),
    )
    .execute();
  await publish(
    trx,
    units.map((unit) => ({
      type: ORG_EVENTS.created,
      aggregateId: unit.id,
      payload: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parent_id,
        establishedOn: unit.established_on,
      } satisfies OrgUnitCreated,
    })),
  );
}

/**
 * Closes the open version of a unit on `day` and opens one from `day` with a new parent and/or name.
 * The caller has checked that `day` is after the open version's start.
 */
export async function openNewVersion(
  trx: Transaction<OrganizationDatabase>,
  current: OrgUnitVersionRow,
  change: { day: string; parentId: string | null; name: string; kind: 'RENAMED' | 'MOVED'; decisionNumber: string },
): Promise<void> {
  // A second change the same day (a plan's later step): the day's version takes it, no empty version.
  if (current.valid_from === change.day && current.valid_to === null) {
    await trx
      .updateTable('org_unit_version')
      .set({ parent_id: change.parentId, name: change.name, name_folded: foldText(change.name), decision_number: change.decisionNumber })
      .where('version_id', '=', current.version_id)
      .execute();
    return;
  }
  await trx.updateTable('org_unit_version').set({ valid_to: change.day }).where('version_id', '=', current.version_id).execute();
  await trx
    .insertInto('org_unit_version')
    .values({
      unit_id: current.unit_id,
      parent_id: change.parentId,
      name: change.name,
      name_folded: foldText(change.name),
      valid_from: change.day,
      valid_to: null,
      change: change.kind,
      decision_number: change.decisionNumber,
    })
    .execute();
}

/** The tree as it stands today, for the consistency digest. */
export async function currentTreeRows(db: Db): Promise<TreeRow[]> {
  const result = await sql<{ id: string; parent_id: string | null; kind: string; name: string }>`
    SELECT u.id, v.parent_id, u.kind, v.name FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id AND ${validOn('v', sql`current_date`)}`.execute(db);
  return result.rows.map((row) => ({ id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name }));
}
