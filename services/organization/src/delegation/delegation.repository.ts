import type { Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { DelegateRow, DelegationRow, RatingRow, WorkItemRow } from './delegation.tables.ts';

type Db = Kysely<OrganizationDatabase>;

export function findDelegationsByIds(db: Db, ids: readonly string[]): Promise<DelegationRow[]> {
  return db.selectFrom('delegation').selectAll().where('id', 'in', ids).execute();
}

export function findDelegationsDirecting(db: Db, unitIds: readonly string[]): Promise<DelegationRow[]> {
  return db.selectFrom('delegation').selectAll().where('target_unit_id', 'in', unitIds).orderBy('starts_on').orderBy('id').execute();
}

export function findDelegationsAssignedBy(db: Db, unitIds: readonly string[]): Promise<DelegationRow[]> {
  return db.selectFrom('delegation').selectAll().where('assigning_unit_id', 'in', unitIds).orderBy('starts_on').orderBy('id').execute();
}

/** Delegates of each delegation: the leader first, then deputies, then by area. */
export function findDelegatesOf(db: Db, delegationIds: readonly string[]): Promise<DelegateRow[]> {
  return db
    .selectFrom('delegate')
    .selectAll()
    .where('delegation_id', 'in', delegationIds)
    .orderBy((eb) => eb.case().when('role', '=', 'LEADER').then(0).when('role', '=', 'DEPUTY_LEADER').then(1).else(2).end())
    .orderBy('area_name')
    .orderBy('id')
    .execute();
}

export function findWorkItemsOf(db: Db, delegateIds: readonly string[]): Promise<WorkItemRow[]> {
  return db.selectFrom('delegate_work_item').selectAll().where('delegate_id', 'in', delegateIds).orderBy('year').orderBy('registered_on').orderBy('created_at').execute();
}

export function findRatingsOf(db: Db, delegateIds: readonly string[]): Promise<RatingRow[]> {
  return db.selectFrom('delegate_rating').selectAll().where('delegate_id', 'in', delegateIds).orderBy('year').execute();
}
