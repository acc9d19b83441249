import { DomainError } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { ReviewPeriod } from '../generated/graphql.ts';
import { periodBounds } from './rule-set.ts';
import type { RuleSetRow } from './rules.tables.ts';

/** Every rule set, oldest first. */
export function findRuleSets(db: Kysely<EvaluationDatabase>): Promise<RuleSetRow[]> {
  return db.selectFrom('rule_set').selectAll().orderBy('valid_from').execute();
}

export function findRuleSetsByIds(db: Kysely<EvaluationDatabase>, ids: readonly string[]): Promise<RuleSetRow[]> {
  return db.selectFrom('rule_set').selectAll().where('id', 'in', [...ids]).execute();
}

/** The rule set a cycle or a review references (the foreign key guarantees it exists). */
export function getRuleSet(db: Kysely<EvaluationDatabase>, id: string): Promise<RuleSetRow> {
  return db.selectFrom('rule_set').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The rule set valid for a period: the newest one in force on the period's last day. */
export async function ruleSetForPeriod(db: Kysely<EvaluationDatabase>, year: number, period: ReviewPeriod): Promise<RuleSetRow> {
  const { end } = periodBounds(year, period);
  const ruleSet = await db.selectFrom('rule_set').selectAll().where('valid_from', '<=', end).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  if (!ruleSet) throw new DomainError('BAD_USER_INPUT', `Chưa có quy định xếp loại nào có hiệu lực cho kỳ ${period === 'YEAR' ? 'năm' : period} ${year}.`, { field: 'year' });
  return ruleSet;
}
