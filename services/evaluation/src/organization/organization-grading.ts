import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireId, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import { lockWritableCycle, periodLabel } from '../cycle/review-cycle.ts';
import type { EvaluationDatabase } from '../database.ts';
import type { OrganizationGradeInput } from '../generated/graphql.ts';
import { gradeUnder, periodBounds } from '../rules/rule-set.ts';
import { getRuleSet } from '../rules/rules.repository.ts';
import { requirePercent, requireScore } from '../scope/scope.ts';
import { childrenOn, lockOrganizationReviews, upsertOrganizationReview } from './organization.repository.ts';
import type { OrganizationReviewRow } from './organization.tables.ts';

/** Organizations graded by the level directly above: cells, and grassroots organizations. */
const GRADED_ORGANIZATION_KINDS = ['CELL', 'GRASSROOTS_CELL', 'GRASSROOTS_COMMITTEE'];
const MAX_DECISIONS = 500;

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
    const ruleSet = await getRuleSet(trx, cycle.rule_set_id);
    await requireDirectlyUnder(trx, cycle.unit_id, unitIds, periodBounds(cycle.year, cycle.period).end);
    const existing = await lockOrganizationReviews(trx, unitIds, cycle.year, cycle.period);
    const elsewhere = existing.find((review) => review.cycle_id !== cycle.id);
    if (elsewhere) throw new DomainError('CONFLICT', `Tổ chức đảng đã được xếp loại ${periodLabel(cycle.year, cycle.period)} ở đợt khác.`, { field: 'decisions', unitId: elsewhere.unit_id });
    const before = new Map(existing.map((review) => [review.unit_id, review]));

    const decided: OrganizationReviewRow[] = [];
    for (const decision of decisions) {
      const grade = gradeUnder(ruleSet, decision);
      const values = { score: decision.score, grade, disciplined: decision.disciplined, rule_set_id: ruleSet.id, cycle_id: cycle.id };
      decided.push(await upsertOrganizationReview(trx, { id: randomUUID(), unit_id: decision.unitId, year: cycle.year, period: cycle.period }, values));
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
  const children = await childrenOn(trx, parentId, unitIds, day);
  const graded = new Set(children.filter((unit) => GRADED_ORGANIZATION_KINDS.includes(unit.kind)).map((unit) => unit.id));
  const missing = unitIds.find((id) => !graded.has(id));
  if (missing) throw new DomainError('NOT_FOUND', 'Không tìm thấy tổ chức đảng trực thuộc đơn vị của đợt xếp loại.', { field: 'unitId', unitId: missing });
}
