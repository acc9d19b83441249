import { z } from 'zod';
import { ISO_DATE } from './cells.ts';

// The same rules services/organization enforces (org-unit/restructure.ts, dissolution/, split/),
// checked before anything is sent; the server still decides (dates against the unit's history).

const date = (message: string) => z.string().regex(ISO_DATE, message);
const decisionNumber = z.string().trim().min(1, 'Ghi số quyết định.').max(100, 'Số quyết định tối đa 100 ký tự.');
const code = z.string().trim().min(1, 'Ghi mã đơn vị.').max(50, 'Mã đơn vị tối đa 50 ký tự.');
const name = z.string().trim().min(1, 'Ghi tên đơn vị.').max(200, 'Tên đơn vị tối đa 200 ký tự.');

export const CELL_CATEGORIES = ['RESIDENTIAL', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'ARMED_FORCES', 'OTHER'] as const;
export const RESIDENTIAL_AREAS = ['KHU_DAN_CU', 'KHU_PHO', 'TO_DAN_PHO', 'AP', 'THON'] as const;

/** Thành lập chi bộ: code, name, category (a residential area only for a residential cell), date, decision. */
export const createCellSchema = z
  .object({
    code,
    name,
    category: z.union([z.literal(''), z.enum(CELL_CATEGORIES)]),
    residentialArea: z.union([z.literal(''), z.enum(RESIDENTIAL_AREAS)]),
    establishedOn: date('Chọn ngày thành lập.'),
    decisionNumber,
  })
  .superRefine((value, context) => {
    if (value.residentialArea && value.category !== 'RESIDENTIAL') {
      context.addIssue({ code: 'custom', path: ['residentialArea'], message: 'Chỉ chi bộ khu dân cư mới ghi địa bàn (khu phố, tổ dân phố, ấp, thôn).' });
    }
  });
export type CreateCellForm = z.infer<typeof createCellSchema>;

/** Đổi tên: a name different from the current one, from a date. */
export function renameCellSchema(currentName: string) {
  return z.object({
    name: name.refine((value) => value.trim() !== currentName, `Tên mới trùng với tên hiện tại (${currentName}).`),
    effectiveDate: date('Chọn ngày hiệu lực.'),
    decisionNumber,
  });
}
export type RenameCellForm = z.infer<ReturnType<typeof renameCellSchema>>;

/**
 * Giải thể (one cell, fixed) or sáp nhập (cells the clerk ticks): the cells end on a date and their
 * members go to another live cell; a dissolution may send each member to a cell of their own.
 */
export function endCellsSchema(mode: 'dissolve' | 'merge') {
  return z
    .object({
      ids: z.array(z.string()).min(1, 'Chọn ít nhất một chi bộ được sáp nhập.').max(100, 'Chọn từ 1 đến 100 đơn vị để sáp nhập.'),
      successorId: z.string().min(1, mode === 'merge' ? 'Chọn chi bộ nhận sáp nhập.' : 'Chọn chi bộ tiếp nhận đảng viên.'),
      /** Giải thể: memberId → the cell they go to ('' = the successor); empty for a merger. */
      members: z.array(z.object({ memberId: z.string(), unitId: z.string() })),
      effectiveDate: date('Chọn ngày hiệu lực.'),
      decisionNumber,
    })
    .superRefine((value, context) => {
      if (value.successorId && value.ids.includes(value.successorId)) {
        context.addIssue({
          code: 'custom',
          path: ['successorId'],
          message: mode === 'merge' ? 'Chi bộ nhận sáp nhập không được nằm trong các chi bộ được sáp nhập.' : 'Đơn vị tiếp nhận phải khác đơn vị giải thể.',
        });
      }
      value.members.forEach((row, index) => {
        if (value.ids.includes(row.unitId)) context.addIssue({ code: 'custom', path: ['members', index, 'unitId'], message: 'Chi bộ chuyển đến phải khác đơn vị giải thể.' });
      });
    });
}
export type EndCellsForm = z.infer<ReturnType<typeof endCellsSchema>>;

/**
 * Where a server refusal of a dissolution or merger goes in the form: the field it names, a member's
 * line when it names the member, else the members' list for any other trouble with destinations.
 */
export function endCellsErrorPath(
  mode: 'dissolve' | 'merge',
  where: { field?: string; memberId?: string },
  members: readonly { memberId: string }[],
): 'successorId' | 'effectiveDate' | 'decisionNumber' | 'ids' | 'members' | `members.${number}.unitId` | undefined {
  const field = where.field ?? '';
  if (field === 'intoId' || field === 'successorId') return 'successorId';
  if (field === 'effectiveDate' || field === 'decisionNumber') return field;
  if (mode === 'merge') return field === 'ids' ? 'ids' : undefined;
  if (field !== 'destinations' && !field.startsWith('destinations.')) return undefined;
  const line = members.findIndex((row) => row.memberId === where.memberId);
  if (line >= 0) return `members.${line}.unitId`;
  return members.length > 0 ? 'members' : undefined;
}

/** Chia tách: 2 to 20 new cells with distinct codes; members and party groups each go to one of them. */
export const splitCellSchema = z
  .object({
    effectiveDate: date('Chọn ngày hiệu lực.'),
    decisionNumber,
    parts: z.array(z.object({ code, name })).min(2, 'Chia tách thành từ 2 đến 20 đơn vị mới.').max(20, 'Chia tách thành từ 2 đến 20 đơn vị mới.'),
    remainingPart: z.string().min(1, 'Chọn đơn vị mới tiếp nhận các đảng viên còn lại.'),
    /** memberId → index of the part ('' = the part that receives the rest). */
    members: z.array(z.object({ memberId: z.string(), part: z.string() })),
    /** Party groups: each must go to a part. */
    subUnits: z.array(z.object({ unitId: z.string(), part: z.string().min(1, 'Chọn đơn vị mới cho tổ đảng này.') })),
  })
  .superRefine((value, context) => {
    const seen = new Map<string, number>();
    value.parts.forEach((part, index) => {
      const key = part.code.trim().toLowerCase();
      if (key && seen.has(key)) context.addIssue({ code: 'custom', path: ['parts', index, 'code'], message: 'Hai đơn vị mới trùng mã.' });
      seen.set(key, index);
    });
    if (value.remainingPart && Number(value.remainingPart) >= value.parts.length) {
      context.addIssue({ code: 'custom', path: ['remainingPart'], message: 'Chọn đơn vị mới tiếp nhận các đảng viên còn lại.' });
    }
  });
export type SplitCellForm = z.infer<typeof splitCellSchema>;
