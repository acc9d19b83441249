/** The dashboard's period: from and to (YYYY-MM-DD, inclusive), kept in the address (?from=…&to=…) so a drill-down keeps it. */
export interface Period {
  from: string;
  to: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** YYYY-MM-DD of the browser's own day (toISOString would give UTC's, a day off before 7 a.m. in Vietnam). */
export const todayInVietnam = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** This year so far (1 January to today): the default. */
export function thisYear(today: Date): Period {
  return { from: `${today.getFullYear()}-01-01`, to: todayInVietnam(today) };
}

export function lastYear(today: Date): Period {
  const year = today.getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The current quarter so far. */
export function thisQuarter(today: Date): Period {
  const firstMonth = Math.floor(today.getMonth() / 3) * 3 + 1;
  return { from: `${today.getFullYear()}-${String(firstMonth).padStart(2, '0')}-01`, to: todayInVietnam(today) };
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
  const lastEnded = todayInVietnam(new Date(today.getFullYear(), today.getMonth() - 1, 1)).slice(0, 7);
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
