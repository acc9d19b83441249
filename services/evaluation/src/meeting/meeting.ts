import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AttendanceStatus, MeetingKind, RecordMeetingInput } from '../generated/graphql.ts';
import { rosterOn } from '../replica/placement-history.ts';
import { requireWritableUnit } from '../scope/scope.ts';
import { currentCellKind, findMeetingOfDay, insertAttendance, insertMeeting } from './meeting.repository.ts';
import type { MeetingRow } from './meeting.tables.ts';

/** 2026-03-03 → 03/03/2026, as dates are written in Vietnamese documents. */
export const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

const MAX_ATTENDANCE = 1000;
const KIND_LABEL: Record<MeetingKind, string> = { REGULAR: 'sinh hoạt thường kỳ', THEMATIC: 'sinh hoạt chuyên đề' };

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
    const kind = await currentCellKind(trx, cellId);
    if (!kind || !['CELL', 'GRASSROOTS_CELL'].includes(kind)) throw new DomainError('BAD_USER_INPUT', 'Chỉ ghi biên bản sinh hoạt của chi bộ.', { field: 'cellId' });
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
    if (await findMeetingOfDay(trx, cellId, heldOn, input.kind)) throw duplicate();
    const meeting = await insertMeeting(trx, { id: randomUUID(), cell_id: cellId, held_on: heldOn, kind: input.kind, agenda, resolution, ...attendanceCounts(attendance) }).catch(
      (error: unknown) => {
        // Two secretaries saving the same minutes at once: the index refuses the second one.
        throw (error as { constraint?: string }).constraint === 'meeting_cell_day_kind_unique' ? duplicate() : error;
      },
    );
    await insertAttendance(trx, attendance.map((entry) => ({ meeting_id: meeting.id, member_id: entry.memberId, status: entry.status, reason: entry.reason })));
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
export function attendanceCounts(attendance: readonly { status: AttendanceStatus }[]) {
  const count = (status: AttendanceStatus): number => attendance.filter((entry) => entry.status === status).length;
  return { present_count: count('PRESENT'), excused_count: count('EXCUSED'), absent_count: count('ABSENT') };
}
