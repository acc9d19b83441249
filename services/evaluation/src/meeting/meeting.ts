import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import { periodLabel } from '../cycle/review-cycle.ts';
import type { EvaluationDatabase } from '../database.ts';
import type { AttendanceInput, AttendanceStatus, MeetingKind, RecordMeetingInput, UpdateMeetingInput } from '../generated/graphql.ts';
import { rosterOn } from '../replica/placement-history.ts';
import { todayInVietnam } from '@dangvien/db';
import { lastCorrectionDay, meetingCorrectionRuleOn } from '../rules/meeting-correction.ts';
import { requireWritableUnit } from '../scope/scope.ts';
import {
  attendanceOfMeetings,
  currentCellKind,
  findMeetingOfDay,
  findMeetingOfRequest,
  insertAttendance,
  insertMeeting,
  lockClientRequest,
  lockMeeting,
  membersCyclesCovering,
  replaceAttendance,
  updateMeetingRow,
} from './meeting.repository.ts';
import type { MeetingRow } from './meeting.tables.ts';

/** 2026-03-03 → 03/03/2026, as dates are written in Vietnamese documents. */
export const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

const MAX_ATTENDANCE = 1000;
const KIND_LABEL: Record<MeetingKind, string> = { REGULAR: 'sinh hoạt thường kỳ', THEMATIC: 'sinh hoạt chuyên đề' };

/** An attendance list checked at the edge: reasons where needed, ids valid, nobody twice. */
function checkedAttendance(entries: readonly AttendanceInput[]) {
  if (entries.length > MAX_ATTENDANCE) throw new DomainError('BAD_USER_INPUT', `Điểm danh tối đa ${MAX_ATTENDANCE} đảng viên.`, { field: 'attendance' });
  const attendance = entries.map((entry) => {
    const reason = entry.reason?.trim() ? requireText(entry.reason, 'reason', 'lý do', 500) : null;
    if (entry.status === 'EXCUSED' && !reason) throw new DomainError('BAD_USER_INPUT', 'Đảng viên vắng có lý do: cần ghi rõ lý do.', { field: 'reason', memberId: entry.memberId });
    return { memberId: requireId(entry.memberId, 'memberId'), status: entry.status, reason };
  });
  const memberIds = attendance.map((entry) => entry.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được điểm danh hai lần.', { field: 'attendance' });
  return attendance;
}

/** One line of an attendance list, checked. */
type CheckedAttendance = ReturnType<typeof checkedAttendance>[number];

/** Refuses an attendance list naming someone not on the cell's roster of the meeting day. */
async function requireOnRosterOf(trx: Transaction<EvaluationDatabase>, cellId: string, heldOn: string, attendance: readonly CheckedAttendance[]): Promise<void> {
  // The roster the cell had that day, from the dated placements (exempt and departed members left out).
  const roster = await rosterOn(trx, cellId, heldOn);
  const line = attendance.findIndex((entry) => !roster.has(entry.memberId));
  if (line < 0) return;
  // The line number lets a form that knows names (membership's) point at the person.
  throw new DomainError('BAD_USER_INPUT', `Dòng ${line + 1} của bảng điểm danh: người này không có trong danh sách sinh hoạt của chi bộ ngày ${vietnameseDate(heldOn)} (không thuộc chi bộ, đã chuyển đi hoặc được miễn sinh hoạt).`, {
    field: 'attendance',
    memberId: attendance[line]!.memberId,
    line: line + 1,
    reason: 'NOT_ON_ROSTER',
  });
}

const duplicateMeeting = (kind: MeetingKind, heldOn: string) => new DomainError('CONFLICT', `Chi bộ đã có biên bản ${KIND_LABEL[kind]} ngày ${vietnameseDate(heldOn)}.`, { field: 'heldOn' });

/** Two secretaries saving the same minutes at once: the index refuses the second one. */
const refuseDuplicate = (kind: MeetingKind, heldOn: string) => (error: unknown) => {
  throw (error as { constraint?: string }).constraint === 'meeting_cell_day_kind_unique' ? duplicateMeeting(kind, heldOn) : error;
};

/**
 * Biên bản sinh hoạt chi bộ: a meeting of a cell and who attended, recorded by the cell. With a
 * clientRequestId (an offline client's idempotency key), a change already recorded is answered with
 * its meeting, unchanged and without a second audit record.
 */
export async function recordMeeting(db: Kysely<EvaluationDatabase>, caller: Caller, input: RecordMeetingInput): Promise<MeetingRow> {
  const cellId = requireId(input.cellId, 'cellId');
  const heldOn = requireDate(input.heldOn, 'heldOn');
  // Minutes record what happened: a meeting dated after today (Vietnam's day) has not been held.
  if (heldOn > todayInVietnam()) throw new DomainError('BAD_USER_INPUT', `Ngày sinh hoạt ${vietnameseDate(heldOn)} chưa đến.`, { field: 'heldOn' });
  const agenda = requireText(input.agenda, 'agenda', 'nội dung sinh hoạt', 5000);
  const resolution = input.resolution?.trim() ? requireText(input.resolution, 'resolution', 'nghị quyết', 20000) : null;
  const clientRequestId = input.clientRequestId ? requireId(input.clientRequestId, 'clientRequestId') : null;
  const attendance = checkedAttendance(input.attendance);

  return db.transaction().execute(async (trx) => {
    await requireWritableUnit(trx, caller, 'recordMeeting', cellId, 'Không tìm thấy chi bộ.');
    if (clientRequestId) {
      await lockClientRequest(trx, 'meeting', clientRequestId);
      const recorded = await findMeetingOfRequest(trx, clientRequestId);
      if (recorded?.cell_id === cellId) return recorded;
      if (recorded) throw new DomainError('CONFLICT', 'Mã yêu cầu của biên bản này đã được dùng cho biên bản của một chi bộ khác: không ghi. Hãy lập lại biên bản.', { field: 'clientRequestId' });
    }
    const kind = await currentCellKind(trx, cellId);
    if (!kind || !['CELL', 'GRASSROOTS_CELL'].includes(kind)) throw new DomainError('BAD_USER_INPUT', 'Chỉ ghi biên bản sinh hoạt của chi bộ.', { field: 'cellId' });
    await requireOnRosterOf(trx, cellId, heldOn, attendance);

    if (await findMeetingOfDay(trx, cellId, heldOn, input.kind)) throw duplicateMeeting(input.kind, heldOn);
    const meeting = await insertMeeting(trx, {
      id: randomUUID(),
      cell_id: cellId,
      held_on: heldOn,
      kind: input.kind,
      agenda,
      resolution,
      client_request_id: clientRequestId,
      ...attendanceCounts(attendance),
    }).catch(refuseDuplicate(input.kind, heldOn));
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

/**
 * Corrects a meeting's minutes (kind, agenda, resolution, the whole attendance; never its day) under
 * the correction rule in force today (rules/meeting-correction.ts): within the window after the
 * meeting, and not once the members review cycle covering it is closed. The attendance counts on the
 * meeting row are recomputed; the audit record holds the minutes before and after. A correction that
 * changes nothing (a resent one) writes nothing.
 */
export async function updateMeeting(db: Kysely<EvaluationDatabase>, caller: Caller, input: UpdateMeetingInput): Promise<MeetingRow> {
  const meetingId = requireId(input.id, 'id');
  const agenda = requireText(input.agenda, 'agenda', 'nội dung sinh hoạt', 5000);
  const resolution = input.resolution?.trim() ? requireText(input.resolution, 'resolution', 'nghị quyết', 20000) : null;
  const attendance = checkedAttendance(input.attendance);
  const today = todayInVietnam();

  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    if (!meeting) throw new DomainError('NOT_FOUND', 'Không tìm thấy biên bản sinh hoạt.', { field: 'id' });
    await requireWritableUnit(trx, caller, 'updateMeeting', meeting.cell_id, 'Không tìm thấy biên bản sinh hoạt.');
    const heldOn = meeting.held_on;
    const rule = meetingCorrectionRuleOn(today);
    if (!rule) throw new DomainError('CONFLICT', 'Chưa có quy định cho phép sửa biên bản sinh hoạt chi bộ.', { field: 'id' });
    const lastDay = lastCorrectionDay(heldOn, rule);
    if (today > lastDay) {
      throw new DomainError(
        'CONFLICT',
        `Biên bản sinh hoạt ngày ${vietnameseDate(heldOn)} chỉ được sửa trong ${rule.correctionDays} ngày sau ngày họp (đến hết ngày ${vietnameseDate(lastDay)}); nay đã quá hạn, không sửa được.`,
        { field: 'id', reason: 'CORRECTION_WINDOW_PASSED' },
      );
    }
    if (rule.lockedByClosedCycle) {
      const closed = (await membersCyclesCovering(trx, meeting.cell_id, heldOn)).find((cycle) => cycle.status === 'CLOSED');
      if (closed) {
        throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(closed.year, closed.period)} của tổ chức cơ sở đảng đã khóa: không sửa được biên bản sinh hoạt ngày ${vietnameseDate(heldOn)}.`, {
          field: 'id',
          reason: 'REVIEW_CYCLE_CLOSED',
        });
      }
    }
    await requireOnRosterOf(trx, meeting.cell_id, heldOn, attendance);
    const kind = input.kind ?? meeting.kind;
    if (kind !== meeting.kind && (await findMeetingOfDay(trx, meeting.cell_id, heldOn, kind))) throw duplicateMeeting(kind, heldOn);

    const byMember = (a: CheckedAttendance, b: CheckedAttendance) => a.memberId.localeCompare(b.memberId);
    const recorded = (await attendanceOfMeetings(trx, [meeting.id])).map((row) => ({ memberId: row.member_id, status: row.status, reason: row.reason }));
    const before = { kind: meeting.kind, agenda: meeting.agenda, resolution: meeting.resolution, attendance: recorded.sort(byMember) };
    const after = { kind, agenda, resolution, attendance: [...attendance].sort(byMember) };
    if (JSON.stringify(before) === JSON.stringify(after)) return meeting;

    const updated = await updateMeetingRow(trx, meeting.id, { kind, agenda, resolution, ...attendanceCounts(attendance) }).catch(refuseDuplicate(kind, heldOn));
    await replaceAttendance(trx, meeting.id, attendance.map((entry) => ({ meeting_id: meeting.id, member_id: entry.memberId, status: entry.status, reason: entry.reason })));
    await writeAudit(trx, caller, [{ operation: 'updateMeeting', entityType: 'Meeting', entityId: meeting.id, before: { cellId: meeting.cell_id, heldOn, ...before }, after: { cellId: meeting.cell_id, heldOn, ...after } }]);
    return updated;
  });
}

/** The counts a meeting row carries beside its attendance rows (for the attendance rate); the bulk load writes the same. */
export function attendanceCounts(attendance: readonly { status: AttendanceStatus }[]) {
  const count = (status: AttendanceStatus): number => attendance.filter((entry) => entry.status === status).length;
  return { present_count: count('PRESENT'), excused_count: count('EXCUSED'), absent_count: count('ABSENT') };
}
