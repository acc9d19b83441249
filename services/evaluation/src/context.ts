import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from './database.ts';
import { findReviewsByIds, findReviewsOfMembers, type ReviewRow } from './review/review.repository.ts';

export interface EvaluationContext {
  db: Kysely<EvaluationDatabase>;
  caller: Caller;
  reviewById: ReturnType<typeof rowLoader<ReviewRow>>;
  reviewsOfMember: ReturnType<typeof groupLoader<ReviewRow>>;
}

export function createContext(db: Kysely<EvaluationDatabase>, caller: Caller): EvaluationContext {
  const scopes = readableScopes(caller);
  return {
    db,
    caller,
    reviewById: rowLoader((ids) => findReviewsByIds(db, ids, scopes), (row) => row.id),
    reviewsOfMember: groupLoader((ids) => findReviewsOfMembers(db, ids, scopes), (row) => row.member_id),
  };
}
