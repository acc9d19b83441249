import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { MeetingKind, ReviewPeriod } from '../generated/graphql.ts';
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

/**
 * Holds an idempotency key (a client's clientRequestId) until the transaction ends: two deliveries of
 * one queued change run one after the other, so the second finds the first one's row.
 */
export async function lockClientRequest(trx: Transaction<EvaluationDatabase>, table: 'meeting' | 'task', clientRequestId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`${table}:${clientRequestId}`}))`.execute(trx);
}

/** The meeting an idempotency key already recorded, if any. */
export function findMeetingOfRequest(db: Kysely<EvaluationDatabase>, clientRequestId: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meeting').selectAll().where('client_request_id', '=', clientRequestId).executeTakeFirst();
}

/** The meeting, locked for the rest of the transaction (two corrections of one meeting run one after the other). */
export function lockMeeting(trx: Transaction<EvaluationDatabase>, meetingId: string): Promise<MeetingRow | undefined> {
  return trx.selectFrom('meeting').selectAll().where('id', '=', meetingId).forUpdate().executeTakeFirst();
}

export function updateMeetingRow(trx: Transaction<EvaluationDatabase>, meetingId: string, values: Pick<Updateable<Meeting>, 'kind' | 'agenda' | 'resolution' | 'present_count' | 'excused_count' | 'absent_count'>): Promise<MeetingRow> {
  return trx.updateTable('meeting').set(values).where('id', '=', meetingId).returningAll().executeTakeFirstOrThrow();
}

/** Replaces a meeting's attendance rows with `rows`. */
export async function replaceAttendance(trx: Transaction<EvaluationDatabase>, meetingId: string, rows: readonly Insertable<Attendance>[]): Promise<void> {
  await trx.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  await insertAttendance(trx, rows);
}

/**
 * The members review cycles covering `day` (its year, or its quarter) at the organizations above
 * `cellId` (itself included) in the tree of that day and of today, shared-locked until the
 * transaction ends: a cycle closing meanwhile waits for the correction, or the correction sees it
 * closed. Only grassroots organizations have members cycles.
 */
export async function membersCyclesCovering(trx: Transaction<EvaluationDatabase>, cellId: string, day: string): Promise<{ id: string; year: number; period: ReviewPeriod; status: string }[]> {
  const quarter = `Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  const result = await sql<{ id: string; year: number; period: ReviewPeriod; status: string }>`
    WITH RECURSIVE up(id, on_day, depth) AS (
      SELECT ${cellId}::uuid, day.on_day, 0 FROM (VALUES (${day}::date), (current_date)) AS day (on_day)
      UNION
      SELECT unit.parent_id, up.on_day, up.depth + 1 FROM up
      JOIN org_unit_replica unit ON unit.id = up.id
        AND (unit.valid_from IS NULL OR unit.valid_from <= up.on_day) AND (unit.valid_to IS NULL OR unit.valid_to > up.on_day)
      WHERE unit.parent_id IS NOT NULL AND up.depth < 64
    )
    SELECT id, year, period, status FROM review_cycle
    WHERE unit_id IN (SELECT id FROM up) AND subject = 'MEMBERS'
      AND year = ${Number(day.slice(0, 4))} AND period IN ('YEAR', ${quarter})
    ORDER BY period
    FOR SHARE`.execute(trx);
  return result.rows;
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
