import { randomUUID } from 'node:crypto';
import { readableScopes, type Caller, type MutationName } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { OpenReviewCycleInput, ReopenReviewCycleInput, ReviewPeriod, ReviewSubject } from '../generated/graphql.ts';
import { ruleSetForPeriod } from '../rules/rules.repository.ts';
import { ancestorsOf, mutationScopes, requireWritableUnit, requireYear, subtreeOf, unitInSubtrees } from '../scope/scope.ts';
import { closeCycle, currentUnit, findCycleOfPeriod, findMemberReplica, insertCycle, lockCycle, nearestScopeAbove, reopenCycle, visibleCycles } from './cycle.repository.ts';
import type { ReviewCycleRow } from './cycle.tables.ts';

/** Members who are graded: those who take part in party life (not exempt, not gone). */
export const GRADED_STATUSES = ['OFFICIAL', 'PROBATIONARY'];
const GRASSROOTS_KINDS = ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'];
/** Units that grade organizations under them: a grassroots committee its cells, a district or province its grassroots organizations. */
const ORGANIZATION_GRADING_KINDS = ['GRASSROOTS_COMMITTEE', 'DISTRICT', 'PROVINCE'];

/** Opens a review cycle of a grassroots organization; the rule set valid for the period is fixed now. */
export async function openReviewCycle(db: Kysely<EvaluationDatabase>, caller: Caller, input: OpenReviewCycleInput): Promise<ReviewCycleRow> {
  const unitId = requireId(input.unitId, 'unitId');
  const year = requireYear(input.year);
  const closesOn = requireDate(input.closesOn, 'closesOn');
  const period = input.period;
  const subject = input.subject ?? 'MEMBERS';
  return db.transaction().execute(async (trx) => {
    await requireWritableUnit(trx, caller, 'openReviewCycle', unitId, 'Không tìm thấy đơn vị.');
    const unit = await currentUnit(trx, unitId);
    if (subject === 'MEMBERS' && (!unit || !GRASSROOTS_KINDS.includes(unit.kind))) {
      throw new DomainError('BAD_USER_INPUT', 'Đợt kiểm điểm chỉ mở ở tổ chức cơ sở đảng (đảng bộ cơ sở hoặc chi bộ cơ sở).', { field: 'unitId' });
    }
    if (subject === 'ORGANIZATIONS' && (!unit || !ORGANIZATION_GRADING_KINDS.includes(unit.kind))) {
      throw new DomainError('BAD_USER_INPUT', 'Đợt xếp loại tổ chức đảng chỉ mở ở cấp trên trực tiếp: đảng bộ cơ sở (xếp loại chi bộ), huyện hoặc tỉnh (xếp loại tổ chức cơ sở đảng).', { field: 'unitId' });
    }
    if (await findCycleOfPeriod(trx, unitId, year, period, subject)) {
      throw new DomainError('CONFLICT', `${unit!.name} đã có đợt ${subject === 'MEMBERS' ? 'kiểm điểm' : 'xếp loại tổ chức đảng'} ${periodLabel(year, period)}.`, { field: 'period' });
    }
    const ruleSet = await ruleSetForPeriod(trx, year, period);
    const cycle = await insertCycle(trx, { id: randomUUID(), unit_id: unitId, year, period, closes_on: closesOn, rule_set_id: ruleSet.id, subject });
    await writeAudit(trx, caller, [{ operation: 'openReviewCycle', entityType: 'ReviewCycle', entityId: cycle.id, before: null, after: { unitId, year, period, closesOn, subject, ruleSet: ruleSet.code } }]);
    return cycle;
  });
}

/** Closes a cycle: nothing more may be proposed or decided in it. */
export async function closeReviewCycle(db: Kysely<EvaluationDatabase>, caller: Caller, id: string): Promise<ReviewCycleRow> {
  const cycleId = requireId(id, 'id');
  return db.transaction().execute(async (trx) => {
    const cycle = await lockWritableCycle(trx, caller, 'closeReviewCycle', cycleId, null);
    // The level that closed it: the caller's nearest grant over the cycle's unit (only that level, or one above, reopens).
    const scopeUnitId = await nearestScopeAbove(trx, cycle.unit_id, mutationScopes(caller, 'closeReviewCycle'));
    const closed = await closeCycle(trx, cycle.id, `${caller.name} (${caller.subject})`, scopeUnitId);
    await writeAudit(trx, caller, [{ operation: 'closeReviewCycle', entityType: 'ReviewCycle', entityId: cycle.id, before: { status: 'OPEN' }, after: { status: 'CLOSED', closedAtLevel: scopeUnitId } }]);
    return closed;
  });
}

/**
 * Mở lại kỳ đánh giá: a closed cycle opens again for decisions (e.g. a discipline recorded after it
 * closed: the grade must be decided again), by the level that closed it or one above; never below.
 */
export async function reopenReviewCycle(db: Kysely<EvaluationDatabase>, caller: Caller, input: ReopenReviewCycleInput): Promise<ReviewCycleRow> {
  const cycleId = requireId(input.cycleId, 'cycleId');
  const reason = requireText(input.reason, 'reason', 'lý do mở lại', 1000);
  return db.transaction().execute(async (trx) => {
    const cycle = await lockCycle(trx, cycleId);
    if (!cycle) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.', { field: 'cycleId' });
    if (!(await unitInSubtrees(trx, cycle.unit_id, mutationScopes(caller, 'reopenReviewCycle')))) {
      // A cell's secretary sees her committee's cycles: to her it is a refusal, to anyone else it does not exist.
      const visible = (await visibleCycles(trx, caller, { ids: [cycle.id] })).length > 0;
      if (visible) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được mở lại đợt kiểm điểm này.', { field: 'cycleId' });
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.', { field: 'cycleId' });
    }
    if (cycle.status !== 'CLOSED') throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} đang mở.`, { field: 'cycleId' });
    const closedAt = cycle.closed_scope_unit_id;
    if (closedAt && !(await unitInSubtrees(trx, closedAt, mutationScopes(caller, 'reopenReviewCycle')))) {
      throw new DomainError('FORBIDDEN', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} do cấp trên khóa: chỉ cấp đã khóa hoặc cấp trên mới được mở lại.`, { field: 'cycleId' });
    }
    const reopened = await reopenCycle(trx, cycle.id);
    await writeAudit(trx, caller, [{ operation: 'reopenReviewCycle', entityType: 'ReviewCycle', entityId: cycle.id, before: { status: 'CLOSED', closedBy: cycle.closed_by }, after: { status: 'OPEN', reason } }]);
    return reopened;
  });
}

/** An open cycle (grading `subject`, or any when null) whose unit the caller may write with `mutation`'s roles. */
export async function lockWritableCycle(trx: Transaction<EvaluationDatabase>, caller: Caller, mutation: MutationName, cycleId: string, subject: ReviewSubject | null): Promise<ReviewCycleRow> {
  const cycle = await lockCycle(trx, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.');
  await requireWritableUnit(trx, caller, mutation, cycle.unit_id, 'Không tìm thấy đợt kiểm điểm.');
  requireSubject(cycle, subject);
  if (cycle.status === 'CLOSED') throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} đã khóa.`, { field: 'cycleId' });
  return cycle;
}

function requireSubject(cycle: ReviewCycleRow, subject: ReviewSubject | null): void {
  if (subject === null || cycle.subject === subject) return;
  throw new DomainError(
    'BAD_USER_INPUT',
    subject === 'MEMBERS' ? 'Đợt này xếp loại tổ chức đảng, không xếp loại đảng viên.' : 'Đợt này kiểm điểm đảng viên, không xếp loại tổ chức đảng.',
    { field: 'cycleId' },
  );
}

/** An open cycle, and a graded member of its organization whose cell the caller may write with `mutation`'s roles. */
export async function lockOpenCycleOfMember(trx: Transaction<EvaluationDatabase>, caller: Caller, mutation: MutationName, cycleId: string, memberId: string): Promise<ReviewCycleRow> {
  const cycle = await lockCycle(trx, cycleId);
  if (!cycle || (!(await unitInSubtrees(trx, cycle.unit_id, readableScopes(caller))) && !(await cellUnderCycleInScope(trx, caller, cycle)))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.');
  }
  const member = await findMemberReplica(trx, memberId);
  const units = await subtreeOf(trx, [cycle.unit_id]);
  if (!member?.cell_id || !units.includes(member.cell_id) || !(await unitInSubtrees(trx, member.cell_id, readableScopes(caller)))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên trong tổ chức cơ sở của đợt kiểm điểm.', { field: 'memberId' });
  }
  if (!(await unitInSubtrees(trx, member.cell_id, mutationScopes(caller, mutation)))) {
    throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này ở đơn vị này.');
  }
  requireSubject(cycle, 'MEMBERS');
  if (cycle.status === 'CLOSED') throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} đã khóa.`, { field: 'cycleId' });
  if (!GRADED_STATUSES.includes(member.status)) throw new DomainError('BAD_USER_INPUT', 'Đảng viên này không thuộc diện xếp loại (miễn sinh hoạt hoặc không còn sinh hoạt).', { field: 'memberId' });
  return cycle;
}

/** Whether one of the caller's grants lies inside the cycle's organization (a cell's secretary sees her committee's cycles). */
async function cellUnderCycleInScope(trx: Transaction<EvaluationDatabase>, caller: Caller, cycle: ReviewCycleRow): Promise<boolean> {
  return (await ancestorsOf(trx, caller.grants.map((grant) => grant.scopeUnitId))).includes(cycle.unit_id);
}

export function periodLabel(year: number, period: ReviewPeriod): string {
  return period === 'YEAR' ? `năm ${year}` : `quý ${period.slice(1)}/${year}`;
}
