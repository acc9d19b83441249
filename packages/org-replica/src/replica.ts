import { todayInVietnam } from '@dangvien/db';
import { setDigest, type EventHandler } from '@dangvien/events';
import { sql, type Generated, type Kysely, type QueryExecutorProvider, type Transaction } from 'kysely';
import type { OrgUnitCreated, OrgUnitDissolved, OrgUnitMoved, OrgUnitRenamed, OrgUnitSplit } from './events.ts';

/**
 * A consumer's local, read-only, effective-dated copy of the org tree: one row per version of a unit,
 * valid from `valid_from` (inclusive) until `valid_to` (exclusive; null = still valid).
 * Only the organization subgraph's events write it.
 */
export interface OrgReplicaTables {
  org_unit_replica: {
    row_id: Generated<number>;
    id: string;
    code: string;
    name: string;
    kind: string;
    parent_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
  };
}

export function orgReplicaHandlers<DB extends OrgReplicaTables>(): Record<string, EventHandler<DB>> {
  return {
    OrgUnitCreated: async (trx, event) => {
      const unit = event.payload as unknown as OrgUnitCreated;
      await (trx as unknown as Transaction<OrgReplicaTables>)
        .insertInto('org_unit_replica')
        .values({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parent_id: unit.parentId, valid_from: unit.establishedOn, valid_to: null })
        .execute();
    },
    OrgUnitDissolved: async (trx, event) => {
      const dissolved = event.payload as unknown as OrgUnitDissolved;
      await endUnit(trx as unknown as Transaction<OrgReplicaTables>, dissolved.id, dissolved.effectiveDate);
    },
    OrgUnitSplit: async (trx, event) => {
      const split = event.payload as unknown as OrgUnitSplit;
      await endUnit(trx as unknown as Transaction<OrgReplicaTables>, split.id, split.effectiveDate);
    },
    OrgUnitRenamed: async (trx, event) => {
      const renamed = event.payload as unknown as OrgUnitRenamed;
      await changeUnit(trx as unknown as Transaction<OrgReplicaTables>, renamed.id, renamed.effectiveDate, { name: renamed.name });
    },
    OrgUnitMoved: async (trx, event) => {
      const moved = event.payload as unknown as OrgUnitMoved;
      await changeUnit(trx as unknown as Transaction<OrgReplicaTables>, moved.id, moved.effectiveDate, { parent_id: moved.parentId });
    },
  };
}

/**
 * Closes the open version of a unit on `date` and opens a new one from `date` with the changes
 * (a new name or a new parent). A unit without an open version (ended) is left as it is.
 */
export async function changeUnit<DB extends OrgReplicaTables>(transaction: Transaction<DB>, unitId: string, date: string, change: { name?: string; parent_id?: string | null }): Promise<void> {
  const trx = transaction as unknown as Transaction<OrgReplicaTables>;
  const open = await trx.selectFrom('org_unit_replica').selectAll().where('id', '=', unitId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
  if (!open) return;
  await trx.updateTable('org_unit_replica').set({ valid_to: date }).where('row_id', '=', open.row_id).execute();
  await trx
    .insertInto('org_unit_replica')
    .values({ id: open.id, code: open.code, kind: open.kind, name: change.name ?? open.name, parent_id: change.parent_id === undefined ? open.parent_id : change.parent_id, valid_from: date, valid_to: null })
    .execute();
}

/** Closes the open version of a unit on `date`. Exported so a consumer's own handler for the same event can reuse it. */
export async function endUnit<DB extends OrgReplicaTables>(transaction: Transaction<DB>, unitId: string, date: string): Promise<void> {
  await (transaction as unknown as Transaction<OrgReplicaTables>).updateTable('org_unit_replica').set({ valid_to: date }).where('id', '=', unitId).where('valid_to', 'is', null).execute();
}

/**
 * Ids of the units in the subtrees of `rootIds` (roots included) as the tree stood on `asOf`
 * (default: today): plain local SQL, one statement.
 */
export async function subtreeUnitIds<DB extends OrgReplicaTables>(db: Kysely<DB>, rootIds: readonly string[], asOf?: string): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const day = asOf ?? todayInVietnam();
  const result = await sql<{ id: string }>`
    WITH RECURSIVE live AS (
      SELECT id, parent_id FROM org_unit_replica
      WHERE (valid_from IS NULL OR valid_from <= ${day}::date) AND (valid_to IS NULL OR valid_to > ${day}::date)
    ), tree AS (
      SELECT id FROM live WHERE id = ANY(${[...rootIds]}::uuid[])
      UNION
      SELECT live.id FROM live JOIN tree ON live.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((row) => row.id);
}

export interface TreeRow {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
}

/** A digest of the tree as it stands today, equal at the source and in every replica that is in step. */
export function treeDigest(rows: readonly TreeRow[]): { rows: number; digest: string } {
  return setDigest(rows.map((row) => [row.id, row.parentId ?? '', row.kind, row.name].join('|')));
}

export async function replicaDigest<DB extends OrgReplicaTables>(database: Kysely<DB>): Promise<{ rows: number; digest: string }> {
  const db = database as unknown as Kysely<OrgReplicaTables>;
  const rows = await db
    .selectFrom('org_unit_replica')
    .select(['id', 'parent_id', 'kind', 'name'])
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', sql<string>`current_date`)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', sql<string>`current_date`)]))
    .execute();
  return treeDigest(rows.map((row) => ({ id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name })));
}

/** Writes units into a replica as their OrgUnitCreated events would (test fixtures, and bulk loading later). */
export async function replicateOrgUnits<DB extends OrgReplicaTables>(database: Kysely<DB>, units: readonly OrgUnitCreated[]): Promise<void> {
  if (units.length === 0) return;
  await (database as unknown as Kysely<OrgReplicaTables>)
    .insertInto('org_unit_replica')
    .values(units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parent_id: unit.parentId, valid_from: unit.establishedOn, valid_to: null })))
    .execute();
}

/**
 * Whether one of `unitIds` is the root of a whole tree today. National rules (grading rule sets, dues
 * rates) are set only by the administrators of a root unit.
 */
export async function includesRootUnit(db: QueryExecutorProvider, unitIds: readonly string[]): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const roots = await sql`SELECT 1 FROM org_unit_replica WHERE id = ANY(${[...unitIds]}::uuid[]) AND parent_id IS NULL AND valid_to IS NULL LIMIT 1`.execute(db);
  return roots.rows.length > 0;
}
