import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { withoutJit } from '../statistics/no-jit.ts';
import { IN_PARTY_STATUSES, statusAtSql } from '../statistics/status-at.ts';
import type { DuesCategory, DuesExemption, WageRegion } from '../generated/graphql.ts';
import { shiftMonth } from './months.ts';

export interface DuesMonthRow {
  member_id: string;
  cell_id: string | null;
  /** YYYY-MM-01 */
  month: string;
  category: DuesCategory;
  income_amount: number | null;
  wage_region: WageRegion | null;
  rule_code: string;
  /** The amount before exemptions and reductions, in đồng. */
  base: number;
  exemption: DuesExemption | null;
  reduction_percent: number | null;
  due: number;
  paid: number;
}

/**
 * SQL: one row per member and month from `fromMonth` to `toMonth` (YYYY-MM-01, inclusive) for which
 * the member owes dues: in the Party on the month's first day, with a dues basis recorded for it.
 * The month's rule is the newest in force on its last day (a later rule never changes an earlier
 * month); the amount is rounded to the đồng. `memberCondition` filters `member m` (scope, one member).
 */
/** The first days of the months from `fromMonth` to `toMonth`: listed, so the planner knows how many (a generate_series looks like 1,000 rows and makes PostgreSQL JIT-compile a small query for a second). */
function monthStarts(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  for (let month = fromMonth; month <= toMonth; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

export function duesLedgerSql(memberCondition: RawBuilder<boolean>, fromMonth: string, toMonth: string): RawBuilder<DuesMonthRow> {
  if (fromMonth > toMonth) throw new Error(`duesLedgerSql: ${fromMonth} is after ${toMonth}`);
  const monthStart = sql`months.month`;
  return sql<DuesMonthRow>`
    SELECT priced.*,
      CASE WHEN priced.exemption IS NOT NULL THEN 0
        ELSE round(priced.base * (100 - coalesce(priced.reduction_percent, 0)) / 100.0)::bigint END AS due,
      coalesce((SELECT sum(p.amount) FROM dues_payment p WHERE p.member_id = priced.member_id AND p.month = priced.month::date), 0)::bigint AS paid
    FROM (
      SELECT m.id AS member_id, m.cell_id, to_char(months.month, 'YYYY-MM-DD') AS month,
        basis.category, basis.income_amount, basis.wage_region, rule.code AS rule_code,
        (CASE basis.category
          WHEN 'SALARIED' THEN round(basis.income_amount * rule.salary_percent / 100)
          WHEN 'PENSIONER' THEN round(basis.income_amount * rule.pension_percent / 100)
          WHEN 'STUDENT' THEN rule.student_amount
          ELSE round(wage.monthly_amount * rule.minimum_wage_percent / 100)
        END)::bigint AS base,
        CASE
          WHEN admission.admitted_on IS NOT NULL AND admission.admitted_on + make_interval(years => rule.exempt_after_party_years) <= months.month THEN 'PARTY_AGE'
          WHEN hardship.id IS NOT NULL THEN 'HARDSHIP'
        END AS exemption,
        reduction.percent AS reduction_percent
      FROM member m
      CROSS JOIN (VALUES ${sql.join(monthStarts(fromMonth, toMonth).map((month) => sql`(${month}::date)`))}) AS months (month)
      JOIN LATERAL (
        SELECT b.category, b.income_amount, b.wage_region FROM member_dues_basis b
        WHERE b.member_id = m.id AND b.valid_from <= ${monthStart} ORDER BY b.valid_from DESC, b.id DESC LIMIT 1
      ) basis ON true
      JOIN LATERAL (
        SELECT r.* FROM dues_rule r WHERE r.valid_from < ${monthStart} + interval '1 month' ORDER BY r.valid_from DESC LIMIT 1
      ) rule ON true
      LEFT JOIN LATERAL (
        SELECT w.monthly_amount FROM regional_minimum_wage w
        WHERE w.region = basis.wage_region AND w.valid_from < ${monthStart} + interval '1 month' ORDER BY w.valid_from DESC LIMIT 1
      ) wage ON true
      LEFT JOIN LATERAL (SELECT min(e.occurred_on) AS admitted_on FROM member_event e WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.annulled_at IS NULL) admission ON true
      LEFT JOIN LATERAL (
        SELECT x.id FROM member_dues_relief x
        WHERE x.member_id = m.id AND x.kind = 'EXEMPTION' AND x.from_month <= ${monthStart} AND (x.to_month IS NULL OR x.to_month >= ${monthStart}) LIMIT 1
      ) hardship ON true
      LEFT JOIN LATERAL (
        SELECT x.percent FROM member_dues_relief x
        WHERE x.member_id = m.id AND x.kind = 'REDUCTION' AND x.from_month <= ${monthStart} AND x.to_month >= ${monthStart} ORDER BY x.id DESC LIMIT 1
      ) reduction ON true
      WHERE ${memberCondition}
        AND ${statusAtSql('m', monthStart)} IN (${sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)))})
    ) priced`;
}

/** The ledger rows of one query, months in order. */
export async function duesLedger(db: Kysely<MembershipDatabase>, memberCondition: RawBuilder<boolean>, fromMonth: string, toMonth: string): Promise<DuesMonthRow[]> {
  if (fromMonth > toMonth) return [];
  const result = await withoutJit(db, (trx) => sql<DuesMonthRow>`SELECT * FROM (${duesLedgerSql(memberCondition, fromMonth, toMonth)}) ledger ORDER BY member_id, month`.execute(trx));
  return result.rows.map((row) => ({ ...row, income_amount: row.income_amount === null ? null : Number(row.income_amount), base: Number(row.base), due: Number(row.due), paid: Number(row.paid) }));
}

/** The first month any dues rule covers (YYYY-MM-01): months before it have no rate to compute. */
export async function firstRuledMonth(db: Kysely<MembershipDatabase>): Promise<string | null> {
  const row = (await sql<{ month: string | null }>`SELECT to_char(date_trunc('month', min(valid_from)), 'YYYY-MM-DD') AS month FROM dues_rule`.execute(db)).rows[0];
  return row?.month ?? null;
}
