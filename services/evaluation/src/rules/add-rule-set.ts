import { randomUUID } from 'node:crypto';
import { scopesWithRole, MUTATION_ROLES, type Caller, type Role } from '@dangvien/auth';
import { includesRootUnit } from '@dangvien/org-replica';
import { DomainError, requireDate, requireNextDatedRule, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AddReviewRuleSetInput } from '../generated/graphql.ts';
import { requirePercent } from '../scope/scope.ts';
import type { RuleSetRow } from './rules.tables.ts';

function requireMinScore(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new DomainError('BAD_USER_INPUT', `Điểm tối thiểu phải là số nguyên từ 0 đến 100 (nhận được ${value}).`, { field });
  return value;
}

/**
 * A new grading rule set (a new regulation) from a date, valid until a later one's: dated configuration,
 * never a constant in code. It starts after the newest set, so periods never get two sets at once and
 * cycles already opened keep the set they were opened under. Administrators of a whole tree only: the
 * regulation is national.
 */
export async function addReviewRuleSet(db: Kysely<EvaluationDatabase>, caller: Caller, input: AddReviewRuleSetInput): Promise<RuleSetRow> {
  const code = requireText(input.code, 'code', 'số hiệu quy định', 50);
  const name = requireText(input.name, 'name', 'tên quy định', 300);
  const validFrom = requireDate(input.validFrom, 'validFrom');
  const excellent = requireMinScore(input.excellentMinScore, 'excellentMinScore');
  const good = requireMinScore(input.goodMinScore, 'goodMinScore');
  const completed = requireMinScore(input.completedMinScore, 'completedMinScore');
  if (good > excellent) throw new DomainError('BAD_USER_INPUT', `Điểm tối thiểu loại tốt (${good}) không được cao hơn loại xuất sắc (${excellent}).`, { field: 'goodMinScore' });
  if (completed > good) throw new DomainError('BAD_USER_INPUT', `Điểm tối thiểu loại hoàn thành (${completed}) không được cao hơn loại tốt (${good}).`, { field: 'completedMinScore' });
  const values = {
    excellent_min_score: excellent,
    good_min_score: good,
    completed_min_score: completed,
    excellent_requires_all_tasks: input.excellentRequiresAllTasks,
    excellent_min_exceeded_percent: requirePercent(input.excellentMinExceededPercent, 'excellentMinExceededPercent'),
    excellent_quota_percent: requirePercent(input.excellentQuotaPercent, 'excellentQuotaPercent'),
    residence_comment_required: input.residenceCommentRequired,
  };
  return db.transaction().execute(async (trx) => {
    if (!(await includesRootUnit(trx, scopesWithRole(caller, MUTATION_ROLES.addReviewRuleSet as readonly Role[])))) {
      throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên toàn hệ thống được thêm quy định xếp loại.');
    }
    await requireNextDatedRule(trx, 'rule_set', code, validFrom);
    const ruleSet = await trx.insertInto('rule_set').values({ id: randomUUID(), code, name, valid_from: validFrom, ...values }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'addReviewRuleSet', entityType: 'RuleSet', entityId: ruleSet.id, before: null, after: ruleSet }]);
    return ruleSet;
  });
}
