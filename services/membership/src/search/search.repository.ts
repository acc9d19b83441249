import { scopeSweepCondition, subtreeUnitIds, withinReplicaScopes } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { GONE, hasLeftBy } from '../member/record-scope.ts';
import { leaverReadable } from './search.leavers.ts';
import type { MemberSearch } from './search.tables.ts';
import { escapeLike, searchWide, type WideScope } from './search.wide.ts';

/** The member a cursor names, for the next page's start. */
export async function cursorMember(db: Kysely<MembershipDatabase>, afterId: string): Promise<Pick<MemberRow, 'given_name' | 'full_name' | 'id'>> {
  const after = await db.selectFrom('member').select(['given_name', 'full_name', 'id']).where('id', '=', afterId).executeTakeFirst();
  if (!after) throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang (after) không hợp lệ.', { field: 'after' });
  return after;
}

/**
 * One page of members matching `search`, in Vietnamese order (given name, whole name, id), and whether
 * more follow. A name search over whole provinces (or the country) reads the name words kept in that
 * order (`searchWide`); the rest, and any page today's tree does not confirm, reads the members.
 */
export async function searchMembers(db: Kysely<MembershipDatabase>, search: MemberSearch): Promise<{ nodes: MemberRow[]; hasNextPage: boolean }> {
  const foldedName = search.foldedName;
  if (foldedName && !search.citizenId && !search.cardNumber) {
    const scope = await wideScope(db, search.readableScopes);
    if (scope) {
      const { rows } = await searchWide(db, { ...search, foldedName }, scope);
      if (rows.every((row) => row.in_scope)) {
        const nodes = rows.map(({ in_scope: _inScope, ...member }) => member);
        return { nodes: nodes.slice(0, search.first), hasNextPage: nodes.length > search.first };
      }
    }
  }
  return searchByMember(db, search);
}

/**
 * The wide search's scope when some of the caller's scopes are tops of today's tree (a province) and the
 * others, if any, hold few units; otherwise null (the members are read instead).
 */
async function wideScope(db: Kysely<MembershipDatabase>, scopeIds: readonly string[]): Promise<WideScope | null> {
  if (scopeIds.length === 0) return null;
  const tops = await sql<{ id: string; every_top: boolean }>`
    SELECT DISTINCT top.id, NOT EXISTS (
      SELECT 1 FROM org_unit_replica other WHERE other.parent_id IS NULL AND other.valid_to IS NULL AND NOT other.id = ANY(${[...scopeIds]}::uuid[])) AS every_top
    FROM org_unit_replica top
    WHERE top.id = ANY(${[...scopeIds]}::uuid[]) AND top.parent_id IS NULL AND top.valid_to IS NULL`.execute(db);
  if (tops.rows.length === 0) return null;
  const topIds = tops.rows.map((row) => row.id);
  const others = scopeIds.filter((id) => !topIds.includes(id));
  const listedUnits = others.length > 0 ? await listedScopeUnits(db, others) : [];
  if (listedUnits === null) return null;
  return { tops: topIds, everyTop: tops.rows[0]!.every_top, listedUnits };
}

/** Today's units under `scopeIds`, or null when there are too many to list in a statement. */
async function listedScopeUnits(db: Kysely<MembershipDatabase>, scopeIds: readonly string[]): Promise<string[] | null> {
  const units = await subtreeUnitIds(db, scopeIds);
  return units.length > LISTED_UNITS ? null : units;
}

/** Up to this many units besides whole trees (a grassroots committee has a few hundred), the wide search lists them. */
const LISTED_UNITS = 2000;

/** The search over the members themselves: the caller's cells listed (a small scope) or swept. */
async function searchByMember(db: Kysely<MembershipDatabase>, search: MemberSearch): Promise<{ nodes: MemberRow[]; hasNextPage: boolean }> {
  const current = sql<boolean>`(member.status NOT IN (${sql.join(GONE)}) AND ${await scopeSweepCondition(db, 'member.cell_id', search.readableScopes)})`;
  let query = db
    .selectFrom('member')
    .selectAll('member')
    .where(search.includeLeft ? sql<boolean>`(${current} OR (${hasLeftBy(sql`member.status`, sql`member.cell_id`, sql`member.id`)} AND ${leaverReadable(sql`member.id`, search.readableScopes)}))` : current);
  if (search.foldedName) query = query.where(sql<boolean>`member.full_name_folded LIKE ${`%${escapeLike(search.foldedName)}%`}`);
  if (search.citizenId) query = query.where('member.citizen_id', '=', search.citizenId).where(withinReplicaScopes('member.cell_id', search.citizenScopes));
  const cardNumber = search.cardNumber;
  if (cardNumber) {
    query = query.where((eb) =>
      eb.or([eb('member.party_card_number', '=', cardNumber), eb('member.id', 'in', eb.selectFrom('member_party_card').select('member_id').where('card_number', '=', cardNumber))]),
    );
  }
  if (search.status) query = query.where('member.status', '=', search.status);
  const after = search.after;
  if (after) {
    query = query.where(
      sql<boolean>`(member.given_name COLLATE "vi-x-icu", member.full_name COLLATE "vi-x-icu", member.id) > (${after.given_name} COLLATE "vi-x-icu", ${after.full_name} COLLATE "vi-x-icu", ${after.id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy(sql`member.given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`member.full_name COLLATE "vi-x-icu"`)
    .orderBy('member.id')
    .limit(search.first + 1)
    .execute();
  return { nodes: rows.slice(0, search.first), hasNextPage: rows.length > search.first };
}
