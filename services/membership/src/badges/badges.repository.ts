import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { IN_PARTY_STATUSES, statusAtSql } from '../statistics/status-at.ts';

type Db = Kysely<MembershipDatabase>;

/** A badge rule: from `validFrom`, these party-age years earn a badge, awarded on these days of the year (MM-DD). */
export interface BadgeRule {
  name: string;
  validFrom: string;
  partyYears: number[];
  awardDays: string[];
}

/** What a PartyBadgeList's fields receive. */
export interface BadgeListScope {
  unitId: string;
  awardDate: string;
  previousAwardDate: string;
  rule: BadgeRule;
}

export async function badgeRules(db: Db): Promise<BadgeRule[]> {
  const rows = await db.selectFrom('party_badge_rule').select(['name', 'valid_from', 'party_years', 'award_days']).orderBy('valid_from').execute();
  return rows.map((row) => ({ name: row.name, validFrom: row.valid_from, partyYears: row.party_years, awardDays: [...row.award_days].sort() }));
}

/** The rule in force on `date`, or none before the first. */
export function ruleOn(rules: readonly BadgeRule[], date: string): BadgeRule | undefined {
  return rules.filter((rule) => rule.validFrom <= date).at(-1);
}

/** Award dates of the years `fromYear`..`toYear`, each by the rule in force that day, in order. */
export function awardDatesBetween(rules: readonly BadgeRule[], fromYear: number, toYear: number): string[] {
  const dates: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const days = new Set(rules.flatMap((rule) => rule.awardDays));
    for (const day of [...days].sort()) {
      const date = `${year}-${day}`;
      if (ruleOn(rules, date)?.awardDays.includes(day)) dates.push(date);
    }
  }
  return dates;
}

/** The award date on or after `day`, and the one before it. */
export function awardWindow(rules: readonly BadgeRule[], day: string): { awardDate: string; previousAwardDate: string } {
  const year = Number(day.slice(0, 4));
  const dates = awardDatesBetween(rules, year - 2, year + 2);
  const index = dates.findIndex((date) => date >= day);
  if (index < 1) throw new DomainError('BAD_USER_INPUT', `Chưa có quy định ngày trao Huy hiệu Đảng quanh ngày ${day}.`, { field: 'awardDate' });
  return { awardDate: dates[index]!, previousAwardDate: dates[index - 1]! };
}

export interface BadgeDueRow {
  member_id: string;
  cell_id: string | null;
  years: number;
  admitted_on: string;
  reaches_on: string;
}

/**
 * Members in the Party on the award date, inside `unitId`'s subtree, whose party age (from the first
 * admission) reaches one of the rule's years after the previous award date and by this one: one SQL.
 */
export async function membersDueForBadge(db: Db, scope: BadgeListScope): Promise<BadgeDueRow[]> {
  const reaches = sql`(admission.admitted_on + make_interval(years => badge.years))::date`;
  const result = await sql<BadgeDueRow>`
    SELECT m.id AS member_id, m.cell_id, badge.years, to_char(admission.admitted_on, 'YYYY-MM-DD') AS admitted_on, to_char(${reaches}, 'YYYY-MM-DD') AS reaches_on
    FROM member m
    JOIN LATERAL (SELECT min(e.occurred_on) AS admitted_on FROM member_event e WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.annulled_at IS NULL) admission ON admission.admitted_on IS NOT NULL
    JOIN unnest(${scope.rule.partyYears}::integer[]) AS badge(years) ON ${reaches} > ${scope.previousAwardDate}::date AND ${reaches} <= ${scope.awardDate}::date
    WHERE ${inReplicaSubtrees('m.cell_id', [scope.unitId])}
      AND ${statusAtSql('m', sql`${scope.awardDate}::date`)} IN (${sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)))})
    ORDER BY badge.years DESC, m.given_name, m.full_name, m.id`.execute(db);
  return result.rows;
}
