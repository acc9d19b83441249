import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

export const DUES_CATEGORIES = ['SALARIED', 'PENSIONER', 'STUDENT', 'OTHER'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const WAGE_REGIONS = ['REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV'] as const;
export type WageRegion = (typeof WAGE_REGIONS)[number];
export type DuesReliefKind = 'EXEMPTION' | 'REDUCTION';
export type DuesPaymentChannel = 'CASH' | 'PUBLIC_SERVICE_PORTAL';

/** The dues tables (migration 2026_11_23_11_00_00): configuration rows and append-only member records. */
export interface DuesTables {
  dues_rule: {
    id: string;
    code: string;
    name: string;
    valid_from: string;
    salary_percent: string;
    pension_percent: string;
    student_amount: number;
    minimum_wage_percent: string;
    exempt_after_party_years: number;
    reduction_percents: number[];
    max_reduction_months: number;
  };
  regional_minimum_wage: { region: WageRegion; valid_from: string; monthly_amount: number; decree: string };
  member_dues_basis: {
    id: Generated<string>;
    member_id: string;
    category: DuesCategory;
    income_amount: string | number | null;
    wage_region: WageRegion | null;
    valid_from: string;
    recorded_at: ColumnType<Date, never, never> & Generated<Date>;
    recorded_by: string;
  };
  member_dues_relief: {
    id: Generated<string>;
    member_id: string;
    kind: DuesReliefKind;
    percent: number | null;
    from_month: string;
    to_month: string | null;
    reason: string;
    decision_number: string | null;
    recorded_at: ColumnType<Date, never, never> & Generated<Date>;
    recorded_by: string;
  };
  dues_payment: {
    id: Generated<string>;
    member_id: string;
    cell_id: string;
    month: string;
    amount: string | number;
    paid_on: string;
    channel: DuesPaymentChannel;
    recorded_at: ColumnType<Date, never, never> & Generated<Date>;
    recorded_by: string;
  };
}

export type DuesDatabase = MembershipDatabase & DuesTables;

/** The membership database seen with the dues tables (kept here so the shared database.ts stays untouched). */
export function withDuesTables(db: Transaction<MembershipDatabase>): Transaction<DuesDatabase>;
export function withDuesTables(db: Kysely<MembershipDatabase>): Kysely<DuesDatabase>;
export function withDuesTables(db: Kysely<MembershipDatabase> | Transaction<MembershipDatabase>): Kysely<DuesDatabase> | Transaction<DuesDatabase> {
  return db as unknown as Kysely<DuesDatabase>;
}

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
