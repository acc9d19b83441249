import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

/** The alert thresholds in force on a date (dated configuration: member_alert_rule). */
export interface AlertRule {
  code: string;
  probationNoticeDays: number;
  officialVoteWorkingDays: number;
  duesUnpaidMonths: number;
  badgePartyYears: number[];
}

export async function alertRuleOn(db: Kysely<MembershipDatabase>, date: string): Promise<AlertRule> {
  const row = (
    await sql<{ code: string; probation_notice_days: number; official_vote_working_days: number; dues_unpaid_months: number; badge_party_years: number[] }>`
      SELECT code, probation_notice_days, official_vote_working_days, dues_unpaid_months, badge_party_years
      FROM member_alert_rule WHERE valid_from <= ${date}::date ORDER BY valid_from DESC LIMIT 1`.execute(db)
  ).rows[0];
  if (!row) throw new DomainError('BAD_USER_INPUT', `Chưa có cấu hình cảnh báo nào có hiệu lực vào ngày ${date}.`, { field: 'asOf' });
  return {
    code: row.code,
    probationNoticeDays: row.probation_notice_days,
    officialVoteWorkingDays: row.official_vote_working_days,
    duesUnpaidMonths: row.dues_unpaid_months,
    badgePartyYears: row.badge_party_years,
  };
}
