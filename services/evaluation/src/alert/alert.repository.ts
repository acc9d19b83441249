import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { ReviewPeriod } from '../generated/graphql.ts';
import { lacksResidenceComment } from '../residence/residence.repository.ts';

/*
 * One statement per kind of alert, each on the local copies (tree, placements) and limited to the
 * subtree of `unitId` within the caller's `scopes`.
 */

/** Working members graded in a cycle of `year` whose rule set needs the residence's comment, without it (Regulation 213). */
export async function gradedWithoutResidenceComment(db: Kysely<EvaluationDatabase>, unitId: string, scopes: readonly string[], year: number) {
  const result = await sql<{ member_id: string; cycle_id: string; cell_id: string; year: number; period: ReviewPeriod }>`
    SELECT DISTINCT graded.member_id, graded.cycle_id, member_replica.cell_id, review_cycle.year, review_cycle.period
    FROM (
      SELECT member_id, cycle_id FROM self_review
      UNION SELECT member_id, cycle_id FROM grade_proposal
      UNION SELECT member_id, cycle_id FROM review WHERE cycle_id IS NOT NULL
    ) AS graded
    JOIN review_cycle ON review_cycle.id = graded.cycle_id AND review_cycle.year = ${year}
    JOIN rule_set ON rule_set.id = review_cycle.rule_set_id AND rule_set.residence_comment_required
    JOIN member_replica ON member_replica.member_id = graded.member_id
    WHERE ${lacksResidenceComment('graded.member_id', year)}
      AND ${inReplicaSubtreeWithin('member_replica.cell_id', unitId, scopes)}
    ORDER BY graded.member_id, graded.cycle_id`.execute(db);
  return result.rows;
}

/** Cycles still open after their closing day. */
export function overdueCycles(db: Kysely<EvaluationDatabase>, unitId: string, scopes: readonly string[], asOf: string) {
  return db
    .selectFrom('review_cycle')
    .select(['id', 'unit_id', 'year', 'period', 'closes_on'])
    .where('status', '=', 'OPEN')
    .where('closes_on', '<', asOf)
    .where(inReplicaSubtreeWithin('review_cycle.unit_id', unitId, scopes))
    .orderBy('closes_on')
    .execute();
}

/** Cells existing on `last` without a meeting between `first` and `last`. */
export async function cellsWithoutMeeting(db: Kysely<EvaluationDatabase>, unitId: string, scopes: readonly string[], first: string, last: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT DISTINCT cell.id FROM org_unit_replica AS cell
    WHERE cell.kind IN ('CELL', 'GRASSROOTS_CELL')
      AND (cell.valid_from IS NULL OR cell.valid_from <= ${last}::date) AND (cell.valid_to IS NULL OR cell.valid_to > ${last}::date)
      AND ${inReplicaSubtreeWithin('cell.id', unitId, scopes)}
      AND NOT EXISTS (SELECT 1 FROM meeting WHERE meeting.cell_id = cell.id AND meeting.held_on BETWEEN ${first}::date AND ${last}::date)
    ORDER BY cell.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Reviews of `year` above NOT_COMPLETED of members disciplined within the review's period: the
 * discipline was recorded after the grade was decided (decisions are never rewritten, the committee re-decides).
 */
export async function gradesAboveDiscipline(db: Kysely<EvaluationDatabase>, unitId: string, scopes: readonly string[], year: number) {
  const result = await sql<{ member_id: string; cycle_id: string | null; cell_id: string; period: ReviewPeriod; grade: string }>`
    SELECT review.member_id, review.cycle_id, member_replica.cell_id, review.period, review.grade
    FROM review JOIN member_replica ON member_replica.member_id = review.member_id
    WHERE review.year = ${year} AND review.grade <> 'NOT_COMPLETED'
      AND EXISTS (
        SELECT 1 FROM member_discipline
        WHERE member_discipline.member_id = review.member_id
          AND member_discipline.effective_date >= make_date(review.year, 1, 1)
          AND member_discipline.effective_date <= CASE WHEN review.period = 'YEAR' THEN make_date(review.year, 12, 31)
            ELSE (make_date(review.year, substr(review.period, 2)::int * 3, 1) + interval '1 month' - interval '1 day')::date END
      )
      AND ${inReplicaSubtreeWithin('member_replica.cell_id', unitId, scopes)}
    ORDER BY review.member_id, review.period`.execute(db);
  return result.rows;
}
