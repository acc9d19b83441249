import { unitsWithinScopes } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberStatus, PlacementKind } from '../generated/graphql.ts';
import { toLifecycleEvent } from '../lifecycle/history.ts';
import { statusOn } from '../lifecycle/lifecycle.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { todayInVietnam } from '@dangvien/db';
import type { PlacedMember, PlacementRow } from './placement.tables.ts';

/** Statuses of the people on a cell's roster when no status is asked for: party members, not candidates nor the departed. */
export const ROSTER_STATUSES: readonly MemberStatus[] = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'];

export const MAX_PAGE_SIZE = 500;

export interface RosterQuery {
  /** YYYY-MM-DD; the roster as it stood at the end of that day. */
  asOf: string;
  status: MemberStatus | null;
  /** Only official or only temporary placements; both when absent. */
  placementKind?: PlacementKind | null;
}

/** Vietnamese sort key of a member: given name, then whole name, then id (a total order for cursors). */
const sortKey = [sql`member.given_name COLLATE "vi-x-icu"`, sql`member.full_name COLLATE "vi-x-icu"`, sql`member.id`] as const;

/** Placements in `cellIds` that hold at the end of `asOf` (of one kind when asked), joined to their members. */
function placementsOn(db: Kysely<MembershipDatabase>, cellIds: readonly string[], asOf: string, placementKind: PlacementKind | null | undefined) {
  const select = db
    .selectFrom('member_placement')
    .innerJoin('member', 'member.id', 'member_placement.member_id')
    .where(sql<boolean>`member_placement.cell_id = ANY(${[...cellIds]}::uuid[])`)
    .where(sql<boolean>`(member_placement.valid_from IS NULL OR member_placement.valid_from <= ${asOf}::date)`)
    .where(sql<boolean>`(member_placement.valid_to IS NULL OR member_placement.valid_to > ${asOf}::date)`);
  return placementKind ? select.where(sql<boolean>`member_placement.kind = ${placementKind}`) : select;
}

/**
 * Members placed in one of `cellIds` at the end of `asOf` (from the dated placements), with the
 * status they had on that date, in Vietnamese order, after the member `afterId` when given.
 * Today's status is the stored one; an earlier date replays each member's events up to it.
 */
export async function placedMembers(
  db: Kysely<MembershipDatabase>,
  cellIds: readonly string[],
  query: RosterQuery,
  page: { afterId?: string | null; limit?: number | null } = {},
): Promise<PlacedMember[]> {
  if (cellIds.length === 0) return [];
  const today = todayInVietnam();
  const wanted = query.status ? [query.status] : ROSTER_STATUSES;
  const current = query.asOf >= today;
  let select = placementsOn(db, cellIds, query.asOf, query.placementKind).selectAll('member').select('member_placement.cell_id as placed_cell_id');
  if (current) select = select.where('member.status', 'in', [...wanted]);
  if (page.afterId) {
    const after = await db.selectFrom('member').select(['given_name', 'full_name', 'id']).where('id', '=', page.afterId).executeTakeFirst();
    if (!after) throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang (after) không hợp lệ.', { field: 'after' });
    select = select.where(
      sql<boolean>`(${sortKey[0]}, ${sortKey[1]}, ${sortKey[2]}) > (${after.given_name} COLLATE "vi-x-icu", ${after.full_name} COLLATE "vi-x-icu", ${after.id}::uuid)`,
    );
  }
  select = select.orderBy(sortKey[0]).orderBy(sortKey[1]).orderBy(sortKey[2]);
  if (current && page.limit) select = select.limit(page.limit);
  const rows = await select.execute();
  if (current) return rows;
  const statuses = await statusesOn(db, rows, query.asOf);
  const matching = rows.filter((row) => {
    const status = statuses.get(row.id);
    return status !== null && status !== undefined && wanted.includes(status);
  });
  return page.limit ? matching.slice(0, page.limit) : matching;
}

/**
 * How many members are placed in each of `cellIds` today with the wanted status: counted in SQL, so a
 * count over every cell of a district reads no member rows. Past dates need each member's status on
 * that day, which `placedMembers` replays.
 */
export async function countPlacedToday(db: Kysely<MembershipDatabase>, cellIds: readonly string[], query: Omit<RosterQuery, 'asOf'>): Promise<Map<string, number>> {
  if (cellIds.length === 0) return new Map();
  const today = todayInVietnam();
  const wanted = query.status ? [query.status] : ROSTER_STATUSES;
  const rows = await placementsOn(db, cellIds, today, query.placementKind)
    .select(['member_placement.cell_id', sql<number>`count(DISTINCT member.id)::int`.as('n')])
    .where('member.status', 'in', [...wanted])
    .groupBy('member_placement.cell_id')
    .execute();
  return new Map(rows.map((row) => [row.cell_id, Number(row.n)]));
}

/**
 * Each member's status at the end of `date`. A member with no event after that day has today's
 * (stored) status; only the others are replayed from their events up to that day.
 */
export async function statusesOn(db: Kysely<MembershipDatabase>, members: readonly MemberRow[], date: string): Promise<Map<string, MemberStatus | null>> {
  const result = new Map<string, MemberStatus | null>(members.map((member) => [member.id, member.status]));
  if (members.length === 0) return result;
  const ids = [...new Set(members.map((member) => member.id))];
  const changedSince = await db
    .selectFrom('member_event')
    .select('member_id')
    .distinct()
    .where(sql<boolean>`member_id = ANY(${ids}::uuid[])`)
    .where('occurred_on', '>', date)
    .where('annulled_at', 'is', null)
    .execute();
  if (changedSince.length === 0) return result;
  const replayed = changedSince.map((row) => row.member_id);
  const events = await db
    .selectFrom('member_event')
    .select(['id', 'member_id', 'kind', 'occurred_on', 'details'])
    .where(sql<boolean>`member_id = ANY(${replayed}::uuid[])`)
    .where('occurred_on', '<=', date)
    .where('annulled_at', 'is', null)
    .execute();
  const byMember = new Map<string, typeof events>(replayed.map((id) => [id, []]));
  for (const event of events) byMember.get(event.member_id)!.push(event);
  for (const member of members) {
    const history = byMember.get(member.id);
    if (!history) continue;
    result.set(member.id, statusOn(history.map(toLifecycleEvent), { initialStatus: member.initial_status, dateOfBirth: member.date_of_birth }, date));
  }
  return result;
}

/** Which of `unitIds` the caller may read on `asOf`: inside their subtrees as the tree stood then, or as it stands today. */
export async function readableUnitsAmong(db: Kysely<MembershipDatabase>, scopes: readonly string[], unitIds: readonly string[], asOf: string): Promise<Set<string>> {
  const today = todayInVietnam();
  const [then, now] = await Promise.all([unitsWithinScopes(db, unitIds, scopes, asOf), asOf === today ? Promise.resolve(new Set<string>()) : unitsWithinScopes(db, unitIds, scopes, today)]);
  return new Set([...then, ...now]);
}

/** Every placement of a member, oldest first. */
export function placementsOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<PlacementRow[]> {
  return db.selectFrom('member_placement').selectAll().where('member_id', '=', memberId).orderBy(sql`valid_from NULLS FIRST`).orderBy('id').execute();
}

/** The cell a member was placed in at the end of `date`, if any (the newest placement when two held). */
export async function cellOfMemberOn(db: Kysely<MembershipDatabase>, memberId: string, date: string): Promise<string | null> {
  const placement = await db
    .selectFrom('member_placement')
    .select('cell_id')
    .where('member_id', '=', memberId)
    .where(sql<boolean>`(valid_from IS NULL OR valid_from <= ${date}::date) AND (valid_to IS NULL OR valid_to > ${date}::date)`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return placement?.cell_id ?? null;
}

/** The member's open placement (where they do party activity now), if any. */
export function openPlacement(trx: Transaction<MembershipDatabase>, memberId: string): Promise<PlacementRow | undefined> {
  return trx.selectFrom('member_placement').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
}

/** Ends the open placement on `date` (exclusive end); refuses a date before it began, so history stays ordered. */
export async function closePlacement(trx: Transaction<MembershipDatabase>, memberId: string, date: string, field: string): Promise<Pick<PlacementRow, 'cell_id' | 'kind'> | null> {
  const open = await openPlacement(trx, memberId);
  if (!open) return null;
  if (open.valid_from !== null && date < open.valid_from) {
    throw new DomainError('BAD_USER_INPUT', `Ngày ${date} trước ngày đảng viên bắt đầu sinh hoạt ở chi bộ hiện tại (${open.valid_from}).`, { field });
  }
  await trx.updateTable('member_placement').set({ valid_to: date }).where('id', '=', open.id).execute();
  return { cell_id: open.cell_id, kind: open.kind };
}

/** Opens a placement in `cellId` from `date` and makes it the member's cell. */
export async function placeMember(trx: Transaction<MembershipDatabase>, memberId: string, cellId: string, date: string, kind: PlacementKind, transferId: string | null): Promise<void> {
  await trx.insertInto('member_placement').values({ member_id: memberId, cell_id: cellId, valid_from: date, valid_to: null, operation_id: null, kind, transfer_id: transferId }).execute();
  await trx.updateTable('member').set({ cell_id: cellId, updated_at: new Date() }).where('id', '=', memberId).execute();
}
