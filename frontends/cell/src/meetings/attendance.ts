// The meeting form's values, its schema (the server's rules, in Vietnamese) and what is derived from
// them: the input sent, the live tally, where a server refusal belongs, whether a meeting may still be edited.
import { z } from 'zod';
import { compareVietnameseNames, formatDate, type ErrorCause, todayInVietnam } from '@dangvien/ui';
import type { AttendanceStatus, MemberStatus, RecordMeetingInput } from '../generated/graphql.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../messages.ts';

/** The server's limits (services/evaluation/src/meeting/meeting.ts). */
export const LIMITS = { agenda: 5000, resolution: 20000, reason: 500 } as const;
/** A meeting can be corrected this many days after it was held (the server decides; the page only hides "Sửa" later). */
export const EDIT_WINDOW_DAYS = 30;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export { todayInVietnam };

const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** Whether "Sửa" is offered: held at most EDIT_WINDOW_DAYS days before today. */
export function canEdit(heldOn: string, today: string): boolean {
  if (!isCalendarDate(heldOn) || !isCalendarDate(today)) return false;
  const age = dayNumber(today) - dayNumber(heldOn);
  return age >= 0 && age <= EDIT_WINDOW_DAYS;
}

/** The form's values and their checks; `today` is read when the form is checked (a page left open past midnight). */
export function meetingSchema(today: () => string = () => todayInVietnam()) {
  const row = z
    .object({
      memberId: z.string().min(1),
      fullName: z.string(),
      status: z.enum(ATTENDANCE_STATUSES, 'Chọn có mặt, vắng có lý do hoặc vắng không lý do.'),
      reason: z.string(),
    })
    .superRefine((entry, context) => {
      if (entry.status !== 'EXCUSED') return;
      const reason = entry.reason.trim();
      if (!reason) context.addIssue({ code: 'custom', path: ['reason'], message: 'Ghi lý do vắng của đồng chí này.' });
      else if (reason.length > LIMITS.reason) context.addIssue({ code: 'custom', path: ['reason'], message: `Lý do vắng dài quá ${String(LIMITS.reason)} ký tự.` });
    });
  return z.object({
    heldOn: z
      .string()
      .refine((value) => value !== '', 'Chọn ngày sinh hoạt.')
      .refine((value) => value === '' || isCalendarDate(value), 'Ngày không hợp lệ.')
      .superRefine((value, context) => {
        // The server's message: a meeting after today has not been held.
        if (isCalendarDate(value) && value > today()) context.addIssue({ code: 'custom', message: `Ngày sinh hoạt ${formatDate(value)} chưa đến.` });
      }),
    kind: z.enum(MEETING_KINDS, 'Chọn hình thức sinh hoạt.'),
    agenda: z
      .string()
      .refine((value) => value.trim() !== '', 'Ghi nội dung sinh hoạt.')
      .refine((value) => value.trim().length <= LIMITS.agenda, `Nội dung sinh hoạt dài quá ${String(LIMITS.agenda)} ký tự.`),
    resolution: z.string().refine((value) => value.trim().length <= LIMITS.resolution, `Nghị quyết dài quá ${String(LIMITS.resolution)} ký tự.`),
    attendance: z.array(row).min(1, 'Chi bộ chưa có đảng viên nào để điểm danh.'),
  });
}

export type MeetingValues = z.infer<ReturnType<typeof meetingSchema>>;
export type AttendanceRow = MeetingValues['attendance'][number];

/** Who is on the roster to mark: members taking part in party life (exempt and departed members left out). */
export function rosterOf<M extends { status: MemberStatus }>(members: readonly M[]): M[] {
  return members.filter((member) => member.status === 'OFFICIAL' || member.status === 'PROBATIONARY');
}

const byName = (a: { fullName: string }, b: { fullName: string }) => compareVietnameseNames(a.fullName, b.fullName);

/** A new meeting: today, a regular meeting, everyone on the roster present (the usual case: mark only who was away). */
export function newMeetingValues(members: readonly { id: string; fullName: string; status: MemberStatus }[], today: string, agenda: string): MeetingValues {
  return {
    heldOn: today,
    kind: 'REGULAR',
    agenda,
    resolution: '',
    attendance: rosterOf(members)
      .map((member) => ({ memberId: member.id, fullName: member.fullName, status: 'PRESENT' as const, reason: '' }))
      .sort(byName),
  };
}

/** A recorded meeting as form values, to edit it. */
export function editMeetingValues(meeting: {
  heldOn: string;
  kind: MeetingValues['kind'];
  agenda: string;
  resolution?: string | null;
  attendance: readonly { member: { id: string; fullName: string }; status: AttendanceStatus; reason?: string | null }[];
}): MeetingValues {
  return {
    heldOn: meeting.heldOn,
    kind: meeting.kind,
    agenda: meeting.agenda,
    resolution: meeting.resolution ?? '',
    attendance: meeting.attendance
      .map((entry) => ({ memberId: entry.member.id, fullName: entry.member.fullName, status: entry.status, reason: entry.reason ?? '' }))
      .sort(byName),
  };
}

/**
 * A draft restored over today's roster: marks kept for members still on it, members who joined since
 * added as present, members who left dropped. Returns undefined when the draft already fits.
 */
export function reconcileAttendance(draft: readonly AttendanceRow[], roster: readonly AttendanceRow[]): AttendanceRow[] | undefined {
  const marked = new Map(draft.map((row) => [row.memberId, row]));
  const merged = roster.map((row) => marked.get(row.memberId) ?? row);
  const same = merged.length === draft.length && merged.every((row, index) => row.memberId === draft[index]?.memberId);
  return same ? undefined : merged;
}

/** The attendance as the server takes it: a reason only for an excused absence, trimmed. */
export function attendanceInput(rows: readonly AttendanceRow[]) {
  return rows.map((row) => ({
    memberId: row.memberId,
    status: row.status,
    ...(row.status === 'EXCUSED' ? { reason: row.reason.trim() } : {}),
  }));
}

/** RecordMeetingInput for checked values (clientRequestId added by the outbox). */
export function recordMeetingInput(cellId: string, values: MeetingValues): RecordMeetingInput {
  return {
    cellId,
    heldOn: values.heldOn,
    kind: values.kind,
    agenda: values.agenda.trim(),
    ...(values.resolution.trim() ? { resolution: values.resolution.trim() } : {}),
    attendance: attendanceInput(values.attendance),
  };
}

/** Counts shown while marking, so the secretary sees the totals the minutes will say. */
export function tally(rows: readonly { status: AttendanceStatus | undefined }[]): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { PRESENT: 0, EXCUSED: 0, ABSENT: 0 };
  for (const row of rows) if (row.status) counts[row.status] += 1;
  return counts;
}

type FormPath = 'heldOn' | 'kind' | 'agenda' | 'resolution' | `attendance.${number}.status` | `attendance.${number}.reason`;

/**
 * Where a server refusal is shown: on the member's row when it names a member (its memberId, or the
 * line of the attendance sent, which is the rows' order), on the field it names, else above the button.
 */
export function serverErrorPath(where: ErrorCause, rows: readonly { memberId: string }[]): FormPath | undefined {
  let index = where.memberId ? rows.findIndex((row) => row.memberId.toLowerCase() === where.memberId?.toLowerCase()) : -1;
  if (index < 0 && where.line !== undefined && where.line >= 1 && where.line <= rows.length) index = where.line - 1;
  if (index >= 0) return where.field === 'reason' ? `attendance.${index}.reason` : `attendance.${index}.status`;
  if (where.field === 'heldOn' || where.field === 'kind' || where.field === 'agenda' || where.field === 'resolution') return where.field;
  return undefined;
}

/** The years the list offers: this year and the five before it. */
export function yearsToPick(currentYear: number): number[] {
  return Array.from({ length: 6 }, (_, index) => currentYear - index);
}

/** Meetings newest first (the API lists them oldest first; the secretary looks for the latest). */
export function newestFirst<M extends { heldOn: string; kind: string }>(meetings: readonly M[]): M[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...meetings].sort((a, b) => order(b.heldOn, a.heldOn) || order(a.kind, b.kind));
}

/** The meeting's year (2026-03-03 → 2026), to find it again in orgUnit.meetings(year). */
export const yearOf = (day: string): number => Number(day.slice(0, 4));

/** What the minutes say about attendance: counts and the lists of excused (with reasons) and absent members, by name. */
export function minutesAttendance<R extends { status: AttendanceStatus; reason?: string | null; member: { fullName: string } }>(rows: readonly R[]) {
  const sorted = [...rows].sort((a, b) => compareVietnameseNames(a.member.fullName, b.member.fullName));
  return {
    total: rows.length,
    counts: tally(rows),
    excused: sorted.filter((row) => row.status === 'EXCUSED'),
    absent: sorted.filter((row) => row.status === 'ABSENT'),
  };
}
