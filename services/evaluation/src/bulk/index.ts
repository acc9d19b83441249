import { migrations } from '../migrations/index.ts';
import { copyMeetings, copyMemberReplica, copyReviews, copyTasks, type BulkMeeting, type BulkMemberPlacement, type BulkReview, type BulkReviewCycle, type BulkTask } from './evaluation.ts';
import { copyOrgReplica, ORG_REPLICA_DIGEST, type BulkReplicaUnit } from '@dangvien/org-replica';
import { auditBulkLoad, type BulkWriter } from '@dangvien/server';

export type { BulkMeeting, BulkMemberPlacement, BulkReview, BulkReviewCycle, BulkTask } from './evaluation.ts';
export type { BulkReplicaUnit } from '@dangvien/org-replica';
// The demo data set is seeded through the same insert as the reviews of any member.
export { insertReviews } from '../review/review.repository.ts';
export type { EvaluationDatabase } from '../database.ts';

export interface EvaluationChunk {
  units: readonly BulkReplicaUnit[];
  members: readonly BulkMemberPlacement[];
  cycles: readonly BulkReviewCycle[];
  reviews: readonly BulkReview[];
  meetings: readonly BulkMeeting[];
  tasks: readonly BulkTask[];
}

/**
 * The evaluation subgraph's bulk path: its replicas (the tree; members' cells and statuses, dated;
 * discipline; Regulation 213 links and comments) loaded directly, then closed review cycles with their decided reviews, meetings and attendance, tasks with their
 * holders and reviews, with COPY.
 */
export const evaluationBulk = {
  subgraph: 'evaluation' as const,
  migrations,
  async loadChunk(writer: BulkWriter, chunk: EvaluationChunk): Promise<void> {
    await copyOrgReplica(writer, chunk.units);
    await copyMemberReplica(writer, chunk.members);
    await copyReviews(writer, chunk.cycles, chunk.reviews);
    await copyMeetings(writer, chunk.meetings);
    await copyTasks(writer, chunk.tasks);
  },
  finish: auditBulkLoad,
  digestQueries: (unitPattern: string, memberPattern: string): string[] => [
    ORG_REPLICA_DIGEST(unitPattern),
    `SELECT member_id, cell_id, status FROM member_replica WHERE member_id::text LIKE '${memberPattern}' ORDER BY member_id`,
    `SELECT member_id, cell_id, status, effective_from FROM member_placement_change WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT member_id, form, effective_date FROM member_discipline WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT member_id, residence_cell_id, valid_from FROM residence_link WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT member_id, year, residence_cell_id, recorded_on FROM residence_comment WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT id, unit_id, year, period, closes_on, status, rule_set_id FROM review_cycle WHERE unit_id::text LIKE '${unitPattern}' ORDER BY id`,
    `SELECT id, member_id, year, score, grade, period, cycle_id, rule_set_id, disciplined FROM review WHERE member_id::text LIKE '${memberPattern}' ORDER BY id`,
    `SELECT id, cell_id, held_on, kind, agenda, resolution FROM meeting WHERE cell_id::text LIKE '${unitPattern}' ORDER BY id`,
    `SELECT a.meeting_id, a.member_id, a.status, a.reason FROM attendance a WHERE a.member_id::text LIKE '${memberPattern}' ORDER BY a.meeting_id, a.member_id`,
    `SELECT id, cell_id, title, area, households, starts_on, ends_on FROM task WHERE cell_id::text LIKE '${unitPattern}'`,
    `SELECT task_id, member_id, assigned_on, ended_on FROM task_assignment WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT id, task_id, member_id, reviewed_on, result, comment FROM task_review WHERE member_id::text LIKE '${memberPattern}'`,
  ],
};
