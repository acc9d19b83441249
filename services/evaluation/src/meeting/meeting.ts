import { randomUUID } from 'node:crypto';
import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AttendanceStatus, AttendanceTable, EvaluationDatabase, MeetingKind, MeetingTable } from '../database.ts';
import { rosterOn } from '../replica/placement-history.ts';
import { requireWritableUnit, requireYear } from '../scope/scope.ts';

/** 2026-03-03 → 03/03/2026, as dates are written in Vietnamese documents. */
export const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

export type MeetingRow = Selectable<MeetingTable>;
export type AttendanceRow = Selectable<AttendanceTable>;

const MAX_ATTENDANCE = 1000;
const KIND_LABEL: Record<MeetingKind, string> = { REGULAR: 'sinh hoạt thường kỳ', THEMATIC: 'sinh hoạt chuyên đề' };

export interface RecordMeetingInput {
  cellId: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  resolution?: string | null;
  attendance: { memberId: string; status: AttendanceStatus; reason?: string | null }[];
}

/** Biên bản sinh hoạt chi bộ: a meeting of a cell and who attended, recorded by the cell. */
export async function recordMeeting(db: Kysely<EvaluationDatabase>, caller: Caller, input: RecordMeetingInput): Promise<MeetingRow> {
  const cellId = requireId(input.cellId, 'cellId');
  const heldOn = requireDate(input.heldOn, 'heldOn');
  const agenda = requireText(input.agenda, 'agenda', 'nội dung sinh hoạt', 5000);
  const resolution = input.resolution?.trim() ? requireText(input.resolution, 'resolution', 'nghị quyết', 20000) : null;
  if (input.attendance.length > MAX_ATTENDANCE) throw new DomainError('BAD_USER_INPUT', `Điểm danh tối đa ${MAX_ATTENDANCE} đảng viên.`, { field: 'attendance' });
  const attendance = input.attendance.map((entry) => {
    const reason = entry.reason?.trim() ? requireText(entry.reason, 'reason', 'lý do', 500) : null;
    if (entry.status === 'EXCUSED' && !reason) throw new DomainError('BAD_USER_INPUT', 'Đảng viên vắng có lý do: cần ghi rõ lý do.', { field: 'reason', memberId: entry.memberId });
    return { memberId: requireId(entry.memberId, 'memberId'), status: entry.status, reason };
  });
  const memberIds = attendance.map((entry) => entry.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được điểm danh hai lần.', { field: 'attendance' });

  return db.transaction().execute(async (trx) => {
    await requireWritableUnit(trx, caller, 'recordMeeting', cellId, 'Không tìm thấy chi bộ.');
    const cell = await trx.selectFrom('org_unit_replica').select('kind').where('id', '=', cellId).where('valid_to', 'is', null).executeTakeFirst();
    if (!cell || !['CELL', 'GRASSROOTS_CELL'].includes(cell.kind)) throw new DomainError('BAD_USER_INPUT', 'Chỉ ghi biên bản sinh hoạt của chi bộ.', { field: 'cellId' });
    // The roster the cell had that day, from the dated placements (exempt and departed members left out).
    const roster = await rosterOn(trx, cellId, heldOn);
    const line = memberIds.findIndex((id) => !roster.has(id));
    if (line >= 0) {
      // The line number lets a form that knows names (membership's) point at the person.
      throw new DomainError('BAD_USER_INPUT', `Dòng ${line + 1} của bảng điểm danh: người này không có trong danh sách sinh hoạt của chi bộ ngày ${vietnameseDate(heldOn)} (không thuộc chi bộ, đã chuyển đi hoặc được miễn sinh hoạt).`, {
        field: 'attendance',
        memberId: memberIds[line],
        line: line + 1,
        reason: 'NOT_ON_ROSTER',
      });
    }

    const duplicate = () => new DomainError('CONFLICT', `Chi bộ đã có biên bản ${KIND_LABEL[input.kind]} ngày ${vietnameseDate(heldOn)}.`, { field: 'heldOn' });
    if (await trx.selectFrom('meeting').select('id').where('cell_id', '=', cellId).where('held_on', '=', heldOn).where('kind', '=', input.kind).executeTakeFirst()) throw duplicate();
    const meeting = await trx
      .insertInto('meeting')
      .values({ id: randomUUID(), cell_id: cellId, held_on: heldOn, kind: input.kind, agenda, resolution, ...attendanceCounts(attendance) })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Two secretaries saving the same minutes at once: the index refuses the second one.
        throw (error as { constraint?: string }).constraint === 'meeting_cell_day_kind_unique' ? duplicate() : error;
      });
    if (attendance.length > 0) {
      await trx.insertInto('attendance').values(attendance.map((entry) => ({ meeting_id: meeting.id, member_id: entry.memberId, status: entry.status, reason: entry.reason }))).execute();
    }
    await writeAudit(trx, caller, [
      {
        operation: 'recordMeeting',
        entityType: 'Meeting',
        entityId: meeting.id,
        before: null,
        after: { cellId, heldOn, kind: input.kind, agenda, resolution, attendance },
      },
    ]);
    return meeting;
  });
}

/** The counts a meeting row carries beside its attendance rows (for the attendance rate); the bulk load writes the same. */
export function attendanceCounts(attendance: readonly { status: string }[]) {
  const count = (status: AttendanceStatus): number => attendance.filter((entry) => entry.status === status).length;
  return { present_count: count('PRESENT'), excused_count: count('EXCUSED'), absent_count: count('ABSENT') };
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

export function attendanceOfMeetings(db: Kysely<EvaluationDatabase>, meetingIds: readonly string[]): Promise<AttendanceRow[]> {
  return db.selectFrom('attendance').selectAll().where('meeting_id', 'in', [...meetingIds]).orderBy('member_id').execute();
}

/**
 * Members of a unit's subtree absent without reason in at least three different months of the year
 * at the meetings of the subtree's cells (a ground for removing the name, xóa tên): one SQL statement.
 */
export async function absentThreeMonths(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<{ memberId: string; cellId: string; months: number[] }[]> {
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
