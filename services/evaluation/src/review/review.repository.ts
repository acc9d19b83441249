import { withinReplicaScopes } from '@dangvien/org-replica';
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { Review } from '../generated/tables.ts';
import type { ReviewDecisionRow, ReviewRow } from './review.tables.ts';

/** Only reviews of members placed inside the caller's subtrees, as evaluation's copy of placements says. */
function ofMembersInScope(eb: ExpressionBuilder<EvaluationDatabase, 'review'>, scopeIds: readonly string[]) {
  // Correlated to the review's member, so only the members asked for are checked.
  return eb.exists(
    eb.selectFrom('member_replica').select('member_replica.member_id').whereRef('member_replica.member_id', '=', 'review.member_id').where(withinReplicaScopes('member_replica.cell_id', scopeIds)),
  );
}

export function findReviewsByIds(db: Kysely<EvaluationDatabase>, ids: readonly string[], scopeIds: readonly string[]): Promise<ReviewRow[]> {
  return db.selectFrom('review').selectAll().where('id', 'in', ids).where((eb) => ofMembersInScope(eb, scopeIds)).execute();
}

/** Reviews of several members at once, newest first. */
export function findReviewsOfMembers(db: Kysely<EvaluationDatabase>, memberIds: readonly string[], scopeIds: readonly string[]): Promise<ReviewRow[]> {
  return db
    .selectFrom('review')
    .selectAll()
    .where('member_id', 'in', memberIds)
    .where((eb) => ofMembersInScope(eb, scopeIds))
    .orderBy('year', 'desc')
    .orderBy('period', 'desc') // the annual review (YEAR), then Q4 … Q1
    .execute();
}

/** The decisions on several reviews, each history oldest first (reviews reach here through a scoped read). */
export function decisionsOfReviews(db: Kysely<EvaluationDatabase>, reviewIds: readonly string[]): Promise<ReviewDecisionRow[]> {
  return db.selectFrom('review_decision').selectAll().where('review_id', 'in', reviewIds).orderBy('id').execute();
}

export async function insertReviews(db: Kysely<EvaluationDatabase>, reviews: readonly Insertable<Review>[]): Promise<void> {
  if (reviews.length > 0) await db.insertInto('review').values([...reviews]).execute();
}
