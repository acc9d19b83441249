import { todayInVietnam } from '@dangvien/db';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { subtreeUnitIds, unitsWithinScopes } from '@dangvien/org-replica';
import { DomainError, requireDate } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';

/** The scopes in which the caller may run `mutation`. */
export function mutationScopes(caller: Caller, mutation: MutationName): string[] {
  return scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
}

/** Units in the subtrees of `rootIds` (roots included) in the local replica, today. */
export function subtreeOf(db: Kysely<EvaluationDatabase>, rootIds: readonly string[]): Promise<string[]> {
  return subtreeUnitIds(db, rootIds);
}

/** Whether `unitId` lies inside the subtrees of `scopeIds` in the local replica of the tree (today). */
export async function unitInSubtrees(db: Kysely<EvaluationDatabase>, unitId: string, scopeIds: readonly string[]): Promise<boolean> {
  return (await unitsWithinScopes(db, [unitId], scopeIds)).has(unitId);
}

/**
 * Refuses a write on `unitId` unless the caller holds a role allowed for `mutation` over it: outside
 * every grant looks like missing (NOT_FOUND), inside a grant with another role is FORBIDDEN.
 */
export async function requireWritableUnit(db: Kysely<EvaluationDatabase>, caller: Caller, mutation: MutationName, unitId: string, notFound: string): Promise<void> {
  if (await unitInSubtrees(db, unitId, mutationScopes(caller, mutation))) return;
  if (await unitInSubtrees(db, unitId, readableScopes(caller))) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này ở đơn vị này.');
  throw new DomainError('NOT_FOUND', notFound);
}

/**
 * The caller's answers about readable units, once per request: each request verifies its token into a
 * new Caller, so keying on it shares them among a request's root fields (one statement per unit, not
 * one per field).
 */
const readableUnitsOfRequest = new WeakMap<Caller, Map<string, Promise<boolean>>>();

/** A unit the caller may read, or null (as if it did not exist). */
export async function readableUnit(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string): Promise<boolean> {
  let answers = readableUnitsOfRequest.get(caller);
  if (!answers) readableUnitsOfRequest.set(caller, (answers = new Map()));
  let answer = answers.get(unitId);
  if (!answer) {
    answer = unitInSubtrees(db, unitId, readableScopes(caller));
    answers.set(unitId, answer);
  }
  return answer;
}

/** Validates a year argument at the edge. */
export function requireYear(value: number, field = 'year'): number {
  if (!Number.isInteger(value) || value < 1930 || value > 2200) throw new DomainError('BAD_USER_INPUT', `Năm không hợp lệ: ${value}.`, { field });
  return value;
}

/** Validates a score on the 100-point scale at the edge. */
export function requireScore(value: number, field = 'score'): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new DomainError('BAD_USER_INPUT', `Điểm phải là số nguyên từ 0 đến 100 (nhận được ${value}).`, { field });
  return value;
}

export function requirePercent(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new DomainError('BAD_USER_INPUT', `Tỷ lệ phần trăm phải từ 0 đến 100 (nhận được ${value}).`, { field });
  return value;
}

/** Units on the paths from `unitIds` up to the root (included), in the local replica today: one statement. */
export async function ancestorsOf(db: Kysely<EvaluationDatabase>, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const result = await sql<{ id: string }>`
    WITH RECURSIVE live AS (
      SELECT id, parent_id FROM org_unit_replica
      WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)
    ), up AS (
      SELECT id, parent_id FROM live WHERE id = ANY(${[...unitIds]}::uuid[])
      UNION
      SELECT live.id, live.parent_id FROM live JOIN up ON live.id = up.parent_id
    )
    SELECT id FROM up`.execute(db);
  return result.rows.map((row) => row.id);
}

/** The day a state is asked for: a valid date, or today. */
export function requireAsOf(value: string | null | undefined): string {
  return value === null || value === undefined ? todayInVietnam() : requireDate(value, 'asOf');
}
