import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { duesLedgerSql } from '../dues/dues-ledger.ts';
import { shiftMonth } from '../dues/months.ts';
import type { MemberAlertKind } from '../generated/graphql.ts';
import { PROBATION_MONTHS } from '../lifecycle/lifecycle.ts';
import { IN_PARTY_STATUSES, statusAtSql } from '../statistics/status-at.ts';
import { overdueTransferLetters } from '../transfer/transfer.repository.ts';

/** The alert thresholds in force on a date (dated configuration: member_alert_rule). */
export interface AlertRule {
  code: string;
  probationNoticeDays: number;
  officialVoteWorkingDays: number;
  duesUnpaidMonths: number;
  badgePartyYears: number[];
}

export async function alertRuleOn(db: Kysely<MembershipDatabase>, date: string): Promise<AlertRule> {
  const row = await db
    .selectFrom('member_alert_rule')
    .select(['code', 'probation_notice_days', 'official_vote_working_days', 'dues_unpaid_months', 'badge_party_years'])
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new DomainError('BAD_USER_INPUT', `Chưa có cấu hình cảnh báo nào có hiệu lực vào ngày ${date}.`, { field: 'asOf' });
  return {
    code: row.code,
    probationNoticeDays: row.probation_notice_days,
    officialVoteWorkingDays: row.official_vote_working_days,
    duesUnpaidMonths: row.dues_unpaid_months,
    badgePartyYears: row.badge_party_years,
  };
}

/** One alert as a source finds it; `detail` is the Vietnamese sentence shown to the clerk. */
export interface AlertRow {
  memberId: string;
  cellId: string | null;
  /** YYYY-MM-DD, or null when nothing falls due (missing fields). */
  dueDate: string | null;
  detail: string;
}

/**
 * A kind of alert and how to find all of them in the subtrees of `scopes` on `asOf`: one SQL
 * statement per source, never member by member. Adding a kind is one line in ALERT_SOURCES.
 */
export interface AlertSource {
  kind: MemberAlertKind;
  find(db: Kysely<MembershipDatabase>, scopes: readonly string[], asOf: string, rule: AlertRule): Promise<AlertRow[]>;
}

const inParty = (alias: string, date: string) => sql<boolean>`${statusAtSql(alias, sql`${date}::date`)} IN (${sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)))})`;

/** Probationary members on `asOf` with the end of their 12 months and the last day the cell may vote. */
async function probations(db: Kysely<MembershipDatabase>, scopes: readonly string[], asOf: string, rule: AlertRule) {
  const result = await sql<{ member_id: string; cell_id: string | null; admitted_on: string; probation_end: string; deadline: string }>`
    SELECT m.id AS member_id, m.cell_id, admission.admitted_on,
      to_char(admission.probation_end, 'YYYY-MM-DD') AS probation_end,
      to_char(add_working_days(admission.probation_end, ${rule.officialVoteWorkingDays}), 'YYYY-MM-DD') AS deadline
    FROM member m
    JOIN LATERAL (
      SELECT e.occurred_on AS admitted_on, (e.occurred_on + make_interval(months => ${PROBATION_MONTHS}))::date AS probation_end
      FROM member_event e WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.annulled_at IS NULL AND e.occurred_on <= ${asOf}::date
      ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1
    ) admission ON true
    WHERE ${inReplicaSubtrees('m.cell_id', scopes)}
      AND ${statusAtSql('m', sql`${asOf}::date`)} = 'PROBATIONARY'
      AND admission.probation_end - ${rule.probationNoticeDays}::integer <= ${asOf}::date
    ORDER BY m.id`.execute(db);
  return result.rows;
}

const probationEnding: AlertSource = {
  kind: 'PROBATION_ENDING',
  async find(db, scopes, asOf, rule) {
    return (await probations(db, scopes, asOf, rule))
      .filter((row) => asOf <= row.deadline)
      .map((row) => ({
        memberId: row.member_id,
        cellId: row.cell_id,
        dueDate: row.probation_end,
        detail: `Hết ${PROBATION_MONTHS} tháng dự bị ngày ${vietnameseDate(row.probation_end)} (kết nạp ngày ${vietnameseDate(row.admitted_on)}): chi bộ xét công nhận chính thức chậm nhất ngày ${vietnameseDate(row.deadline)}.`,
      }));
  },
};

const officialDecisionOverdue: AlertSource = {
  kind: 'OFFICIAL_DECISION_OVERDUE',
  async find(db, scopes, asOf, rule) {
    return (await probations(db, scopes, asOf, rule))
      .filter((row) => asOf > row.deadline)
      .map((row) => ({
        memberId: row.member_id,
        cellId: row.cell_id,
        dueDate: row.deadline,
        detail: `Quá hạn xét công nhận chính thức: hết dự bị ngày ${vietnameseDate(row.probation_end)}, hạn ${rule.officialVoteWorkingDays} ngày làm việc là ngày ${vietnameseDate(row.deadline)}, chưa có quyết định.`,
      }));
  },
};

/** Months of the year of `asOf` that have ended, with dues still owed: the name-removal ground at the rule's count. */
const duesUnpaid: AlertSource = {
  kind: 'DUES_UNPAID',
  async find(db, scopes, asOf, rule) {
    const yearStart = `${asOf.slice(0, 4)}-01-01`;
    if (asOf.slice(5, 7) === '01') return [];
    const lastMonth = shiftMonth(`${asOf.slice(0, 7)}-01`, -1);
    const result = await sql<{ member_id: string; cell_id: string | null; months: string[] }>`
      SELECT ledger.member_id, ledger.cell_id, array_agg(to_char(ledger.month::date, 'MM/YYYY') ORDER BY ledger.month) AS months
      FROM (${duesLedgerSql(inReplicaSubtrees('m.cell_id', scopes), yearStart, lastMonth)}) ledger
      WHERE ledger.paid < ledger.due
      GROUP BY ledger.member_id, ledger.cell_id
      HAVING count(*) >= ${rule.duesUnpaidMonths}
      ORDER BY ledger.member_id`.execute(db);
    return result.rows.map((row) => {
      const [month, year] = row.months[rule.duesUnpaidMonths - 1]!.split('/').map(Number) as [number, number];
      return {
        memberId: row.member_id,
        cellId: row.cell_id,
        dueDate: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10),
        detail: `Chưa đóng đảng phí ${row.months.length} tháng trong năm ${asOf.slice(0, 4)} (${row.months.join(', ')}): từ ${rule.duesUnpaidMonths} tháng là căn cứ xem xét xóa tên.`,
      };
    });
  },
};

/** Members whose party age reaches a badge year (dated configuration) in the year of `asOf`. */
const badgeDue: AlertSource = {
  kind: 'BADGE_DUE',
  async find(db, scopes, asOf, rule) {
    const result = await sql<{ member_id: string; cell_id: string | null; admitted_on: string; years: number }>`
      SELECT m.id AS member_id, m.cell_id, admission.admitted_on, (extract(year FROM ${asOf}::date) - extract(year FROM admission.admitted_on))::integer AS years
      FROM member m
      JOIN LATERAL (SELECT min(e.occurred_on) AS admitted_on FROM member_event e WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.annulled_at IS NULL) admission ON admission.admitted_on IS NOT NULL
      WHERE ${inReplicaSubtrees('m.cell_id', scopes)}
        AND (extract(year FROM ${asOf}::date) - extract(year FROM admission.admitted_on))::integer = ANY(${rule.badgePartyYears}::integer[])
        AND ${inParty('m', asOf)}
      ORDER BY m.id`.execute(db);
    return result.rows.map((row) => {
      const year = Number(row.admitted_on.slice(0, 4)) + row.years;
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const dueDate = `${year}${leap ? row.admitted_on.slice(4) : row.admitted_on.slice(4).replace('-02-29', '-02-28')}`;
      return {
        memberId: row.member_id,
        cellId: row.cell_id,
        dueDate,
        detail: `Đủ ${row.years} năm tuổi đảng ngày ${vietnameseDate(dueDate)} (kết nạp ngày ${vietnameseDate(row.admitted_on)}): đề nghị tặng Huy hiệu ${row.years} năm tuổi Đảng.`,
      };
    });
  },
};

/** The register's fields a member's record must have (column, label), and the admission date (an event): not a Party rule, a data-quality list. */
const REQUIRED_FIELDS = [
  ['sex', 'giới tính'],
  ['date_of_birth', 'ngày sinh'],
  ['citizen_id', 'số CCCD'],
  ['ethnicity', 'dân tộc'],
  ['hometown', 'quê quán'],
  ['residence', 'nơi cư trú'],
  ['education_level', 'trình độ giáo dục phổ thông'],
] as const;

const missingRequiredFields: AlertSource = {
  kind: 'MISSING_REQUIRED_FIELDS',
  async find(db, scopes, asOf) {
    const noAdmission = sql<boolean>`NOT EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.kind = 'ADMITTED' AND e.annulled_at IS NULL)`;
    const result = await sql<{ member_id: string; cell_id: string | null; missing: string[] }>`
      SELECT m.id AS member_id, m.cell_id,
        array_remove(ARRAY[${sql.join([
          ...REQUIRED_FIELDS.map(([column, label]) => sql`CASE WHEN m.${sql.ref(column)} IS NULL THEN ${label}::text END`),
          sql`CASE WHEN ${noAdmission} THEN 'ngày kết nạp' END`,
        ])}], NULL) AS missing
      FROM member m
      WHERE ${inReplicaSubtrees('m.cell_id', scopes)}
        AND (${sql.join([...REQUIRED_FIELDS.map(([column]) => sql`m.${sql.ref(column)} IS NULL`), noAdmission], sql` OR `)})
        AND ${inParty('m', asOf)}
      ORDER BY m.id`.execute(db);
    return result.rows.map((row) => ({ memberId: row.member_id, cellId: row.cell_id, dueDate: null, detail: `Lý lịch còn thiếu: ${row.missing.join(', ')}.` }));
  },
};

const transferLetterOverdue: AlertSource = {
  kind: 'TRANSFER_LETTER_OVERDUE',
  find: (db, scopes, asOf) => overdueTransferLetters(db, scopes, asOf),
};

/** Every alert source, in the order alerts of the same due date are listed. */
export const ALERT_SOURCES: readonly AlertSource[] = [officialDecisionOverdue, probationEnding, transferLetterOverdue, duesUnpaid, badgeDue, missingRequiredFields];

/** 2026-03-05 → 05/03/2026 */
export function vietnameseDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
