import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { OrgUnitRecord } from '../org-unit/org-unit.tables.ts';

type Db = Kysely<OrganizationDatabase>;

export function findOrgUnitRecord(db: Db, id: string): Promise<OrgUnitRecord | undefined> {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sub-units under `parentId` on or after `day` (those moved away from that day on no longer count). */
export function findChildrenFrom(db: Db, parentId: string, day: string): Promise<{ unit_id: string; name: string }[]> {
  return db
    .selectFrom('org_unit_version')
    .select(['unit_id', 'name'])
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
}

/** Ends units on a day: their successor and decision on org_unit; their open versions (parent and name) close, history keeps them. */
export async function endOrgUnits(
  trx: Transaction<OrganizationDatabase>,
  ids: readonly string[],
  end: { effectiveDate: string; successorId: string; decisionNumber: string },
): Promise<void> {
  await trx.updateTable('org_unit').set({ ended_on: end.effectiveDate, successor_id: end.successorId, end_decision: end.decisionNumber }).where('id', 'in', [...ids]).execute();
  await trx.updateTable('org_unit_version').set({ valid_to: end.effectiveDate }).where('unit_id', 'in', [...ids]).where('valid_to', 'is', null).execute();
}
