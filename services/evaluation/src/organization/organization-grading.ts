import { randomUUID } from 'node:crypto';
import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { DomainError, requireId, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { lockWritableCycle, periodLabel } from '../cycle/review-cycle.ts';
import type { EvaluationDatabase, Grade, OrganizationReviewTable, ReviewPeriod } from '../database.ts';
import { gradeUnder, periodBounds } from '../rules/rule-set.ts';
import { readableUnit, requirePercent, requireScore, requireYear } from '../scope/scope.ts';

export type OrganizationReviewRow = Selectable<OrganizationReviewTable>;

/** Organizations graded by the level directly above: cells, and grassroots organizations. */
const GRADED_ORGANIZATION_KINDS = ['CELL', 'GRASSROOTS_CELL', 'GRASSROOTS_COMMITTEE'];
const MAX_DECISIONS = 500;

export interface OrganizationGradeInput {
  unitId: string;
  score: number;
  /** The organization was disciplined in the year: graded no higher than NOT_COMPLETED. */
  disciplined?: boolean | null;
  allTasksDone?: boolean | null;
  exceededTaskPercent?: number | null;
}

/**
 * The upper level decides the grades of the organizations directly under it, each under the rule set
 * fixed when the cycle opened. All or nothing. The rule set's excellent quota is the members' (DOMAIN.md
 * §3); it is not applied to organizations (seed 004 reports 3 of 7 ward committees excellent).
 */
export async function decideOrganizationGrades(db: Kysely<EvaluationDatabase>, caller: Caller, cycleIdArg: string, decisionsArg: readonly OrganizationGradeInput[]): Promise<OrganizationReviewRow[]> {
  const cycleId = requireId(cycleIdArg, 'cycleId');
  if (decisionsArg.length === 0 || decisionsArg.length > MAX_DECISIONS) throw new DomainError('BAD_USER_INPUT', `Nhập từ 1 đến ${MAX_DECISIONS} quyết định xếp loại.`, { field: 'decisions' });
  const decisions = decisionsArg.map((decision) => ({
    unitId: requireId(decision.unitId, 'unitId'),
    score: requireScore(decision.score),
    disciplined: decision.disciplined ?? false,
    allTasksDone: decision.allTasksDone ?? false,
    exceededTaskPercent: requirePercent(decision.exceededTaskPercent ?? 0, 'exceededTaskPercent'),
  }));
  const unitIds = decisions.map((decision) => decision.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw new DomainError('BAD_USER_INPUT', 'Một tổ chức đảng được xếp loại hai lần trong cùng một lần quyết định.', { field: 'decisions' });

  return db.transaction().execute(async (trx) => {
    const cycle = await lockWritableCycle(trx, caller, 'decideOrganizationGrades', cycleId, 'ORGANIZATIONS');
    const ruleSet = await trx.selectFrom('rule_set').selectAll().where('id', '=', cycle.rule_set_id).executeTakeFirstOrThrow();
    await requireDirectlyUnder(trx, cycle.unit_id, unitIds, periodBounds(cycle.year, cycle.period).end);
    const existing = await sql<OrganizationReviewRow>`SELECT * FROM organization_review WHERE unit_id = ANY(${unitIds}::uuid[]) AND year = ${cycle.year} AND period = ${cycle.period} FOR UPDATE`.execute(trx).then((result) => result.rows);
    const elsewhere = existing.find((review) => review.cycle_id !== cycle.id);
    if (elsewhere) throw new DomainError('CONFLICT', `Tổ chức đảng đã được xếp loại ${periodLabel(cycle.year, cycle.period)} ở đợt khác.`, { field: 'decisions', unitId: elsewhere.unit_id });
    const before = new Map(existing.map((review) => [review.unit_id, review]));

    const decided: OrganizationReviewRow[] = [];
    for (const decision of decisions) {
      const grade: Grade = gradeUnder(ruleSet, decision);
      const values = { score: decision.score, grade, disciplined: decision.disciplined, rule_set_id: ruleSet.id, cycle_id: cycle.id };
      decided.push(
        await trx
          .insertInto('organization_review')
          .values({ id: randomUUID(), unit_id: decision.unitId, year: cycle.year, period: cycle.period, ...values })
          .onConflict((oc) => oc.constraint('organization_review_unit_period_unique').doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    await writeAudit(
      trx,
      caller,
      decided.map((review) => {
        const previous = before.get(review.unit_id);
        return {
          operation: 'decideOrganizationGrades',
          entityType: 'OrgUnit',
          entityId: review.unit_id,
          before: previous ? { score: previous.score, grade: previous.grade } : null,
          after: { cycleId: cycle.id, reviewId: review.id, year: review.year, period: review.period, score: review.score, grade: review.grade, disciplined: review.disciplined, ruleSet: ruleSet.code },
        };
      }),
    );
    return decided;
  });
}

/** Each unit must be a cell or grassroots organization directly under the cycle's unit on the period's last day. */
async function requireDirectlyUnder(trx: Transaction<EvaluationDatabase>, parentId: string, unitIds: readonly string[], day: string): Promise<void> {
  const children = await trx
    .selectFrom('org_unit_replica')
    .select(['id', 'kind'])
    .where('id', 'in', [...unitIds])
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
  const graded = new Set(children.filter((unit) => GRADED_ORGANIZATION_KINDS.includes(unit.kind)).map((unit) => unit.id));
  const missing = unitIds.find((id) => !graded.has(id));
  if (missing) throw new DomainError('NOT_FOUND', 'Không tìm thấy tổ chức đảng trực thuộc đơn vị của đợt xếp loại.', { field: 'unitId', unitId: missing });
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
export async function organizationGradeDistribution(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number, period: ReviewPeriod) {
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
