import { sql, type Kysely, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { placementsOn } from '../member-replica/member-replica.repository.ts';
import { inSubtrees, today, type UnitDay } from '../org-unit/org-unit.repository.ts';
import type { CommitteeTermRow, PositionRow } from './committee.tables.ts';

type Db = Kysely<OrganizationDatabase>;

/** Rank of a position in lists: secretary first. */
const RANK = sql`CASE p.position WHEN 'SECRETARY' THEN 0 WHEN 'DEPUTY_SECRETARY' THEN 1 WHEN 'STANDING_COMMITTEE_MEMBER' THEN 2 ELSE 3 END`;

/** Every term of the given units, oldest first: one statement. */
export function findTermsOf(db: Db, unitIds: readonly string[]): Promise<CommitteeTermRow[]> {
  return db.selectFrom('committee_term').selectAll().where('unit_id', 'in', unitIds).orderBy('unit_id').orderBy('starts_on').execute();
}

export function findTermsByIds(db: Db, ids: readonly string[]): Promise<CommitteeTermRow[]> {
  return db.selectFrom('committee_term').selectAll().where('id', 'in', ids).execute();
}

/** Positions held in each (unit, day), secretary first: one statement. */
export async function findPositionsOn(db: Db, keys: readonly UnitDay[]): Promise<(PositionRow & { key_id: string; key_day: string })[]> {
  const result = await sql<PositionRow & { key_id: string; key_day: string }>`
    SELECT p.*, k.id AS key_id, k.day::text AS key_day
    FROM committee_position p
    JOIN unnest(${keys.map((key) => key.id)}::uuid[], ${keys.map((key) => key.day)}::date[]) AS k(id, day)
      ON p.unit_id = k.id AND p.starts_on <= k.day AND (p.ends_on IS NULL OR p.ends_on > k.day)
    ORDER BY ${RANK}, p.starts_on, p.id`.execute(db);
  return result.rows;
}

/** Every position of the given terms, secretary first, then by start: one statement. */
export async function findPositionsOfTerms(db: Db, termIds: readonly string[]): Promise<PositionRow[]> {
  const result = await sql<PositionRow>`SELECT p.* FROM committee_position p WHERE p.term_id = ANY(${[...termIds]}::uuid[]) ORDER BY ${RANK}, p.starts_on, p.id`.execute(db);
  return result.rows;
}

/** Cells (and grassroots cells) in the subtree of `unitId` today, inside the caller's scopes. */
export async function findCellsUnder(db: Db, unitId: string, scopeIds: readonly string[]): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT u.id FROM org_unit u
    WHERE u.kind IN ('CELL', 'GRASSROOTS_CELL') AND ${inSubtrees(sql`u.id`, [unitId])} AND ${inSubtrees(sql`u.id`, scopeIds)}
    ORDER BY u.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Positions of each member, newest first, only in units that were ever inside the caller's scopes: one statement. */
export async function findPositionsOfMembers(db: Db, memberIds: readonly string[], scopeIds: readonly string[]): Promise<PositionRow[]> {
  const result = await sql<PositionRow>`
    SELECT p.* FROM committee_position p
    WHERE p.member_id = ANY(${[...memberIds]}::uuid[]) AND ${inSubtrees(sql`p.unit_id`, scopeIds, null)}
    ORDER BY p.starts_on DESC, p.id`.execute(db);
  return result.rows;
}

/** Official members placed directly in each unit on `day` (today unless given), from organization's dated copy of membership's placements. */
export async function officialMemberCounts(db: Kysely<OrganizationDatabase> | Transaction<OrganizationDatabase>, unitIds: readonly string[], day: string = today()): Promise<Map<string, number>> {
  const counts = new Map<string, number>(unitIds.map((id) => [id, 0]));
  if (unitIds.length === 0) return counts;
  const result = await sql<{ cell_id: string; n: number }>`
    SELECT placement.cell_id, count(*)::int AS n FROM ${placementsOn(day)} AS placement
    WHERE placement.cell_id = ANY(${[...unitIds]}::uuid[]) AND placement.status = 'OFFICIAL'
    GROUP BY placement.cell_id`.execute(db);
  for (const row of result.rows) counts.set(row.cell_id, row.n);
  return counts;
}

/** A unit that ends takes its committee with it: its open term and the positions still held end that day. */
export async function endCommitteesOf(trx: Transaction<OrganizationDatabase>, unitIds: readonly string[], day: string, decisionNumber: string): Promise<number> {
  if (unitIds.length === 0) return 0;
  await trx
    .updateTable('committee_term')
    .set({ ends_on: day })
    .where('unit_id', 'in', [...unitIds])
    .where('ends_on', 'is', null)
    .where('starts_on', '<', day)
    .execute();
  const ended = await trx
    .updateTable('committee_position')
    .set({ ends_on: day, end_decision_number: decisionNumber })
    .where('unit_id', 'in', [...unitIds])
    .where('ends_on', 'is', null)
    .where('starts_on', '<', day)
    .returning('id')
    .execute();
  return ended.length;
}
