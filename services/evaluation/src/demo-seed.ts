import { demoDataSet } from '@dangvien/demo-data';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from './database.ts';
import { insertReviews } from './review/review.repository.ts';

/** Writes the demo reviews when the table is empty; a second start keeps what is there. */
export async function seedDemo(db: Kysely<EvaluationDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('review').select('id').limit(1).executeTakeFirst()) return;
    const reviews = demoDataSet().reviews.map((review) => ({
      id: review.id,
      member_id: review.memberId,
      year: review.year,
      score: review.score,
      grade: review.grade,
    }));
    await insertReviews(trx, reviews);
  });
}
