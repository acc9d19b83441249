import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { GradeDistribution, ReviewPeriod } from '../generated/graphql.ts';
import type { OrganizationReview } from '../generated/tables.ts';
import { readableUnit, requireYear } from '../scope/scope.ts';
import type { OrganizationReviewRow } from './organization.tables.ts';

/** The organizations' reviews of a period, locked: a decision rewrites them. */
export function lockOrganizationReviews(trx: Transaction<EvaluationDatabase>, unitIds: readonly string[], year: number, period: ReviewPeriod): Promise<OrganizationReviewRow[]> {
  return sql<OrganizationReviewRow>`SELECT * FROM organization_review WHERE unit_id = ANY(${[...unitIds]}::uuid[]) AND year = ${year} AND period = ${period} FOR UPDATE`.execute(trx).then((result) => result.rows);
}

/** Writes a decided grade, replacing the organization's grade of the same period. */
export function upsertOrganizationReview(
  db: Kysely<EvaluationDatabase>,
  key: Pick<Insertable<OrganizationReview>, 'id' | 'unit_id' | 'year' | 'period'>,
  values: Pick<OrganizationReviewRow, 'score' | 'grade' | 'disciplined' | 'rule_set_id' | 'cycle_id'>,
): Promise<OrganizationReviewRow> {
  return db
    .insertInto('organization_review')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.constraint('organization_review_unit_period_unique').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Those of `unitIds` directly under `parentId` on `day`, with their kind. */
export function childrenOn(db: Kysely<EvaluationDatabase>, parentId: string, unitIds: readonly string[], day: string): Promise<{ id: string; kind: string }[]> {
  return db
    .selectFrom('org_unit_replica')
    .select(['id', 'kind'])
    .where('id', 'in', [...unitIds])
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
}

/** Grades of the organizations in a unit's subtree (the unit included) for a period, newest decision first. */
export async function organizationReviews(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<OrganizationReviewRow[]> {
  const year = requireYear(yearArg);
  return db
    .selectFrom('organization_review')
    .selectAll()
    .where('year', '=', year)
    .where(inReplicaSubtreeWithin('organization_review.unit_id', unitId, readableScopes(caller)))
    .orderBy('period')
    .orderBy('unit_id')
    .execute();
}

/** How many organizations in a unit's subtree got each grade for a period: one SQL statement. Null outside the caller's scope. */
export async function organizationGradeDistribution(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number, period: ReviewPeriod): Promise<GradeDistribution | null> {
  const year = requireYear(yearArg);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const row = await sql<{ excellent: string; good: string; completed: string; not_completed: string; total: string }>`
    SELECT count(*) FILTER (WHERE grade = 'EXCELLENT') AS excellent,
           count(*) FILTER (WHERE grade = 'GOOD') AS good,
           count(*) FILTER (WHERE grade = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE grade = 'NOT_COMPLETED') AS not_completed,
           count(*) AS total
    FROM organization_review
    WHERE year = ${year} AND period = ${period}
      AND ${inReplicaSubtreeWithin('organization_review.unit_id', unitId, readableScopes(caller))}`.execute(db).then((result) => result.rows[0]!);
  return { unitId, year, excellent: Number(row.excellent), good: Number(row.good), completed: Number(row.completed), notCompleted: Number(row.not_completed), total: Number(row.total) };
}
