import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from './database.ts';
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
  };
}
