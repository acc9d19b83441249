import type { BulkWriter } from './writer.ts';

/** Where a member is and their status, as membership's MemberPlaced would have told us. */
export interface BulkMemberPlacement {
  id: string;
  cellId: string;
  status: string;
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
  kind: 'REGULAR' | 'THEMATIC';
  agenda: string;
  resolution: string | null;
  attendance: readonly { memberId: string; status: string; reason: string | null }[];
}

export async function copyMemberReplica(writer: BulkWriter, members: readonly BulkMemberPlacement[]): Promise<void> {
  await writer.copy('member_replica', ['member_id', 'cell_id', 'status'], members.map((member) => [member.id, member.cellId, member.status]));
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
}

export async function copyMeetings(writer: BulkWriter, meetings: readonly BulkMeeting[]): Promise<void> {
  await writer.copy(
    'meeting',
    ['id', 'cell_id', 'held_on', 'kind', 'agenda', 'resolution'],
    meetings.map((meeting) => [meeting.id, meeting.cellId, meeting.heldOn, meeting.kind, meeting.agenda, meeting.resolution]),
  );
  await writer.copy(
    'attendance',
    ['meeting_id', 'member_id', 'status', 'reason'],
    meetings.flatMap((meeting) => meeting.attendance.map((row) => [meeting.id, row.memberId, row.status, row.reason])),
  );
}
