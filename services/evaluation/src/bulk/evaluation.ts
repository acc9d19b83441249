import type { BulkWriter } from '@dangvien/server';
import type { AttendanceInput, MeetingKind } from '../generated/graphql.ts';
import { attendanceCounts } from '../meeting/meeting.ts';

/** What membership's events would have told us about a member: where and in what status (today and from each date), discipline, Regulation 213. */
export interface BulkMemberPlacement {
  id: string;
  cellId: string;
  status: string;
  changes: readonly { cellId: string; status: string; effectiveFrom: string }[];
  events: readonly { kind: string; occurredOn: string; details: Record<string, unknown> }[];
  residenceLink: { residenceCellId: string; validFrom: string; comments: readonly { year: number; recordedOn: string }[] } | null;
}

export interface BulkReviewCycle {
  id: string;
  unitId: string;
  year: number;
  closesOn: string;
  ruleSetId: string;
}

/** A decided annual review, under the rule set valid when its cycle closed. */
export interface BulkReview {
  id: string;
  memberId: string;
  year: number;
  score: number;
  grade: string;
  cycleId: string;
  ruleSetId: string;
  disciplined: boolean;
}

export interface BulkMeeting {
  id: string;
  cellId: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  resolution: string | null;
  /** As recordMeeting takes it, with the reason always present (null when none). */
  attendance: readonly (AttendanceInput & { reason: string | null })[];
}

/**
 * Each change's `valid_to`, as the consumer's `closePeriods` sets it: the start of the next change in
 * date order (then arrival order); null for the last.
 */
function periodEnds(changes: readonly { effectiveFrom: string }[]): (string | null)[] {
  const order = changes.map((_, index) => index).sort((a, b) => changes[a]!.effectiveFrom.localeCompare(changes[b]!.effectiveFrom) || a - b);
  const ends: (string | null)[] = changes.map(() => null);
  order.forEach((index, position) => {
    const next = order[position + 1];
    if (next !== undefined) ends[index] = changes[next]!.effectiveFrom;
  });
  return ends;
}

/** The replicas MemberPlaced, MemberDisciplined, ResidenceLinked and ResidenceCommentRecorded keep (services/evaluation/src/replica). */
export async function copyMemberReplica(writer: BulkWriter, members: readonly BulkMemberPlacement[]): Promise<void> {
  await writer.copy('member_replica', ['member_id', 'cell_id', 'status'], members.map((member) => [member.id, member.cellId, member.status]));
  await writer.copy(
    'member_placement_change',
    ['member_id', 'cell_id', 'status', 'effective_from', 'valid_to'],
    members.flatMap((member) => {
      const ends = periodEnds(member.changes);
      return member.changes.map((change, index) => [member.id, change.cellId, change.status, change.effectiveFrom, ends[index] ?? null]);
    }),
  );
  await writer.copy(
    'member_discipline',
    ['member_id', 'form', 'effective_date'],
    members.flatMap((member) => member.events.filter((event) => event.kind === 'DISCIPLINE').map((event) => [member.id, String(event.details.disciplineLevel), event.occurredOn])),
  );
  const linked = members.filter((member) => member.residenceLink);
  await writer.copy('residence_link', ['member_id', 'residence_cell_id', 'valid_from'], linked.map((member) => [member.id, member.residenceLink!.residenceCellId, member.residenceLink!.validFrom]));
  await writer.copy(
    'residence_comment',
    ['member_id', 'year', 'residence_cell_id', 'recorded_on'],
    linked.flatMap((member) => member.residenceLink!.comments.map((comment) => [member.id, comment.year, member.residenceLink!.residenceCellId, comment.recordedOn])),
  );
}

/** Closed annual cycles, then their reviews (which reference them). */
export async function copyReviews(writer: BulkWriter, cycles: readonly BulkReviewCycle[], reviews: readonly BulkReview[]): Promise<void> {
  await writer.copy(
    'review_cycle',
    ['id', 'unit_id', 'year', 'period', 'closes_on', 'status', 'rule_set_id'],
    cycles.map((cycle) => [cycle.id, cycle.unitId, cycle.year, 'YEAR', cycle.closesOn, 'CLOSED', cycle.ruleSetId]),
  );
  await writer.copy(
    'review',
    ['id', 'member_id', 'year', 'score', 'grade', 'period', 'cycle_id', 'rule_set_id', 'disciplined'],
    reviews.map((review) => [review.id, review.memberId, review.year, review.score, review.grade, 'YEAR', review.cycleId, review.ruleSetId, review.disciplined]),
  );
  // Each decided grade starts its history of decisions with the one it was loaded with.
  await writer.copy(
    'review_decision',
    ['review_id', 'member_id', 'cycle_id', 'year', 'period', 'score', 'grade', 'disciplined', 'rule_set_id', 'decided_by'],
    reviews.map((review) => [review.id, review.memberId, review.cycleId, review.year, 'YEAR', review.score, review.grade, review.disciplined, review.ruleSetId, 'Dữ liệu nạp hàng loạt']),
  );
}

export async function copyMeetings(writer: BulkWriter, meetings: readonly BulkMeeting[]): Promise<void> {
  await writer.copy(
    'meeting',
    ['id', 'cell_id', 'held_on', 'kind', 'agenda', 'resolution', 'present_count', 'excused_count', 'absent_count'],
    meetings.map((meeting) => {
      const counts = attendanceCounts(meeting.attendance);
      return [meeting.id, meeting.cellId, meeting.heldOn, meeting.kind, meeting.agenda, meeting.resolution, counts.present_count, counts.excused_count, counts.absent_count];
    }),
  );
  await writer.copy(
    'attendance',
    ['meeting_id', 'member_id', 'status', 'reason'],
    meetings.flatMap((meeting) => meeting.attendance.map((row) => [meeting.id, row.memberId, row.status, row.reason])),
  );
}

/** Phân công nhiệm vụ: a cell's task, its holders over time and the cell's reviews. */
export interface BulkTask {
  id: string;
  cellId: string;
  title: string;
  area: string | null;
  households: readonly string[];
  startsOn: string;
  endsOn: string | null;
  assignments: readonly { memberId: string; assignedOn: string; endedOn: string | null }[];
  reviews: readonly { id: string; memberId: string; reviewedOn: string; result: string; comment: string | null }[];
}

/** A text[] literal for COPY (elements quoted; the writer escapes the rest). */
function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(',')}}`;
}

export async function copyTasks(writer: BulkWriter, tasks: readonly BulkTask[]): Promise<void> {
  await writer.copy(
    'task',
    ['id', 'cell_id', 'title', 'area', 'households', 'starts_on', 'ends_on'],
    tasks.map((task) => [task.id, task.cellId, task.title, task.area, textArray(task.households), task.startsOn, task.endsOn]),
  );
  await writer.copy(
    'task_assignment',
    ['task_id', 'member_id', 'assigned_on', 'ended_on'],
    tasks.flatMap((task) => task.assignments.map((assignment) => [task.id, assignment.memberId, assignment.assignedOn, assignment.endedOn])),
  );
  await writer.copy(
    'task_review',
    ['id', 'task_id', 'member_id', 'reviewed_on', 'result', 'comment'],
    tasks.flatMap((task) => task.reviews.map((review) => [review.id, task.id, review.memberId, review.reviewedOn, review.result, review.comment])),
  );
}
