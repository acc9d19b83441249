import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { publish, setDigest } from '@dangvien/events';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { MEMBER_EVENTS, type MemberPlaced } from '../placement/placement.events.ts';
import type { MemberRow, PartyCardRow, ProfileValues } from './member.tables.ts';
import { recordWithinScopes } from './record-scope.ts';

/** A member with whether the caller may read the record (held inside the caller's subtrees: record-scope.ts). */
export type MemberInReach = MemberRow & { readable: boolean };

/** Members by id whatever their place, each marked readable or not for `scopeIds`: one statement serves scoped and unscoped uses. */
export function findMembersInReach(db: Kysely<MembershipDatabase>, ids: readonly string[], scopeIds: readonly string[]): Promise<MemberInReach[]> {
  return db
    .selectFrom('member')
    .selectAll()
    .select(recordWithinScopes('member', scopeIds).as('readable'))
    .where('id', 'in', ids)
    .execute();
}

/** Which of `ids` have their record held inside `scopeIds` (the subtrees where the caller may read sensitive data). */
export async function membersWithin(db: Kysely<MembershipDatabase>, ids: readonly string[], scopeIds: readonly string[]): Promise<Set<string>> {
  if (scopeIds.length === 0) return new Set();
  const rows = await db.selectFrom('member').select('id').where('id', 'in', [...ids]).where(recordWithinScopes('member', scopeIds)).execute();
  return new Set(rows.map((row) => row.id));
}

/** Every card number each member held, oldest first. */
export function partyCardsOfMembers(db: Kysely<MembershipDatabase>, memberIds: readonly string[]): Promise<PartyCardRow[]> {
  return db.selectFrom('member_party_card').selectAll().where('member_id', 'in', memberIds).orderBy('id').execute();
}

/**
 * Members inside `scopeIds` with the CCCD (only when `citizenScopes` may read it there) or the same
 * name and date of birth, in Vietnamese order, with which of the two matched.
 */
export function findPossibleDuplicates(
  db: Kysely<MembershipDatabase>,
  scopeIds: readonly string[],
  citizenScopes: readonly string[],
  byCitizenId: string | null,
  byName: { name: string; birth: string } | null,
) {
  return db
    .selectFrom('member')
    .selectAll()
    .select([
      sql<boolean>`coalesce(${byCitizenId !== null} AND citizen_id = ${byCitizenId}, false)`.as('same_citizen_id'),
      sql<boolean>`coalesce(lower(full_name) = lower(${byName?.name ?? null}) AND date_of_birth = ${byName?.birth ?? null}::date, false)`.as('same_name'),
    ])
    .where(inReplicaSubtrees('member.cell_id', scopeIds))
    .where(
      sql<boolean>`((${byCitizenId !== null} AND citizen_id = ${byCitizenId} AND ${inReplicaSubtrees('member.cell_id', citizenScopes)})
        OR (lower(full_name) = lower(${byName?.name ?? null}) AND date_of_birth = ${byName?.birth ?? null}::date))`,
    )
    .orderBy(sql`given_name COLLATE "vi-x-icu"`)
    .limit(100)
    .execute();
}

export type NewMember = Pick<MemberRow, 'id' | 'full_name' | 'status' | 'cell_id'> & { placed_on?: string | null; date_of_birth?: string | null; sex?: MemberRow['sex'] };

/** Inserts members with their first placement and publishes MemberPlaced for each, in the caller's transaction. */
export async function insertMembers(trx: Transaction<MembershipDatabase>, members: readonly NewMember[]): Promise<void> {
  if (members.length === 0) return;
  await trx
    .insertInto('member')
    .values(members.map(({ id, full_name, status, cell_id, date_of_birth, sex }) => ({ id, full_name, status, cell_id, date_of_birth: date_of_birth ?? null, sex: sex ?? null, initial_status: status })))
    .execute();
  const placed = members.flatMap((member) => (member.cell_id ? [{ ...member, cell_id: member.cell_id }] : []));
  if (placed.length > 0) {
    await trx
      .insertInto('member_placement')
      .values(placed.map((member) => ({ member_id: member.id, cell_id: member.cell_id, valid_from: member.placed_on ?? null, valid_to: null, operation_id: null })))
      .execute();
  }
  await publish(
    trx,
    members.map((member) => ({
      type: MEMBER_EVENTS.placed,
      aggregateId: member.id,
      payload: { memberId: member.id, cellId: member.cell_id, status: member.status } satisfies MemberPlaced,
    })),
  );
}

/** Digest of where every member is and their status, compared with evaluation's copy. */
export async function placementDigest(db: Kysely<MembershipDatabase>): Promise<{ rows: number; digest: string }> {
  const rows = await db.selectFrom('member').select(['id', 'cell_id', 'status']).execute();
  return setDigest(rows.map((row) => `${row.id}|${row.cell_id ?? ''}|${row.status}`));
}

/**
 * Refuses a profile that would repeat the CCCD or party card number (now or in the card history) of a
 * member the caller may read, naming the number so the clerk can check it. A repeat on a member the
 * caller may not read is not refused: refusing would tell the caller that the number belongs to a Party
 * member elsewhere (an oracle, in bulk through an import). That record is written and the pair becomes
 * a possible duplicate for the levels that see both (`recordPossibleDuplicates`). Without `caller`
 * (system paths) every repeat is refused. An advisory lock per number makes two clerks racing for
 * one number meet here in turn (the numbers are indexed, not unique).
 */
export async function checkUnique(trx: Transaction<MembershipDatabase>, values: ProfileValues, memberId: string, caller?: Caller): Promise<void> {
  const readable = caller ? inReplicaSubtrees('member.cell_id', readableScopes(caller)) : sql<boolean>`TRUE`;
  if (values.citizen_id) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`citizen:${values.citizen_id}`}))`.execute(trx);
    const other = await trx.selectFrom('member').select('id').where('citizen_id', '=', values.citizen_id).where('id', '!=', memberId).where(readable).executeTakeFirst();
    if (other) throw new DomainError('CONFLICT', `Số CCCD ${values.citizen_id} đã có trong hồ sơ một đảng viên khác.`, { field: 'citizenId' });
  }
  if (values.party_card_number) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`card:${values.party_card_number}`}))`.execute(trx);
    const other = await trx
      .selectFrom('member_party_card')
      .innerJoin('member', 'member.id', 'member_party_card.member_id')
      .select('member.id')
      .where('card_number', '=', values.party_card_number)
      .where('member_party_card.member_id', '!=', memberId)
      .where(readable)
      .unionAll(trx.selectFrom('member').select('id').where('party_card_number', '=', values.party_card_number).where('id', '!=', memberId).where(readable))
      .executeTakeFirst();
    if (other) throw new DomainError('CONFLICT', `Số thẻ đảng viên ${values.party_card_number} đã cấp cho một đảng viên khác.`, { field: 'partyCardNumber' });
  }
}

/**
 * Members that now share a CCCD or a party card number (current or past) with another member: each pair
 * goes into the audit log of the other member (operation `possibleDuplicate`), so the district board or
 * administrator over it sees the item, and the data-quality lists find the pair by the shared number.
 * Nothing of it reaches the caller. Written in the caller's transaction, with the change that caused it.
 */
export async function recordPossibleDuplicates(trx: Transaction<MembershipDatabase>, caller: Caller, operation: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  const pairs = await sql<{ member_id: string; other_id: string; field: 'citizenId' | 'partyCardNumber' }>`
    WITH numbers AS (
      SELECT id AS member_id, 'citizenId' AS field, citizen_id AS number FROM member WHERE id = ANY(${memberIds}::uuid[]) AND citizen_id IS NOT NULL
      UNION SELECT member_id, 'partyCardNumber', card_number FROM member_party_card WHERE member_id = ANY(${memberIds}::uuid[])
      UNION SELECT id, 'partyCardNumber', party_card_number FROM member WHERE id = ANY(${memberIds}::uuid[]) AND party_card_number IS NOT NULL
    ), holders AS (
      SELECT id AS other_id, 'citizenId' AS field, citizen_id AS number FROM member WHERE citizen_id IN (SELECT number FROM numbers WHERE field = 'citizenId')
      UNION SELECT member_id, 'partyCardNumber', card_number FROM member_party_card WHERE card_number IN (SELECT number FROM numbers WHERE field = 'partyCardNumber')
      UNION SELECT id, 'partyCardNumber', party_card_number FROM member WHERE party_card_number IN (SELECT number FROM numbers WHERE field = 'partyCardNumber')
    )
    SELECT DISTINCT numbers.member_id, holders.other_id, numbers.field
    FROM numbers JOIN holders USING (field, number)
    WHERE holders.other_id <> numbers.member_id`.execute(trx);
  if (pairs.rows.length === 0) return;
  await writeAudit(
    trx,
    caller,
    pairs.rows.map((pair) => ({ operation: 'possibleDuplicate', entityType: 'Member', entityId: pair.other_id, before: null, after: { field: pair.field, memberId: pair.member_id, byOperation: operation } })),
  );
}

/** Locks a member the caller may change with `mutation`. Out of scope looks like missing; inside the caller's reach but without the role, forbidden. */
export async function lockMember(
  trx: Transaction<MembershipDatabase>,
  caller: Caller,
  mutation: MutationName,
  id: string,
  what: string,
  /** The input field that named the member, when it is not the mutation's own `id`. */
  field?: string,
): Promise<MemberRow> {
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const member = await trx.selectFrom('member').selectAll().where('id', '=', id).where(inReplicaSubtrees('member.cell_id', scopes)).forUpdate().executeTakeFirst();
  if (member) return member;
  const readable = await trx.selectFrom('member').select('id').where('id', '=', id).where(inReplicaSubtrees('member.cell_id', readableScopes(caller))).executeTakeFirst();
  if (readable) throw new DomainError('FORBIDDEN', `Vai trò của bạn không được ${what}.`);
  // Transferred out of the system: the record is kept for reading; decisions are the new organization's.
  const keptRecord = await trx.selectFrom('member').select('id').where('id', '=', id).where('cell_id', 'is', null).where(recordWithinScopes('member', readableScopes(caller))).executeTakeFirst();
  if (keptRecord) {
    throw new DomainError('CONFLICT', 'Đồng chí đã chuyển sinh hoạt ra ngoài hệ thống: hồ sơ được giữ để tra cứu, không ghi thêm thay đổi ở đây.', field ? { field } : undefined);
  }
  throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên.', field ? { field } : undefined);
}

/** The member's card history grows with each new number (append-only). */
export async function recordPartyCard(trx: Transaction<MembershipDatabase>, memberId: string, cardNumber: string, recordedBy: string): Promise<void> {
  await trx.insertInto('member_party_card').values({ member_id: memberId, card_number: cardNumber, recorded_by: recordedBy }).execute();
}
