import { sql, type Kysely, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { inSubtrees } from '../org-unit/org-unit.repository.ts';

type Db = Kysely<OrganizationDatabase> | Transaction<OrganizationDatabase>;

/** A unit by id with what an import root needs (kind, establishment, end). */
export function findImportRoot(db: Db, id: string) {
  return db.selectFrom('org_unit').select(['id', 'kind', 'established_on', 'ended_on']).where('id', '=', id).executeTakeFirst();
}

/** Live units today under these codes (lowercase), with today's name and parent and whether they lie inside `scopeIds`. */
export function findLiveUnitsByCodes(db: Db, codes: readonly string[], scopeIds: readonly string[]) {
  return db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_version as v', (join) => join.onRef('v.unit_id', '=', 'u.id').on(sql<boolean>`(v.valid_from IS NULL OR v.valid_from <= current_date) AND (v.valid_to IS NULL OR v.valid_to > current_date)`))
    .select(['u.id', 'u.code', 'u.kind', 'u.established_on', 'u.ended_on', 'v.name', 'v.parent_id'])
    .select(inSubtrees('u.id', scopeIds).as('in_scope'))
    .where(sql<boolean>`lower(u.code) = ANY(${[...codes]}::text[])`)
    .execute();
}

/** Which of these codes (lowercase) belong to units that have ended: their codes stay taken. */
export async function findEndedCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('org_unit').select('code').where(sql<boolean>`lower(code) = ANY(${[...codes]}::text[])`).where('ended_on', 'is not', null).execute();
  return new Set(rows.map((unit) => unit.code.toLowerCase()));
}

/** The id of the unit with this code (any case); the caller has checked it exists. */
export async function unitIdByCode(db: Db, code: string): Promise<string> {
  const unit = await db.selectFrom('org_unit').select('id').where(sql<boolean>`lower(code) = ${code.toLowerCase()}`).executeTakeFirstOrThrow();
  return unit.id;
}

export async function insertAddresses(trx: Transaction<OrganizationDatabase>, addresses: readonly { unit_id: string; address: string }[]): Promise<void> {
  if (addresses.length > 0) await trx.insertInto('org_unit_address').values([...addresses]).execute();
}

/** Addresses of units (recorded by imports), for OrgUnit.address. */
export async function findAddressesOf(db: Db, unitIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('org_unit_address').select(['unit_id', 'address']).where('unit_id', 'in', [...unitIds]).execute();
  return new Map(rows.map((row) => [row.unit_id, row.address]));
}
