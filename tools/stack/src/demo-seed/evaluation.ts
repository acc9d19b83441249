import { insertReviews, type EvaluationDatabase } from '@dangvien/evaluation/bulk';
import type { Kysely } from 'kysely';
import { demoDataSet } from '@dangvien/demo-data';

/** The demo reviews, when evaluation's table is empty. */
export async function seedEvaluation(database: Kysely<unknown>): Promise<void> {
  const db = database as Kysely<EvaluationDatabase>;
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('review').select('id').limit(1).executeTakeFirst()) return;
    await insertReviews(
      trx,
      demoDataSet().reviews.map((review) => ({ id: review.id, member_id: review.memberId, year: review.year, score: review.score, grade: review.grade })),
    );
  });
}
