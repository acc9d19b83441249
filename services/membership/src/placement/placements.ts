import { DomainError } from '@dangvien/server';
import type { Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { trxWithPlacementTables, type PlacementKind } from './tables.ts';

/** The member's open placement (where they do party activity now), if any. */
export function openPlacement(trx: Transaction<MembershipDatabase>, memberId: string) {
  return trxWithPlacementTables(trx).selectFrom('member_placement').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
}

/** Ends the open placement on `date` (exclusive end); refuses a date before it began, so history stays ordered. */
export async function closePlacement(trx: Transaction<MembershipDatabase>, memberId: string, date: string, field: string): Promise<{ cell_id: string; kind: PlacementKind } | null> {
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
  await trxWithPlacementTables(trx).insertInto('member_placement').values({ member_id: memberId, cell_id: cellId, valid_from: date, valid_to: null, operation_id: null, kind, transfer_id: transferId }).execute();
  await trx.updateTable('member').set({ cell_id: cellId, updated_at: new Date() }).where('id', '=', memberId).execute();
}
