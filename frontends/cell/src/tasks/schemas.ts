import { z } from 'zod';
import { ISO_DATE } from '../dues/calendar.ts';
import { TASK_RESULTS } from '../messages.ts';
import type { TaskResult } from '../generated/graphql.ts';
import { householdList } from './tasks.ts';

// The same rules services/evaluation/src/task/task.ts enforces, checked before anything is sent.

const MAX_HOUSEHOLDS = 200;
const date = (message: string) => z.string().regex(ISO_DATE, message);
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Phân công nhiệm vụ: a title, an area or households (or both), a period, a member of the roster. */
export const assignTaskSchema = z
  .object({
    title: z.string().trim().min(1, 'Ghi tên nhiệm vụ.').max(300, 'Tên nhiệm vụ tối đa 300 ký tự.'),
    area: z.string().trim().max(500, 'Địa bàn tối đa 500 ký tự.'),
    households: z.string(),
    startsOn: date('Chọn ngày bắt đầu.'),
    endsOn: z.union([z.literal(''), date('Ngày kết thúc không hợp lệ.')]),
    memberId: z.string().min(1, 'Chọn đảng viên phụ trách.'),
  })
  .superRefine((value, context) => {
    const households = householdList(value.households);
    if (households.length > MAX_HOUSEHOLDS) context.addIssue({ code: 'custom', path: ['households'], message: `Một nhiệm vụ phụ trách tối đa ${MAX_HOUSEHOLDS} hộ.` });
    if (households.some((household) => household.length > 200)) context.addIssue({ code: 'custom', path: ['households'], message: 'Mỗi hộ ghi tối đa 200 ký tự.' });
    if (!value.area.trim() && households.length === 0) {
      context.addIssue({ code: 'custom', path: ['area'], message: 'Ghi địa bàn hoặc các hộ được phân công phụ trách.' });
    }
    if (value.endsOn && value.endsOn < value.startsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc nhiệm vụ phải sau ngày bắt đầu.' });
  });
export type AssignTaskForm = z.infer<typeof assignTaskSchema>;

/** The cell's periodic review: a day from the task's start to today, a result, an optional comment. */
export function reviewTaskSchema(startsOn: string, today: string) {
  return z.object({
    reviewedOn: date('Chọn ngày đánh giá.')
      .refine((day) => day <= today, 'Không đánh giá nhiệm vụ cho một ngày chưa tới.')
      .refine((day) => day >= startsOn, `Nhiệm vụ bắt đầu từ ngày ${vnDate(startsOn)}: chưa thể đánh giá trước đó.`),
    result: z.enum(TASK_RESULTS as [TaskResult, ...TaskResult[]], { error: 'Chọn kết quả thực hiện nhiệm vụ.' }),
    comment: z.string().trim().max(2000, 'Nhận xét tối đa 2000 ký tự.'),
  });
}
export type ReviewTaskForm = z.infer<ReturnType<typeof reviewTaskSchema>>;

/** Hands the task to another member of the roster from a day after the current assignment began. */
export function reassignTaskSchema(current: { memberId: string; assignedOn: string } | undefined) {
  return z.object({
    memberId: z
      .string()
      .min(1, 'Chọn đảng viên nhận nhiệm vụ.')
      .refine((id) => id !== current?.memberId, 'Nhiệm vụ đang do chính đảng viên này phụ trách.'),
    reassignedOn: date('Chọn ngày bắt đầu phụ trách.').refine(
      (day) => !current || day > current.assignedOn,
      current ? `Ngày phân công lại phải sau ngày ${vnDate(current.assignedOn)} (lần phân công trước).` : '',
    ),
  });
}
export type ReassignTaskForm = z.infer<ReturnType<typeof reassignTaskSchema>>;
