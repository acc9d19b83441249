import { foldText } from '@dangvien/server';
import type { ImportColumnMappingInput, MemberImportField } from '../generated/graphql.ts';

export type { MemberImportField } from '../generated/graphql.ts';

/** The label used in reports and in the exported register, and the other headers clerks write for it. */
export const FIELD_HEADERS: Record<MemberImportField, readonly [label: string, ...synonyms: string[]]> = {
  FULL_NAME: ['Họ và tên', 'Họ tên', 'Tên đảng viên', 'Họ và tên đảng viên', 'Họ tên đảng viên'],
  BIRTH_NAME: ['Tên khai sinh', 'Họ tên khai sinh'],
  SEX: ['Giới tính', 'Nam/Nữ', 'Phái'],
  DATE_OF_BIRTH: ['Ngày sinh', 'Ngày tháng năm sinh', 'Sinh ngày', 'Ngày, tháng, năm sinh'],
  ETHNICITY: ['Dân tộc'],
  RELIGION: ['Tôn giáo'],
  HOMETOWN: ['Quê quán', 'Quê'],
  RESIDENCE: ['Nơi cư trú', 'Nơi ở hiện nay', 'Nơi ở', 'Chỗ ở hiện nay', 'Địa chỉ', 'Thường trú'],
  CITIZEN_ID: ['Số CCCD', 'CCCD', 'Căn cước công dân', 'Số căn cước', 'Số định danh', 'CMND/CCCD', 'Số CMND'],
  PHONE: ['Điện thoại', 'Số điện thoại', 'SĐT'],
  EDUCATION_LEVEL: ['Trình độ giáo dục phổ thông', 'Trình độ văn hóa', 'Văn hóa', 'Giáo dục phổ thông'],
  PROFESSIONAL_QUALIFICATION: ['Trình độ chuyên môn', 'Chuyên môn', 'Chuyên môn nghiệp vụ'],
  POLITICAL_THEORY_LEVEL: ['Lý luận chính trị', 'Trình độ lý luận chính trị', 'LLCT', 'Trình độ LLCT'],
  OCCUPATION: ['Nghề nghiệp', 'Nghề nghiệp hiện nay'],
  WORKPLACE: ['Nơi làm việc', 'Đơn vị công tác', 'Cơ quan công tác'],
  ADMITTED_ON: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày vào Đảng (kết nạp)'],
  OFFICIAL_ON: ['Ngày chính thức', 'Ngày công nhận chính thức', 'Ngày đảng viên chính thức'],
  PARTY_CARD_NUMBER: ['Số thẻ đảng viên', 'Số thẻ', 'Số thẻ ĐV', 'Thẻ đảng viên'],
  PROFILE_NUMBER: ['Số hồ sơ', 'Số lý lịch'],
  CELL: ['Chi bộ', 'Chi bộ sinh hoạt', 'Tên chi bộ', 'Mã chi bộ', 'Sinh hoạt tại chi bộ'],
};

/**
 * The 14 columns of the member register (Sổ danh sách đảng viên), in order; the export writes them
 * and the import reads them back. `null` columns (STT, Ghi chú) are written but not imported.
 */
export const REGISTER_COLUMNS: readonly { header: string; field: MemberImportField | null; width: number }[] = [
  { header: 'STT', field: null, width: 6 },
  { header: 'Họ và tên', field: 'FULL_NAME', width: 28 },
  { header: 'Giới tính', field: 'SEX', width: 9 },
  { header: 'Ngày sinh', field: 'DATE_OF_BIRTH', width: 12 },
  { header: 'Dân tộc', field: 'ETHNICITY', width: 10 },
  { header: 'Tôn giáo', field: 'RELIGION', width: 10 },
  { header: 'Quê quán', field: 'HOMETOWN', width: 28 },
  { header: 'Nơi cư trú', field: 'RESIDENCE', width: 28 },
  { header: 'Số CCCD', field: 'CITIZEN_ID', width: 15 },
  { header: 'Ngày vào Đảng', field: 'ADMITTED_ON', width: 13 },
  { header: 'Ngày chính thức', field: 'OFFICIAL_ON', width: 13 },
  { header: 'Số thẻ đảng viên', field: 'PARTY_CARD_NUMBER', width: 14 },
  { header: 'Chi bộ', field: 'CELL', width: 28 },
  { header: 'Ghi chú', field: null, width: 20 },
];

/** Every field a column can mean (the GraphQL enum MemberImportField), in the order listed above. */
export const MEMBER_IMPORT_FIELDS = Object.keys(FIELD_HEADERS) as MemberImportField[];

const BY_FOLDED_HEADER = new Map<string, MemberImportField>(
  MEMBER_IMPORT_FIELDS.flatMap((field) => FIELD_HEADERS[field].map((header) => [foldText(header), field] as const)),
);

/** The field a header most likely means (diacritics and case ignored), or null. */
export function suggestField(header: string): MemberImportField | null {
  const folded = foldText(header).replace(/[.:*()]/g, '').replace(/\s+/g, ' ').trim();
  return BY_FOLDED_HEADER.get(folded) ?? null;
}

/** Remembered mappings are per user and per set of headers (order and diacritics ignored). */
export function headerSetKey(headers: readonly string[]): string {
  return [...new Set(headers.map(foldText))].sort().join('|');
}

/** A header of the file and the field it is read into (null or absent: not imported). */
export type ColumnMapping = ImportColumnMappingInput;

export function suggestMapping(headers: readonly string[]): ColumnMapping[] {
  const used = new Set<MemberImportField>();
  return headers.map((header) => {
    const field = suggestField(header);
    if (!field || used.has(field)) return { header, field: null };
    used.add(field);
    return { header, field };
  });
}

export function fieldLabel(field: MemberImportField): string {
  return FIELD_HEADERS[field][0];
}
