import { z } from 'zod';

// The same rules services/membership/src/residence/residence.ts enforces, checked before anything is sent.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A day picked in a date field: a real date, not after today. */
const dayUpTo = (today: string, missing: string, future: string) =>
  z
    .string()
    .regex(ISO_DATE, missing)
    .refine((day) => day <= today, future);

/** Placing a member introduced to the ward in one of its residential cells. */
export const assignSchema = z.object({ residenceCellId: z.string().min(1, 'Chọn chi bộ nơi cư trú.') });
export type AssignForm = z.infer<typeof assignSchema>;

/** The six-monthly meeting: held on a day not in the future, with who came and an optional note. */
export function meetingSchema(today: string) {
  return z.object({
    heldOn: dayUpTo(today, 'Chọn ngày họp.', 'Ngày họp chưa đến.'),
    presentMemberIds: z.array(z.string()),
    note: z.string().trim().max(2000, 'Nội dung tối đa 2000 ký tự.'),
  });
}
export type MeetingForm = z.infer<ReturnType<typeof meetingSchema>>;

/** Sending the year's comment to the workplace: not before the cell wrote it, not in the future. */
export function deliverSchema(recordedOn: string, today: string) {
  return z.object({
    deliveredOn: dayUpTo(today, 'Chọn ngày chuyển.', 'Ngày chuyển chưa đến.').refine(
      (day) => day >= recordedOn,
      `Ngày chuyển phải từ ngày ${vnDate(recordedOn)} (ngày chi bộ nhận xét).`,
    ),
  });
}
export type DeliverForm = z.infer<ReturnType<typeof deliverSchema>>;

/** A member living here moved away: on a day not in the future, not before they were introduced here. */
export function movedSchema(linkedOn: (memberId: string) => string | undefined, today: string) {
  return z
    .object({
      memberId: z.string().min(1, 'Chọn đảng viên.'),
      occurredOn: dayUpTo(today, 'Chọn ngày chuyển đi.', 'Ngày chuyển đi chưa đến.'),
      note: z.string().trim().max(1000, 'Ghi chú tối đa 1000 ký tự.'),
    })
    .superRefine((values, context) => {
      const since = linkedOn(values.memberId);
      if (since && ISO_DATE.test(values.occurredOn) && values.occurredOn < since) {
        context.addIssue({ code: 'custom', path: ['occurredOn'], message: `Ngày chuyển đi phải từ ngày ${vnDate(since)} (ngày giới thiệu về nơi cư trú).` });
      }
    });
}
export type MovedForm = z.infer<ReturnType<typeof movedSchema>>;
