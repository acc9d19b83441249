import type { Kysely, Selectable } from 'kysely';
import type { EvaluationDatabase, ReviewTable } from '../database.ts';

export type ReviewRow = Selectable<ReviewTable>;

export function findReviewsByIds(db: Kysely<EvaluationDatabase>, ids: readonly string[]): Promise<ReviewRow[]> {
  return db.selectFrom('review').selectAll().where('id', 'in', ids).execute();
}

/** Reviews of several members at once, newest first. */
export function findReviewsOfMembers(db: Kysely<EvaluationDatabase>, memberIds: readonly string[]): Promise<ReviewRow[]> {
  return db.selectFrom('review').selectAll().where('member_id', 'in', memberIds).orderBy('year', 'desc').execute();
}

export async function insertReviews(
  db: Kysely<EvaluationDatabase>,
  reviews: readonly Omit<ReviewRow, 'created_at'>[],
): Promise<void> {
  if (reviews.length > 0) await db.insertInto('review').values([...reviews]).execute();
}
