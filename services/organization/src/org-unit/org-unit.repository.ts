import { publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitCreated, type TreeRow } from '@dangvien/org-replica';
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { OrganizationDatabase, OrgUnitKind, OrgUnitTable } from '../database.ts';

export type OrgUnitRow = Selectable<OrgUnitTable>;

/** Units that exist today (not yet ended); the as-of tree comes with the effective-dated issue. */
function isLive(eb: ExpressionBuilder<OrganizationDatabase, 'org_unit'>) {
  return eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', sql<string>`current_date`)]);
}

/**
 * SQL condition: `column` names a unit inside the subtrees of `scopeIds` (the caller's grants). Every
 * read below carries it, so what is outside the caller's scope is never even selected.
 */
export function inSubtrees(column: string | RawBuilder<unknown>, scopeIds: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${typeof column === 'string' ? sql.ref(column) : column} IN (
    WITH RECURSIVE tree AS (
      SELECT id FROM org_unit WHERE id = ANY(${[...scopeIds]}::uuid[])
      UNION
      SELECT child.id FROM org_unit child JOIN tree ON child.parent_id = tree.id
    )
    SELECT id FROM tree)`;
}

export function findOrgUnitsByIds(db: Kysely<OrganizationDatabase>, ids: readonly string[], scopeIds: readonly string[]): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('id', 'in', ids).where(inSubtrees('org_unit.id', scopeIds)).execute();
}

export function findChildrenOf(db: Kysely<OrganizationDatabase>, parentIds: readonly string[], scopeIds: readonly string[]): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', 'in', parentIds).where(isLive).where(inSubtrees('org_unit.id', scopeIds)).orderBy('name').execute();
}

/** The topmost live units the caller may see: the roots of its grants (minus those inside another grant). */
export function findRootOrgUnits(db: Kysely<OrganizationDatabase>, scopeIds: readonly string[]): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('id', '=', sql<string>`ANY(${[...scopeIds]}::uuid[])`)
    .where(isLive)
    // A grant inside another grant's subtree is not a root of what the caller sees.
    .where((eb) => eb.or([eb('parent_id', 'is', null), eb.not(inSubtrees('org_unit.parent_id', scopeIds))]))
    .orderBy('name')
    .execute();
}

export function findOrgUnitsByKind(db: Kysely<OrganizationDatabase>, kind: OrgUnitKind, scopeIds: readonly string[]): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('kind', '=', kind).where(isLive).where(inSubtrees('org_unit.id', scopeIds)).orderBy('name').execute();
}

/** Ids of the unit and all its ancestors, nearest first. */
export async function ancestorIds(db: Kysely<OrganizationDatabase>, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM org_unit WHERE id = ${unitId}
      UNION ALL
      SELECT org_unit.id, org_unit.parent_id, up.depth + 1 FROM org_unit JOIN up ON org_unit.id = up.parent_id
    )
    SELECT id FROM up ORDER BY depth`.execute(db);
  return result.rows.map((row) => row.id);
}

export type NewOrgUnit = Pick<OrgUnitRow, 'id' | 'code' | 'name' | 'kind' | 'parent_id' | 'established_on'>;

/** Inserts units and publishes OrgUnitCreated for each, in the caller's transaction. */
export async function insertOrgUnits(trx: Transaction<OrganizationDatabase>, units: readonly NewOrgUnit[]): Promise<void> {
  if (units.length === 0) return;
  await trx.insertInto('org_unit').values([...units]).execute();
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

export async function currentTreeRows(db: Kysely<OrganizationDatabase>): Promise<TreeRow[]> {
  const rows = await db.selectFrom('org_unit').select(['id', 'parent_id', 'kind', 'name']).where(isLive).execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name }));
}
