import { sql, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';

/** Statuses of members no longer in any cell's roster. */
export const GONE_STATUSES = ['LEFT', 'DECEASED'] as const;

/** MemberPlaced: a member's cell and status today (upsert; a later event wins). */
export async function applyMemberPlaced(trx: Transaction<OrganizationDatabase>, placed: { memberId: string; cellId: string | null; status: string }): Promise<void> {
  await trx
    .insertInto('member_placement_replica')
    .values({ member_id: placed.memberId, cell_id: placed.cellId, status: placed.status })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ cell_id: placed.cellId, status: placed.status }))
    .execute();
}

/** MembersMoved: the members now do party activity in `toUnitId`. */
export async function applyMembersMoved(trx: Transaction<OrganizationDatabase>, moved: { toUnitId: string; memberIds: string[] }): Promise<void> {
  if (moved.memberIds.length === 0) return;
  await trx.updateTable('member_placement_replica').set({ cell_id: moved.toUnitId }).where('member_id', 'in', moved.memberIds).execute();
}

/** Ids of the members (not left, not deceased) placed in `unitId` today, as far as this copy knows. */
export async function activeMemberIdsOf(trx: Transaction<OrganizationDatabase>, unitId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('member_placement_replica').select('member_id').where('cell_id', '=', unitId).where('status', 'not in', [...GONE_STATUSES]).execute();
  return new Set(rows.map((row) => row.member_id));
}

/** Whether a member is placed (and active) inside the subtree of `unitId` as the tree stands today. */
export async function memberPlacedUnder(trx: Transaction<OrganizationDatabase>, memberId: string, unitId: string): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    WITH RECURSIVE tree AS (
      SELECT ${unitId}::uuid AS id
      UNION
      SELECT v.unit_id FROM org_unit_version v JOIN tree ON v.parent_id = tree.id
      WHERE (v.valid_from IS NULL OR v.valid_from <= current_date) AND (v.valid_to IS NULL OR v.valid_to > current_date)
    )
    SELECT EXISTS (
      SELECT 1 FROM member_placement_replica m
      WHERE m.member_id = ${memberId}::uuid AND m.status <> ALL(${[...GONE_STATUSES]}::text[]) AND m.cell_id IN (SELECT id FROM tree)
    ) AS ok`.execute(trx);
  return row.rows[0]?.ok ?? false;
}
