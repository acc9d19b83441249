import { z } from 'zod';
import { ISO_DATE } from '../tree/tree.ts';

// The rules services/organization enforces (org-unit/restructure.ts, dissolution/), checked before
// anything is sent; the server still decides (dates against each unit's history, scope, sub-units).

const date = (message: string) => z.string().regex(ISO_DATE, message);
const decisionNumber = z.string().trim().min(1, 'Ghi số quyết định.').max(100, 'Số quyết định tối đa 100 ký tự.');

/** Đổi tên: a name different from the current one, from a date. */
export function renameSchema(currentName: string) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Ghi tên đơn vị.')
      .max(200, 'Tên đơn vị tối đa 200 ký tự.')
      .refine((value) => value.trim() !== currentName, `Tên mới trùng với tên hiện tại (${currentName}).`),
    effectiveDate: date('Chọn ngày hiệu lực.'),
    decisionNumber,
  });
}
export type RenameValues = z.infer<ReturnType<typeof renameSchema>>;

/** Sáp nhập: sub-units the clerk ticks end on a date; their members go to another sub-unit. */
export const mergeSchema = z
  .object({
    ids: z.array(z.string()).min(1, 'Chọn ít nhất một đơn vị được sáp nhập.').max(100, 'Chọn từ 1 đến 100 đơn vị để sáp nhập.'),
    intoId: z.string().min(1, 'Chọn đơn vị nhận sáp nhập.'),
    effectiveDate: date('Chọn ngày hiệu lực.'),
    decisionNumber,
  })
  .superRefine((value, context) => {
    if (value.intoId && value.ids.includes(value.intoId)) {
      context.addIssue({ code: 'custom', path: ['intoId'], message: 'Đơn vị nhận sáp nhập không được nằm trong các đơn vị được sáp nhập.' });
    }
  });
export type MergeValues = z.infer<typeof mergeSchema>;

/** The 2025 reform of one district: a date and the decision. */
export const reformSchema = z.object({ effectiveDate: date('Chọn ngày hiệu lực.'), decisionNumber });
export type ReformValues = z.infer<typeof reformSchema>;
