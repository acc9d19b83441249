import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES, type Caller } from '@dangvien/auth';
import { scopeSweepCondition, withinReplicaScopes } from '@dangvien/org-replica';
import { DomainError, foldText, requireId, requireText } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase, MemberStatus } from '../database.ts';
import type { MemberRow } from '../member/member.repository.ts';
import { withPlacementTables } from '../placement/tables.ts';

export interface MemberSearchArguments {
  name?: string | null;
  citizenId?: string | null;
  partyCardNumber?: string | null;
  status?: MemberStatus | null;
  first?: number | null;
  after?: string | null;
}

export interface MemberSearchPage {
  nodes: MemberRow[];
  /** The id of the last member of the page: pass it as `after` for the next one. */
  endCursor: string | null;
  hasNextPage: boolean;
}

export const MAX_SEARCH_PAGE = 200;


const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/**
 * Members inside the caller's subtrees by name (ignoring case and diacritics), CCCD (only where the
 * caller's role reads it: otherwise nothing matches, and nothing says whether it exists) or party card
 * number (current or earlier); every criterion given must hold. Vietnamese order, pages by cursor.
 */
export async function searchMembers(db: Kysely<MembershipDatabase>, caller: Caller, args: MemberSearchArguments): Promise<MemberSearchPage> {
  const name = args.name?.trim() ? foldText(requireText(args.name, 'name', 'họ tên', 200)) : null;
  const citizenId = args.citizenId?.trim() ? args.citizenId.replace(/\s/g, '') : null;
  const cardNumber = args.partyCardNumber?.trim() ? requireText(args.partyCardNumber, 'partyCardNumber', 'số thẻ đảng viên', 50) : null;
  if (!name && !citizenId && !cardNumber) throw new DomainError('BAD_USER_INPUT', 'Nhập họ tên, số CCCD hoặc số thẻ đảng viên để tìm.', { field: 'name' });
  if (citizenId !== null && !/^[0-9]{12}$/.test(citizenId)) throw new DomainError('BAD_USER_INPUT', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'citizenId' });
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_PAGE) throw new DomainError('BAD_USER_INPUT', `Số kết quả mỗi trang (first) phải từ 1 đến ${MAX_SEARCH_PAGE}.`, { field: 'first' });
  const afterId = args.after ? requireId(args.after, 'after') : null;

  const sensitiveScopes = scopesWithRole(caller, SENSITIVE_READER_ROLES);
  if (citizenId !== null && sensitiveScopes.length === 0) return { nodes: [], endCursor: null, hasNextPage: false };

  let query = withPlacementTables(db)
    .selectFrom('member')
    .selectAll('member')
    .where(await scopeSweepCondition(db, 'member.cell_id', readableScopes(caller)));
  if (name) query = query.where(sql<boolean>`member.full_name_folded LIKE ${`%${escapeLike(name)}%`}`);
  if (citizenId) query = query.where('member.citizen_id', '=', citizenId).where(withinReplicaScopes('member.cell_id', sensitiveScopes));
  if (cardNumber) {
    query = query.where((eb) =>
      eb.or([eb('member.party_card_number', '=', cardNumber), eb('member.id', 'in', eb.selectFrom('member_party_card').select('member_id').where('card_number', '=', cardNumber))]),
    );
  }
  if (args.status) query = query.where('member.status', '=', args.status);
  if (afterId) {
    const after = await db.selectFrom('member').select(['given_name', 'full_name', 'id']).where('id', '=', afterId).executeTakeFirst();
    if (!after) throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang (after) không hợp lệ.', { field: 'after' });
    query = query.where(
      sql<boolean>`(member.given_name COLLATE "vi-x-icu", member.full_name COLLATE "vi-x-icu", member.id) > (${after.given_name} COLLATE "vi-x-icu", ${after.full_name} COLLATE "vi-x-icu", ${after.id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy(sql`member.given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`member.full_name COLLATE "vi-x-icu"`)
    .orderBy('member.id')
    .limit(first + 1)
    .execute();
  const nodes = rows.slice(0, first) as MemberRow[];
  return { nodes, endCursor: nodes.at(-1)?.id ?? null, hasNextPage: rows.length > first };
}
