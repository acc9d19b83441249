import { inReplicaSubtrees } from '@dangvien/org-replica';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { InspectionRow, TransferRow } from './transfer.tables.ts';

export interface OverdueTransferLetter {
  memberId: string;
  /** The cell that issued the letter (the one to chase it). */
  cellId: string | null;
  /** YYYY-MM-DD: the last day to present the letter. */
  dueDate: string;
  detail: string;
}

/**
 * Transfer letters issued by `asOf` and not presented within 30 days (the due date is before `asOf`
 * and nothing was presented by then), for letters sent from or to a cell inside `scopes`' subtrees.
 */
export async function overdueTransferLetters(db: Kysely<MembershipDatabase>, scopes: readonly string[], asOf: string): Promise<OverdueTransferLetter[]> {
  if (scopes.length === 0) return [];
  const rows = await db
    .selectFrom('member_transfer')
    .innerJoin('member', 'member.id', 'member_transfer.member_id')
    .select([
      'member_transfer.member_id',
      'member_transfer.from_cell_id',
      'member_transfer.to_cell_id',
      'member_transfer.external_organization',
      'member_transfer.letter_number',
      'member_transfer.letter_issued_on',
      'member_transfer.report_due_on',
      'member.full_name',
    ])
    .where('member_transfer.direction', '!=', 'IN')
    .where('member_transfer.letter_issued_on', '<=', asOf)
    .where('member_transfer.report_due_on', '<', asOf)
    .where((eb) => eb.or([eb('member_transfer.presented_on', 'is', null), eb('member_transfer.presented_on', '>', asOf)]))
    .where(sql<boolean>`(${inReplicaSubtrees('member_transfer.from_cell_id', scopes)} OR ${inReplicaSubtrees('member_transfer.to_cell_id', scopes)})`)
    .orderBy('member_transfer.report_due_on')
    .orderBy('member_transfer.member_id')
    .execute();
  return rows.map((row) => ({
    memberId: row.member_id,
    cellId: row.from_cell_id,
    dueDate: row.report_due_on,
    detail: `${row.full_name}: giấy giới thiệu ${row.letter_number} cấp ngày ${row.letter_issued_on}${row.external_organization ? ` (đến ${row.external_organization})` : ''} chưa được xuất trình, quá hạn ngày ${row.report_due_on}.`,
  }));
}

/** Transfer letters from or to any of `unitIds`, newest first (at most 500); `waitingOnly`: letters out not yet presented. */
export function transfersOfUnits(db: Kysely<MembershipDatabase>, unitIds: readonly string[], waitingOnly: boolean): Promise<TransferRow[]> {
  let query = db
    .selectFrom('member_transfer')
    .selectAll()
    .where((eb) => eb.or([eb('from_cell_id', 'in', unitIds), eb('to_cell_id', 'in', unitIds)]));
  if (waitingOnly) query = query.where('presented_on', 'is', null).where('direction', '!=', 'IN');
  return query.orderBy('letter_issued_on', 'desc').orderBy('id').limit(500).execute();
}

/** A member's transfer letters, oldest first. */
export function transfersOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<TransferRow[]> {
  return db.selectFrom('member_transfer').selectAll().where('member_id', '=', memberId).orderBy('letter_issued_on').orderBy('recorded_at').execute();
}

/** A transfer letter, locked for the rest of the caller's transaction. */
export function lockTransfer(trx: Transaction<MembershipDatabase>, transferId: string): Promise<TransferRow | undefined> {
  return trx.selectFrom('member_transfer').selectAll().where('id', '=', transferId).forUpdate().executeTakeFirst();
}

/** A member's inspections, oldest first. */
export function inspectionsOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<InspectionRow[]> {
  return db.selectFrom('member_inspection').selectAll().where('member_id', '=', memberId).orderBy('started_on').execute();
}

/** The inspection a member is under at the end of `date` (started on or before it, not ended by it), if any. */
export function inspectionOn(db: Kysely<MembershipDatabase>, memberId: string, date: string): Promise<InspectionRow | undefined> {
  return db
    .selectFrom('member_inspection')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('started_on', '<=', date)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]))
    .orderBy('started_on', 'desc')
    .executeTakeFirst();
}
