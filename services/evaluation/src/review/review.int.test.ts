import { replicateOrgUnits } from '@dangvien/org-replica';
import { demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import { evaluationSubgraph } from '../subgraph.ts';
import { insertReviews } from './review.repository.ts';

let subgraph: TestSubgraph<EvaluationDatabase>;
const memberA = demoId('member', 1);
const memberB = demoId('member', 2);
const memberWithoutReviews = demoId('member', 3);

beforeAll(async () => {
  subgraph = await startTestSubgraph(evaluationSubgraph);
  // The tree and the placements as organization's and membership's events would have delivered them.
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  await subgraph.db
    .insertInto('member_replica')
    .values([memberA, memberB, memberWithoutReviews].map((id) => ({ member_id: id, cell_id: demoId('unit', 101), status: 'OFFICIAL' })))
    .execute();
  await insertReviews(subgraph.db, [
    { id: demoId('review', 1), member_id: memberA, year: 2023, score: 75, grade: 'GOOD' },
    { id: demoId('review', 2), member_id: memberA, year: 2025, score: 92, grade: 'EXCELLENT' },
    { id: demoId('review', 3), member_id: memberA, year: 2024, score: 60, grade: 'COMPLETED' },
    { id: demoId('review', 4), member_id: memberB, year: 2025, score: 40, grade: 'NOT_COMPLETED' },
  ]);
});
afterAll(async () => subgraph.close());

const REVIEWS_OF_MEMBERS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Member { id reviews { year grade } latestReview { year score grade member { id } } } }
}`;

describe('evaluation subgraph', () => {
  it('gives each member’s reviews newest first, and the latest one', async () => {
    const response = await subgraph.post<{ _entities: { reviews: { year: number }[]; latestReview: { year: number; score: number; member: { id: string } } | null }[] }>(REVIEWS_OF_MEMBERS,
      { representations: [{ __typename: 'Member', id: memberA }] },
    );
    expect(response.errors).toBeUndefined();
    const [member] = response.data!._entities;
    expect(member!.reviews.map((review) => review.year)).toEqual([2025, 2024, 2023]);
    expect(member!.latestReview).toEqual({ year: 2025, score: 92, grade: 'EXCELLENT', member: { id: memberA } });
  });

  it('loads reviews for many members in one SQL statement, empty for a member without any', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ _entities: { reviews: unknown[]; latestReview: { grade: string } | null }[] }>(REVIEWS_OF_MEMBERS, {
      representations: [memberA, memberB, memberWithoutReviews].map((id) => ({ __typename: 'Member', id })),
    });
    const [a, b, none] = response.data!._entities;
    expect(a!.reviews).toHaveLength(3);
    expect(b!.latestReview?.grade).toBe('NOT_COMPLETED');
    expect(none).toMatchObject({ reviews: [], latestReview: null });
    expect(subgraph.queries.filter((sql) => sql.includes('from "review"'))).toHaveLength(1);
  });

  it('refuses a second review of the same member for the same year', async () => {
    await expect(
      insertReviews(subgraph.db, [{ id: demoId('review', 5), member_id: memberA, year: 2025, score: 80, grade: 'GOOD' }]),
    ).rejects.toThrow(/review_member_year_unique/);
  });
});
