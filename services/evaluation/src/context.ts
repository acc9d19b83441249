import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely, Selectable } from 'kysely';
import type { EvaluationDatabase, TaskAssignmentTable, TaskReviewTable } from './database.ts';
import { visibleCycles, type ReviewCycleRow } from './cycle/review-cycle.ts';
import { attendanceOfMeetings, type AttendanceRow } from './meeting/meeting.ts';
import { findReviewsByIds, findReviewsOfMembers, type ReviewRow } from './review/review.repository.ts';
import type { RuleSetRow } from './rules/rule-set.ts';

export interface EvaluationContext {
  db: Kysely<EvaluationDatabase>;
  caller: Caller;
  reviewById: ReturnType<typeof rowLoader<ReviewRow>>;
  reviewsOfMember: ReturnType<typeof groupLoader<ReviewRow>>;
  ruleSetById: ReturnType<typeof rowLoader<RuleSetRow>>;
  cycleById: ReturnType<typeof rowLoader<ReviewCycleRow>>;
  attendanceOfMeeting: ReturnType<typeof groupLoader<AttendanceRow>>;
  assignmentsOfTask: ReturnType<typeof groupLoader<Selectable<TaskAssignmentTable>>>;
  reviewsOfTask: ReturnType<typeof groupLoader<Selectable<TaskReviewTable>>>;
}

export function createContext(db: Kysely<EvaluationDatabase>, caller: Caller): EvaluationContext {
  const scopes = readableScopes(caller);
  return {
    db,
    caller,
    reviewById: rowLoader((ids) => findReviewsByIds(db, ids, scopes), (row) => row.id),
    reviewsOfMember: groupLoader((ids) => findReviewsOfMembers(db, ids, scopes), (row) => row.member_id),
    ruleSetById: rowLoader((ids) => db.selectFrom('rule_set').selectAll().where('id', 'in', ids).execute(), (row) => row.id),
    cycleById: rowLoader((ids) => visibleCycles(db, caller, { ids: [...ids] }), (row) => row.id),
    attendanceOfMeeting: groupLoader((ids) => attendanceOfMeetings(db, ids), (row) => row.meeting_id),
    // Tasks reach a resolver only after a scoped query returned them, so their parts need no second scope check.
    assignmentsOfTask: groupLoader((ids) => db.selectFrom('task_assignment').selectAll().where('task_id', 'in', [...ids]).orderBy('assigned_on').execute(), (row) => row.task_id),
    reviewsOfTask: groupLoader((ids) => db.selectFrom('task_review').selectAll().where('task_id', 'in', [...ids]).orderBy('reviewed_on').orderBy('created_at').execute(), (row) => row.task_id),
  };
}
