import { compareVietnameseNames } from '@dangvien/ui';
import type { DuesMember, DuesMonthRow } from './queries.ts';

/** Where a member stands for the chosen month. */
export type DuesState = 'owes' | 'paid' | 'exempt' | 'noBasis' | 'nothingDue';

export function duesState(member: Pick<DuesMember, 'dues' | 'duesBasisHistory'>): DuesState {
  const month: DuesMonthRow | undefined = member.dues[0];
  if (!month) return member.duesBasisHistory.length === 0 ? 'noBasis' : 'nothingDue';
  if (month.owed > 0) return 'owes';
  if (month.due === 0) return 'exempt';
  return 'paid';
}

const ORDER: Record<DuesState, number> = { owes: 0, noBasis: 1, paid: 2, exempt: 3, nothingDue: 4 };

/** Who still owes first (the secretary collects from them), then by given name. */
export function sortForCollection<M extends Pick<DuesMember, 'dues' | 'duesBasisHistory' | 'fullName'>>(members: readonly M[]): M[] {
  return [...members].sort((a, b) => ORDER[duesState(a)] - ORDER[duesState(b)] || compareVietnameseNames(a.fullName, b.fullName));
}

/** The month's totals over the roster: what is due, collected, still owed, and how many have paid in full. */
export function monthTotals(members: readonly Pick<DuesMember, 'dues' | 'duesBasisHistory'>[]) {
  let due = 0;
  let paid = 0;
  let owed = 0;
  let paidInFull = 0;
  let owing = 0;
  for (const member of members) {
    const month = member.dues[0];
    if (!month) continue;
    due += month.due;
    paid += month.paid;
    owed += month.owed;
    if (month.due > 0 && month.owed === 0) paidInFull += 1;
    if (month.owed > 0) owing += 1;
  }
  return { due, paid, owed, paidInFull, owing };
}

/**
 * An amount typed the Vietnamese way: "120.000", "120 000", "120000 đ" → 120000; null when it is not
 * a whole number of đồng (a comma would be a decimal mark: đồng have none).
 */
export function parseMoney(text: string): number | null {
  const cleaned = text.trim().replace(/\s*(đ|đồng|d|vnd|vnđ)$/i, '');
  if (!/^\d{1,3}([.\s]\d{3})*$|^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/[.\s]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** 120000 → "120.000" (what the amount box shows). */
export function moneyInput(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}
