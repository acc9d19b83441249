/**
 * Date arithmetic on YYYY-MM-DD strings (dates without time zone, as the databases keep them).
 * The generated world stands still on DATA_DAY, so the same seed gives the same rows on any day.
 */
export const DATA_DAY = '2026-11-01';

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function pad(n: number, width = 2): string {
  return n.toString().padStart(width, '0');
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** `date` plus `months` calendar months, clamped to the month's last day (as membership's lifecycle counts). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A day in [from, to] (inclusive), uniformly. */
export function dayBetween(random: () => number, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000));
  return addDays(from, Math.floor(random() * (span + 1)));
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Full years from `from` to `to`. */
export function fullYearsBetween(from: string, to: string): number {
  const years = yearOf(to) - yearOf(from);
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
