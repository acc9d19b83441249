import { inReplicaSubtrees } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { withPlacementTables } from '../placement/tables.ts';

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
  const rows = await withPlacementTables(db)
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
