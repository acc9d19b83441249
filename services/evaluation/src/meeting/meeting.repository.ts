import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { MeetingKind } from '../generated/graphql.ts';
import type { Attendance, Meeting } from '../generated/tables.ts';
import { requireYear } from '../scope/scope.ts';
import type { AttendanceRow, MeetingRow } from './meeting.tables.ts';

/** A member absent without reason in at least three months of a year, and the cell of their latest such meeting. */
export interface AbsentMember {
  memberId: string;
  cellId: string;
  months: number[];
}

/** The kind of a unit as it stands today, if it exists. */
export async function currentCellKind(db: Kysely<EvaluationDatabase>, unitId: string): Promise<string | undefined> {
  const unit = await db.selectFrom('org_unit_replica').select('kind').where('id', '=', unitId).where('valid_to', 'is', null).executeTakeFirst();
  return unit?.kind;
}

export function findMeetingOfDay(db: Kysely<EvaluationDatabase>, cellId: string, heldOn: string, kind: MeetingKind): Promise<{ id: string } | undefined> {
  return db.selectFrom('meeting').select('id').where('cell_id', '=', cellId).where('held_on', '=', heldOn).where('kind', '=', kind).executeTakeFirst();
}

export function insertMeeting(db: Kysely<EvaluationDatabase>, meeting: Insertable<Meeting>): Promise<MeetingRow> {
  return db.insertInto('meeting').values(meeting).returningAll().executeTakeFirstOrThrow();
}

export async function insertAttendance(db: Kysely<EvaluationDatabase>, rows: readonly Insertable<Attendance>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('attendance').values([...rows]).execute();
}

/** Meetings in the subtree of a unit during a year, if the caller may read the unit. */
export async function meetingsOfUnit(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<MeetingRow[]> {
  const year = requireYear(yearArg);
  return db
    .selectFrom('meeting')
    .selectAll()
    .where(inReplicaSubtreeWithin('meeting.cell_id', unitId, readableScopes(caller)))
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
}

/** Attendance of several meetings at once, by member. */
export function attendanceOfMeetings(db: Kysely<EvaluationDatabase>, meetingIds: readonly string[]): Promise<AttendanceRow[]> {
  return db.selectFrom('attendance').selectAll().where('meeting_id', 'in', [...meetingIds]).orderBy('member_id').execute();
}

/**
 * Members of a unit's subtree absent without reason in at least three different months of the year
 * at the meetings of the subtree's cells (a ground for removing the name, xóa tên): one SQL statement.
 */
export async function absentThreeMonths(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<AbsentMember[]> {
  const year = requireYear(yearArg);
  const result = await sql<{ member_id: string; cell_id: string; months: number[] }>`
    SELECT attendance.member_id,
           (array_agg(meeting.cell_id ORDER BY meeting.held_on DESC))[1] AS cell_id,
           array_agg(DISTINCT extract(month FROM meeting.held_on)::int ORDER BY extract(month FROM meeting.held_on)::int) AS months
    FROM attendance
    JOIN meeting ON meeting.id = attendance.meeting_id
    WHERE attendance.status = 'ABSENT'
      AND meeting.held_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
      AND ${inReplicaSubtreeWithin('meeting.cell_id', unitId, readableScopes(caller))}
    GROUP BY attendance.member_id
    HAVING count(DISTINCT extract(month FROM meeting.held_on)) >= 3
    ORDER BY attendance.member_id`.execute(db);
  return result.rows.map((row) => ({ memberId: row.member_id, cellId: row.cell_id, months: row.months }));
}
