import { DomainError, requireDate, requireText } from '@dangvien/server';
import { todayInVietnam } from '@dangvien/db';

/** Optional free text: null when absent or blank, else checked like required text (NFC, length). */
export function optionalText(value: string | null | undefined, field: string, label: string, maxLength: number): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : requireText(value, field, label, maxLength);
}

/** 2026-03-03 → 03/03/2026, as dates are written in Vietnamese documents (and the forms' messages). */
export const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

/** Only what has happened is recorded: a date after today is refused. */
export function notInFuture(date: string, today: string, field: string): string {
  if (date > today) throw new DomainError('BAD_USER_INPUT', `Ngày ${date} chưa đến: chỉ ghi những việc đã xảy ra.`, { field });
  return date;
}

/** The optional asOf argument of a dated read (YYYY-MM-DD): today in Vietnam when absent. */
export function asOfArgument(asOf: string | null | undefined): string {
  return asOf === null || asOf === undefined ? todayInVietnam() : requireDate(asOf, 'asOf');
}
