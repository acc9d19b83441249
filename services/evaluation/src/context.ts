import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely } from 'kysely';
import { visibleCycles } from './cycle/cycle.repository.ts';
import type { ReviewCycleRow } from './cycle/cycle.tables.ts';
import type { EvaluationDatabase } from './database.ts';
import { attendanceOfMeetings } from './meeting/meeting.repository.ts';
import type { AttendanceRow } from './meeting/meeting.tables.ts';
import { decisionsOfReviews, findReviewsByIds, findReviewsOfMembers } from './review/review.repository.ts';
import type { ReviewDecisionRow, ReviewRow } from './review/review.tables.ts';
import { findRuleSetsByIds } from './rules/rules.repository.ts';
import type { RuleSetRow } from './rules/rules.tables.ts';
import { assignmentsOfTasks, reviewsOfTasks } from './task/task.repository.ts';
import type { TaskAssignmentRow, TaskReviewRow } from './task/task.tables.ts';

export interface EvaluationContext {
  db: Kysely<EvaluationDatabase>;
  caller: Caller;
  reviewById: ReturnType<typeof rowLoader<ReviewRow>>;
  reviewsOfMember: ReturnType<typeof groupLoader<ReviewRow>>;
  decisionsOfReview: ReturnType<typeof groupLoader<ReviewDecisionRow>>;
  ruleSetById: ReturnType<typeof rowLoader<RuleSetRow>>;
  cycleById: ReturnType<typeof rowLoader<ReviewCycleRow>>;
  attendanceOfMeeting: ReturnType<typeof groupLoader<AttendanceRow>>;
  assignmentsOfTask: ReturnType<typeof groupLoader<TaskAssignmentRow>>;
  reviewsOfTask: ReturnType<typeof groupLoader<TaskReviewRow>>;
}

export function createContext(db: Kysely<EvaluationDatabase>, caller: Caller): EvaluationContext {
  const scopes = readableScopes(caller);
  return {
    db,
    caller,
    reviewById: rowLoader((ids) => findReviewsByIds(db, ids, scopes), (row) => row.id),
    reviewsOfMember: groupLoader((ids) => findReviewsOfMembers(db, ids, scopes), (row) => row.member_id),
    // Reviews reach Review.decisions only through a scoped read, so their decisions need no second check.
    decisionsOfReview: groupLoader((ids) => decisionsOfReviews(db, ids), (row) => row.review_id),
    ruleSetById: rowLoader((ids) => findRuleSetsByIds(db, ids), (row) => row.id),
    cycleById: rowLoader((ids) => visibleCycles(db, caller, { ids: [...ids] }), (row) => row.id),
    attendanceOfMeeting: groupLoader((ids) => attendanceOfMeetings(db, ids), (row) => row.meeting_id),
    // Tasks reach a resolver only after a scoped query returned them, so their parts need no second scope check.
    assignmentsOfTask: groupLoader((ids) => assignmentsOfTasks(db, ids), (row) => row.task_id),
    reviewsOfTask: groupLoader((ids) => reviewsOfTasks(db, ids), (row) => row.task_id),
  };
}
