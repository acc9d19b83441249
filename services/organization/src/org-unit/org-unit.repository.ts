import type { Kysely, Selectable } from 'kysely';
import type { OrganizationDatabase, OrgUnitKind, OrgUnitTable } from '../database.ts';

export type OrgUnitRow = Selectable<OrgUnitTable>;

export function findOrgUnitsByIds(db: Kysely<OrganizationDatabase>, ids: readonly string[]): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('id', 'in', ids).execute();
}

export function findChildrenOf(db: Kysely<OrganizationDatabase>, parentIds: readonly string[]): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', 'in', parentIds).orderBy('name').execute();
}

export function findRootOrgUnits(db: Kysely<OrganizationDatabase>): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).orderBy('name').execute();
}

export function findOrgUnitsByKind(db: Kysely<OrganizationDatabase>, kind: OrgUnitKind): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('kind', '=', kind).orderBy('name').execute();
}

export async function insertOrgUnits(
  db: Kysely<OrganizationDatabase>,
  units: readonly Omit<OrgUnitRow, 'created_at'>[],
): Promise<void> {
  if (units.length > 0) await db.insertInto('org_unit').values([...units]).execute();
}
