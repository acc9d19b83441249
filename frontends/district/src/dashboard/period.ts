import { todayInVietnam } from '@dangvien/ui';
/** The dashboard's period: from and to (YYYY-MM-DD, inclusive), kept in the address (?from=…&to=…) so a drill-down keeps it. */
export interface Period {
  from: string;
  to: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Year and month (1–12) of `today` on the records' calendar (Vietnam's day, as the subgraphs count it). */
function yearMonth(today: Date): { day: string; year: number; month: number } {
  const day = todayInVietnam(today);
  return { day, year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** This year so far (1 January to today): the default. */
export function thisYear(today: Date): Period {
  const { day, year } = yearMonth(today);
  return { from: `${year}-01-01`, to: day };
}

export function lastYear(today: Date): Period {
  const year = yearMonth(today).year - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The current quarter so far. */
export function thisQuarter(today: Date): Period {
  const { day, year, month } = yearMonth(today);
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${year}-${pad2(firstMonth)}-01`, to: day };
}

/** The period the address names, or this year when it names none or a wrong one. */
export function periodFromSearch(search: URLSearchParams, today: Date): Period {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to) && from <= to) return { from, to };
  return thisYear(today);
}

/** "?from=…&to=…", appended to every drill-down link. */
export const periodSearch = (period: Period): string => `?from=${period.from}&to=${period.to}`;

/**
 * The months of the period whose dues are settled: from the period's first month to its last, but
 * not past the month before today's (this month's dues are not late yet). Undefined when none.
 */
export function duesMonths(period: Period, today: Date): { fromMonth: string; toMonth: string } | undefined {
  const { year, month } = yearMonth(today);
  const lastEnded = month === 1 ? `${year - 1}-12` : `${year}-${pad2(month - 1)}`;
  const fromMonth = period.from.slice(0, 7);
  const toMonth = period.to.slice(0, 7) < lastEnded ? period.to.slice(0, 7) : lastEnded;
  return fromMonth <= toMonth ? { fromMonth, toMonth } : undefined;
}

/** "2026-03" → "03/2026". */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** Đồng, the Vietnamese way: 1.250.000 đ. */
export const formatMoney = (amount: number): string => `${Math.round(amount).toLocaleString('vi-VN').replace(/,/g, '.')} đ`;

/** A 0–1 rate as "87,5 %", or a dash without data. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
