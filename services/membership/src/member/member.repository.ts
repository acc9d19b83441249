import { publish, setDigest } from '@dangvien/events';
import { withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { MEMBER_EVENTS, type MemberPlaced } from '../placement/placement.events.ts';
import type { MemberTable, MembershipDatabase } from '../database.ts';

export type MemberRow = Selectable<MemberTable>;

/** Members by id, only those placed inside the caller's subtrees (`scopeIds`). */
export function findMembersByIds(db: Kysely<MembershipDatabase>, ids: readonly string[], scopeIds: readonly string[]): Promise<MemberRow[]> {
  return db.selectFrom('member').selectAll().where('id', 'in', ids).where(withinReplicaScopes('member.cell_id', scopeIds)).execute();
}

/** Members of several cells at once (cells inside the caller's subtrees), in Vietnamese order: given name, then the whole name. */
export function findMembersOfCells(db: Kysely<MembershipDatabase>, cellIds: readonly string[], scopeIds: readonly string[]): Promise<MemberRow[]> {
  // Candidates (quần chúng ưu tú) are not yet members of the cell's roster.
  return db
    .selectFrom('member')
    .selectAll()
    .where('cell_id', 'in', cellIds)
    .where('status', '!=', 'CANDIDATE')
    .where(withinReplicaScopes('member.cell_id', scopeIds))
    .orderBy(sql`given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`full_name COLLATE "vi-x-icu"`)
    .execute();
}

export type NewMember = Pick<MemberRow, 'id' | 'full_name' | 'status' | 'cell_id'> & { placed_on?: string | null; date_of_birth?: string | null; sex?: 'MALE' | 'FEMALE' | null };

/** Inserts members with their first placement and publishes MemberPlaced for each, in the caller's transaction. */
export async function insertMembers(trx: Transaction<MembershipDatabase>, members: readonly NewMember[]): Promise<void> {
  if (members.length === 0) return;
  await trx
    .insertInto('member')
    .values(members.map(({ id, full_name, status, cell_id, date_of_birth, sex }) => ({ id, full_name, status, cell_id, date_of_birth: date_of_birth ?? null, sex: sex ?? null, initial_status: status })))
    .execute();
  const placed = members.filter((member) => member.cell_id);
  if (placed.length > 0) {
    await trx
      .insertInto('member_placement')
      .values(placed.map((member) => ({ member_id: member.id, cell_id: member.cell_id!, valid_from: member.placed_on ?? null, valid_to: null, operation_id: null })))
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
