import type { AttendanceStatus, MeetingKind, MemberStatus, RecordMeetingInput } from '../generated/graphql.ts';

/** Who is on the roster to mark: members taking part in party life (exempt and departed members left out). */
export function rosterOf<M extends { status: MemberStatus }>(members: readonly M[]): M[] {
  return members.filter((member) => member.status === 'OFFICIAL' || member.status === 'PROBATIONARY');
}

export interface Mark {
  status: AttendanceStatus;
  reason: string;
}

export interface MeetingForm {
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  resolution: string;
  marks: Record<string, Mark>;
}

/** What the form can refuse before sending: message keys of messages.ts, with the member concerned. */
export type FormProblem = { key: 'needDate' | 'needAgenda' } | { key: 'needReason'; memberId: string };

/** Everyone present unless marked otherwise: the usual case is a full meeting. */
export function defaultMarks(memberIds: readonly string[]): Record<string, Mark> {
  return Object.fromEntries(memberIds.map((id) => [id, { status: 'PRESENT', reason: '' } satisfies Mark]));
}

/** The first thing to fix, or the RecordMeetingInput to send. */
export function meetingInput(cellId: string, form: MeetingForm): { problem: FormProblem } | { input: RecordMeetingInput } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.heldOn)) return { problem: { key: 'needDate' } };
  if (!form.agenda.trim()) return { problem: { key: 'needAgenda' } };
  const attendance = Object.entries(form.marks).map(([memberId, mark]) => ({
    memberId,
    status: mark.status,
    ...(mark.status === 'EXCUSED' ? { reason: mark.reason.trim() } : {}),
  }));
  const missingReason = attendance.find((entry) => entry.status === 'EXCUSED' && !entry.reason);
  if (missingReason) return { problem: { key: 'needReason', memberId: missingReason.memberId } };
  return {
    input: {
      cellId,
      heldOn: form.heldOn,
      kind: form.kind,
      agenda: form.agenda.trim(),
      ...(form.resolution.trim() ? { resolution: form.resolution.trim() } : {}),
      attendance,
    },
  };
}

/** Counts shown before saving, so the secretary sees the totals the minutes will say. */
export function tally(marks: Record<string, Mark>): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { PRESENT: 0, EXCUSED: 0, ABSENT: 0 };
  for (const mark of Object.values(marks)) counts[mark.status] += 1;
  return counts;
}
