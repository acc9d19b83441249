import { todayInVietnam } from '@dangvien/db';

/**
 * Dates for the browser tests on Vietnam's calendar, as the subgraphs and the modules count them: the
 * machine's own zone (UTC here) is a day behind for seven hours, and a year behind on New Year's Eve.
 */
export const TODAY = todayInVietnam();
export const THIS_YEAR = Number(TODAY.slice(0, 4));

/** A day (YYYY-MM-DD) moved by whole months, clamped to the month's end as the server's addMonths does, then by days. */
export function shiftDate(date: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay) + days)).toISOString().slice(0, 10);
}

/** Today in Vietnam moved by whole months, then days. */
export function daysFromToday(days: number, months = 0): string {
  return shiftDate(TODAY, { months, days });
}
