import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES, type Caller } from '@dangvien/auth';
import { subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import { writeWorkbook } from '@dangvien/spreadsheet';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { ExportedFile } from '../generated/graphql.ts';
import { SEX_LABELS } from '../import/cell-values.ts';
import { REGISTER_COLUMNS, type MemberImportField } from '../import/columns.ts';
import { todayInVietnam } from '@dangvien/db';
import { readableLiveUnit, registerMembers, type RegisterMember } from './export.repository.ts';

const STATUS_NOTES: Record<string, string> = { PROBATIONARY: 'Dự bị', OFFICIAL: 'Chính thức', EXEMPT: 'Miễn công tác và sinh hoạt đảng' };

/** Excel date cells are midnight UTC of the day, which every spreadsheet program shows as that day. */
const dateCell = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * The member register (Sổ danh sách đảng viên) of a unit and its subtree, in the 14-column order, as
 * .xlsx: current members (probationary, official, exempt), by cell then the Vietnamese name order.
 * Sensitive columns are empty for roles that may not read them. The file imports back unchanged.
 */
/** `onSensitive` hears of every member whose CCCD, ethnicity and religion go into the file (the processing log). */
export async function exportMemberRegister(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  unitIdArgument: string,
  onSensitive?: (memberId: string) => void,
): Promise<ExportedFile> {
  const unitId = requireId(unitIdArgument, 'unitId');
  const readable = readableScopes(caller);
  const unit = await readableLiveUnit(db, unitId, readable);
  if (!unit) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
  const subtree = await subtreeUnitIds(db, [unitId]);
  const members = await registerMembers(db, subtree, readable, scopesWithRole(caller, SENSITIVE_READER_ROLES));
  for (const member of members) if (member.sensitive) onSensitive?.(member.id);

  const valueOf = (member: RegisterMember, field: MemberImportField | null, index: number): string | Date | null => {
    const hidden = !member.sensitive;
    switch (field) {
      case 'FULL_NAME': return member.full_name;
      case 'SEX': return member.sex ? SEX_LABELS[member.sex] : null;
      case 'DATE_OF_BIRTH': return dateCell(member.date_of_birth);
      case 'ETHNICITY': return hidden ? null : (member.ethnicity ?? null);
      case 'RELIGION': return hidden ? null : (member.religion ?? null);
      case 'HOMETOWN': return member.hometown ?? null;
      case 'RESIDENCE': return member.residence ?? null;
      case 'CITIZEN_ID': return hidden ? null : (member.citizen_id ?? null);
      case 'ADMITTED_ON': return dateCell(member.admitted_on);
      case 'OFFICIAL_ON': return dateCell(member.official_on);
      case 'PARTY_CARD_NUMBER': return member.party_card_number ?? null;
      case 'CELL': return member.cell_code;
      default: return field === null && index === 0 ? null : (STATUS_NOTES[member.status] ?? null);
    }
  };

  const contentBase64 = await writeWorkbook((workbook) => {
    const sheet = workbook.addWorksheet('Sổ danh sách đảng viên');
    sheet.columns = REGISTER_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    members.forEach((member, position) => {
      const row = sheet.addRow(REGISTER_COLUMNS.map((column, index) => (index === 0 ? position + 1 : valueOf(member, column.field, index))));
      REGISTER_COLUMNS.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
        // CCCD and card numbers are text: a number cell would drop a leading 0.
        if (column.field === 'CITIZEN_ID' || column.field === 'PARTY_CARD_NUMBER') cell.numFmt = '@';
      });
    });
  });
  return { fileName: `so-danh-sach-dang-vien-${unit.code}-${todayInVietnam()}.xlsx`, contentBase64, rowCount: members.length };
}
