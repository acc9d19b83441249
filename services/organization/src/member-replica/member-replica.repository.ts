import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { today } from '../org-unit/org-unit.repository.ts';

type Trx = Transaction<OrganizationDatabase>;

/** Statuses of members no longer in any cell's roster. */
export const GONE_STATUSES = ['LEFT', 'DECEASED'] as const;

/** Membership's MemberPlaced payload (services/membership/src/placement/placement.events.ts). */
export interface PlacedEvent {
  memberId: string;
  cellId: string | null;
  status: string;
  /** YYYY-MM-DD the placement or status holds from; absent on events published before dates existed. */
  effectiveDate?: string;
}

/** What the copy needs of membership's MembersMoved payload. */
export interface MovedEvent {
  toUnitId: string;
  memberIds: string[];
  effectiveDate?: string;
}

/**
 * SQL derived table `(member_id, cell_id, status)`: each member's placement and status on `day`, from
 * the dated changes (the one begun by that day whose successor had not). Use as
 * `FROM ${placementsOn(day)} AS placement`.
 */
export function placementsOn(day: string): RawBuilder<unknown> {
  return sql`(
    SELECT member_id, cell_id, status FROM member_placement_replica
    WHERE (valid_from IS NULL OR valid_from <= ${day}::date) AND (valid_to IS NULL OR valid_to > ${day}::date)
  )`;
}

/**
 * Sets `valid_to` of the members' changes after new ones arrived (possibly dated before older ones):
 * each change ends where the next one in date order (then arrival order) begins. Depends only on the
 * rows, so replaying the same events into an empty copy gives the same periods.
 */
async function closePeriods(trx: Trx, memberIds: readonly string[]): Promise<void> {
  await sql`
    UPDATE member_placement_replica c SET valid_to = n.next_from
    FROM (
      SELECT seq, lead(COALESCE(valid_from, '-infinity'::date)) OVER (PARTITION BY member_id ORDER BY valid_from NULLS FIRST, seq) AS next_from
      FROM member_placement_replica WHERE member_id = ANY(${[...memberIds]}::uuid[])
    ) n
    WHERE c.seq = n.seq AND c.valid_to IS DISTINCT FROM n.next_from`.execute(trx);
}

/**
 * MemberPlaced: the member is in `cellId` with `status` from `effectiveDate`. An undated event (the
 * first placement of a seeded or bulk-created member) holds since always for a member we do not know,
 * else from the start of the member's latest change, which it replaces.
 */
export async function applyMemberPlaced(trx: Trx, placed: PlacedEvent): Promise<void> {
  const latest = placed.effectiveDate
    ? null
    : await trx.selectFrom('member_placement_replica').select('valid_from').where('member_id', '=', placed.memberId).orderBy(sql`valid_from DESC NULLS LAST`).limit(1).executeTakeFirst();
  const validFrom = placed.effectiveDate ?? latest?.valid_from ?? null;
  await trx.insertInto('member_placement_replica').values({ member_id: placed.memberId, cell_id: placed.cellId, status: placed.status, valid_from: validFrom }).execute();
  await closePeriods(trx, [placed.memberId]);
}

/** MembersMoved: the members do party activity in `toUnitId` from `effectiveDate`, keeping the status they had that day. */
export async function applyMembersMoved(trx: Trx, moved: MovedEvent): Promise<void> {
  if (moved.memberIds.length === 0) return;
  const day = moved.effectiveDate ?? null;
  // The change valid on the day gives the status; failing that, the latest one (and, undated, its start).
  await sql`
    INSERT INTO member_placement_replica (member_id, cell_id, status, valid_from)
    SELECT DISTINCT ON (r.member_id) r.member_id, ${moved.toUnitId}::uuid, r.status, COALESCE(${day}::date, r.valid_from)
    FROM member_placement_replica r
    WHERE r.member_id = ANY(${moved.memberIds}::uuid[])
    ORDER BY r.member_id,
      (${day}::date IS NOT NULL AND (r.valid_from IS NULL OR r.valid_from <= ${day}::date) AND (r.valid_to IS NULL OR r.valid_to > ${day}::date)) DESC,
      r.valid_from DESC NULLS LAST, r.seq DESC`.execute(trx);
  await closePeriods(trx, moved.memberIds);
}

/** Ids of the members (not left, not deceased) placed in `unitId` on `day`, as far as this copy knows. */
export async function activeMemberIdsOn(db: Kysely<OrganizationDatabase>, unitId: string, day: string): Promise<Set<string>> {
  const result = await sql<{ member_id: string }>`
    SELECT placement.member_id FROM ${placementsOn(day)} AS placement
    WHERE placement.cell_id = ${unitId}::uuid AND placement.status <> ALL(${[...GONE_STATUSES]}::text[])`.execute(db);
  return new Set(result.rows.map((row) => row.member_id));
}

/** Ids of the members (not left, not deceased) placed in `unitId` today, as far as this copy knows. */
export function activeMemberIdsOf(trx: Trx, unitId: string): Promise<Set<string>> {
  return activeMemberIdsOn(trx, unitId, today());
}

/** Whether a member was placed (and active) on `day` inside the subtree `unitId` had that day. */
export async function memberPlacedUnderOn(db: Kysely<OrganizationDatabase>, memberId: string, unitId: string, day: string): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    WITH RECURSIVE tree AS (
      SELECT ${unitId}::uuid AS id
      UNION
      SELECT v.unit_id FROM org_unit_version v JOIN tree ON v.parent_id = tree.id
      WHERE (v.valid_from IS NULL OR v.valid_from <= ${day}::date) AND (v.valid_to IS NULL OR v.valid_to > ${day}::date)
    )
    SELECT EXISTS (
      SELECT 1 FROM ${placementsOn(day)} AS placement
      WHERE placement.member_id = ${memberId}::uuid AND placement.status <> ALL(${[...GONE_STATUSES]}::text[]) AND placement.cell_id IN (SELECT id FROM tree)
    ) AS ok`.execute(db);
  return row.rows[0]?.ok ?? false;
}
