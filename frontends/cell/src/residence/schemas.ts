import { z } from 'zod';
import { ISO_DATE } from '../dues/calendar.ts';

// The same rules services/membership/src/residence/residence.ts enforces, checked before anything is sent.

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The yearly comment, with the residential Front committee's opinion, written in the year it is for and not after today. */
export function commentSchema(year: number, today: string) {
  return z.object({
    comment: z.string().trim().min(1, 'Ghi nhận xét của chi bộ nơi cư trú.').max(4000, 'Nhận xét tối đa 4000 ký tự.'),
    frontCommitteeOpinion: z.string().trim().min(1, 'Ghi ý kiến của Ban công tác Mặt trận khu dân cư.').max(4000, 'Ý kiến tối đa 4000 ký tự.'),
    recordedOn: z
      .string()
      .regex(ISO_DATE, 'Chọn ngày nhận xét.')
      .refine((day) => day <= today, 'Ngày nhận xét chưa đến.')
      .refine((day) => day.startsWith(`${year}-`), `Nhận xét của năm ${year} phải ghi trong năm đó (trước kiểm điểm cuối năm).`),
  });
}
export type CommentForm = z.infer<ReturnType<typeof commentSchema>>;

/** The member moved house: on a day not in the future, not before they were introduced to the cell. */
export function movedSchema(linkedOn: string, today: string) {
  return z.object({
    occurredOn: z
      .string()
      .regex(ISO_DATE, 'Chọn ngày chuyển đi.')
      .refine((day) => day <= today, 'Ngày chuyển đi chưa đến.')
      .refine((day) => day >= linkedOn, `Ngày chuyển đi phải từ ngày ${vnDate(linkedOn)} (ngày giới thiệu về nơi cư trú).`),
    note: z.string().trim().max(1000, 'Ghi chú tối đa 1000 ký tự.'),
  });
}
export type MovedForm = z.infer<ReturnType<typeof movedSchema>>;
