import { z } from 'zod';
import { formatDate } from '@dangvien/ui';
import type { DuesCategory, DuesPaymentChannel, WageRegion } from '../generated/graphql.ts';
import { DUES_PAYMENT_CHANNELS } from '../messages.ts';
import { formatMoney, ISO_DATE, ISO_MONTH } from './calendar.ts';
import { parseMoney } from './dues.ts';
import { DUES_CATEGORIES, WAGE_REGIONS } from './messages.ts';

// The same rules services/membership/src/dues/dues-record.ts enforces, checked before anything is sent.

/** Largest amount the server accepts (a guard against typing errors). */
const MAX_AMOUNT = 10_000_000_000;

/** A payment for one month: whole đồng, more than 0, no more than still owed; paid on a day not in the future. */
export function paymentSchema(owed: number, today: string) {
  return z.object({
    amount: z.string().superRefine((text, context) => {
      const amount = parseMoney(text);
      if (amount === null || amount <= 0) context.addIssue({ code: 'custom', message: 'Nhập số tiền bằng số đồng, ví dụ 25.000.' });
      else if (amount > owed) context.addIssue({ code: 'custom', message: `Số tiền vượt số đảng phí còn phải nộp tháng này (${formatMoney(owed)}).` });
    }),
    paidOn: z
      .string()
      .regex(ISO_DATE, 'Chọn ngày nộp.')
      .superRefine((day, context) => {
        if (day > today) context.addIssue({ code: 'custom', message: `Ngày nộp ${formatDate(day)} chưa đến.` });
      }),
    channel: z.enum(DUES_PAYMENT_CHANNELS as [DuesPaymentChannel, ...DuesPaymentChannel[]], { error: 'Chọn hình thức nộp.' }),
  });
}
export type PaymentForm = z.infer<ReturnType<typeof paymentSchema>>;

/** Căn cứ đóng đảng phí: a category, the income for salaried members and pensioners, the wage region for others, from a month. */
export const basisSchema = z
  .object({
    category: z.enum(DUES_CATEGORIES as [DuesCategory, ...DuesCategory[]], { error: 'Chọn đối tượng đóng đảng phí.' }),
    incomeAmount: z.string(),
    wageRegion: z.union([z.literal(''), z.enum(WAGE_REGIONS as [WageRegion, ...WageRegion[]])]),
    validFrom: z.string().regex(ISO_MONTH, 'Chọn tháng bắt đầu áp dụng.'),
  })
  .superRefine((value, context) => {
    if (value.category === 'SALARIED' || value.category === 'PENSIONER') {
      const amount = parseMoney(value.incomeAmount);
      if (amount === null || amount <= 0 || amount > MAX_AMOUNT) {
        context.addIssue({
          code: 'custom',
          path: ['incomeAmount'],
          message: value.category === 'SALARIED' ? 'Nhập tiền lương làm căn cứ đóng bảo hiểm xã hội (số đồng).' : 'Nhập mức lương hưu (số đồng).',
        });
      }
    }
    if (value.category === 'OTHER' && !value.wageRegion) context.addIssue({ code: 'custom', path: ['wageRegion'], message: 'Chọn vùng lương tối thiểu (I đến IV) nơi đảng viên sinh sống.' });
  });
export type BasisForm = z.infer<typeof basisSchema>;
