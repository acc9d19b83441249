/** "2026-03" → "2026-03-01", or null when it is not a month. */
export function monthStart(month: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return match ? `${match[1]}-${match[2]}-01` : null;
}

/** First day of the month `months` after the month starting on `start` (YYYY-MM-01). */
export function shiftMonth(start: string, months: number): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

/** Number of months from `from` to `to` inclusive (both YYYY-MM-01). */
export function monthsInclusive(from: string, to: string): number {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return index(to) - index(from) + 1;
}
