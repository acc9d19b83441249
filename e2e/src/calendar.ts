import { todayInVietnam } from '@dangvien/db';

/**
 * Dates for the browser tests on Vietnam's calendar, as the subgraphs and the modules count them: the
 * machine's own zone (UTC here) is a day behind for seven hours, and a year behind on New Year's Eve.
 */
export const TODAY = todayInVietnam();
export const THIS_YEAR = Number(TODAY.slice(0, 4));

/** Today in Vietnam moved by whole months, then days (YYYY-MM-DD); month ends clamp as JavaScript's Date does not. */
export function daysFromToday(days: number, months = 0): string {
  const [year, month, day] = TODAY.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay) + days));
  return date.toISOString().slice(0, 10);
}
