import { scopeSweepCondition, withinReplicaScopes } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberStatus } from '../generated/graphql.ts';
import type { MemberRow } from '../member/member.tables.ts';

/** What to look for, checked: every criterion given must hold. */
export interface MemberSearch {
  /** Folded (no case, no diacritics): any part of the name. */
  foldedName: string | null;
  /** Only inside `citizenScopes`, the subtrees where the caller may read CCCDs. */
  citizenId: string | null;
  citizenScopes: readonly string[];
  /** Current or earlier card number. */
  cardNumber: string | null;
  status: MemberStatus | null;
  readableScopes: readonly string[];
  afterId: string | null;
  first: number;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** One page of members matching `search`, in Vietnamese order (given name, whole name, id), and whether more follow. */
export async function searchMembers(db: Kysely<MembershipDatabase>, search: MemberSearch): Promise<{ nodes: MemberRow[]; hasNextPage: boolean }> {
  let query = db
    .selectFrom('member')
    .selectAll('member')
    .where(await scopeSweepCondition(db, 'member.cell_id', search.readableScopes));
  if (search.foldedName) query = query.where(sql<boolean>`member.full_name_folded LIKE ${`%${escapeLike(search.foldedName)}%`}`);
  if (search.citizenId) query = query.where('member.citizen_id', '=', search.citizenId).where(withinReplicaScopes('member.cell_id', search.citizenScopes));
  const cardNumber = search.cardNumber;
  if (cardNumber) {
    query = query.where((eb) =>
      eb.or([eb('member.party_card_number', '=', cardNumber), eb('member.id', 'in', eb.selectFrom('member_party_card').select('member_id').where('card_number', '=', cardNumber))]),
    );
  }
  if (search.status) query = query.where('member.status', '=', search.status);
  if (search.afterId) {
    const after = await db.selectFrom('member').select(['given_name', 'full_name', 'id']).where('id', '=', search.afterId).executeTakeFirst();
    if (!after) throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang (after) không hợp lệ.', { field: 'after' });
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
