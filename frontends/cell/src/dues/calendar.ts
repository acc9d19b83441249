import { todayInVietnam } from '@dangvien/ui';
// Days, months and money as the secretary reads and types them (used by the tasks, dues and 213 pages).


export { todayInVietnam };

/** This month, YYYY-MM. */
export function currentMonth(now: Date = new Date()): string {
  return todayInVietnam(now).slice(0, 7);
}

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2026-03" → "03/2026". */
export function formatMonth(month: string): string {
  return ISO_MONTH.test(month) ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : month;
}

const money = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 120000 → "120.000 đ". */
export function formatMoney(amount: number): string {
  return `${money.format(amount)} đ`;
}
