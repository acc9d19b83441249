import { randomUUID } from 'node:crypto';
import { readableScopes, type Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type {
  CreateDelegationInput,
  DelegateGrade,
  DelegateRole,
  EndDelegationInput,
  RateDelegateInput,
  RecordWorkItemResultInput,
  RegisterWorkItemInput,
  WorkItemResult,
} from '../generated/graphql.ts';
import { memberPlacedUnderOn } from '../member-replica/member-replica.repository.ts';
import { ancestorIds, today, versionOn } from '../org-unit/org-unit.repository.ts';
import { lockWritableUnit } from '../org-unit/unit-scope.ts';
import type { DelegateRow, DelegationRow, RatingRow, WorkItemRow } from './delegation.tables.ts';

export const DELEGATE_ROLES: readonly DelegateRole[] = ['LEADER', 'DEPUTY_LEADER', 'MEMBER'];
export const WORK_ITEM_RESULTS: readonly WorkItemResult[] = ['EXCEEDED', 'DONE', 'IN_PROGRESS', 'NOT_DONE'];
export const DELEGATE_GRADES: readonly DelegateGrade[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
const MAX_DELEGATES = 100;

/** 2026-03-03 → 03/03/2026, as dates are written in Vietnamese documents (and the forms' messages). */
const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

const decision = (value: string) => requireText(value, 'decisionNumber', 'số quyết định', 100);

function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < 1930 || year > 2200) throw new DomainError('BAD_USER_INPUT', 'Năm không hợp lệ.', { field: 'year' });
  return year;
}

/**
 * Phân công đoàn cán bộ: the assigning committee sends its members to direct a unit below it, each
 * responsible for an area (a unit inside the directed one, or a named area). One leader (trưởng đoàn).
 */
export async function createDelegation(db: Kysely<OrganizationDatabase>, caller: Caller, input: CreateDelegationInput): Promise<DelegationRow> {
  const assigningUnitId = requireId(input.assigningUnitId, 'assigningUnitId');
  const targetUnitId = requireId(input.targetUnitId, 'targetUnitId');
  const name = requireText(input.name, 'name', 'tên đoàn', 200);
  const startsOn = requireDate(input.startsOn, 'startsOn');
  const decisionNumber = decision(input.decisionNumber);
  if (input.delegates.length === 0 || input.delegates.length > MAX_DELEGATES) {
    throw new DomainError('BAD_USER_INPUT', `Đoàn cán bộ có từ 1 đến ${MAX_DELEGATES} thành viên.`, { field: 'delegates' });
  }
  const delegates = input.delegates.map((delegate) => {
    if (!DELEGATE_ROLES.includes(delegate.role)) throw new DomainError('BAD_USER_INPUT', 'Vai trò trong đoàn không hợp lệ.', { field: 'delegates.role' });
    return {
      memberId: requireId(delegate.memberId, 'delegates.memberId'),
      role: delegate.role,
      areaUnitId: delegate.areaUnitId ? requireId(delegate.areaUnitId, 'delegates.areaUnitId') : null,
      areaName: delegate.areaName ? requireText(delegate.areaName, 'delegates.areaName', 'tên khu vực', 200) : null,
    };
  });
  if (delegates.filter((delegate) => delegate.role === 'LEADER').length !== 1) {
    throw new DomainError('BAD_USER_INPUT', 'Đoàn cán bộ có đúng một trưởng đoàn.', { field: 'delegates.role' });
  }
  if (new Set(delegates.map((delegate) => delegate.memberId)).size !== delegates.length) {
    throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được nêu hai lần trong đoàn.', { field: 'delegates.memberId' });
  }
  const areas = delegates.flatMap((delegate) => (delegate.areaUnitId ? [delegate.areaUnitId] : []));
  if (new Set(areas).size !== areas.length) throw new DomainError('BAD_USER_INPUT', 'Hai thành viên cùng phụ trách một khu vực.', { field: 'delegates.areaUnitId' });

  return db.transaction().execute(async (trx) => {
    const assigning = await lockWritableUnit(trx, caller, 'createDelegation', assigningUnitId, 'assigningUnitId');
    const assigningName = (await versionOn(trx, assigningUnitId, startsOn))?.name;
    if (!assigningName) throw new DomainError('BAD_USER_INPUT', `${assigning.name} chưa thành lập hoặc đã giải thể vào ngày ${startsOn}.`, { field: 'startsOn' });
    const targetName = (await versionOn(trx, targetUnitId, startsOn))?.name;
    const targetAncestors = targetName ? await ancestorIds(trx, targetUnitId, startsOn) : [];
    if (!targetName || targetUnitId === assigningUnitId || !targetAncestors.includes(assigningUnitId)) {
      throw new DomainError('BAD_USER_INPUT', `Đơn vị được chỉ đạo phải trực thuộc ${assigningName} vào ngày ${startsOn}.`, { field: 'targetUnitId' });
    }
    const resolved = [];
    for (const delegate of delegates) {
      if (!(await memberPlacedUnderOn(trx, delegate.memberId, assigningUnitId, startsOn))) {
        throw new DomainError('BAD_USER_INPUT', `Thành viên đoàn phải là đảng viên sinh hoạt trong ${assigningName} vào ngày ${startsOn}.`, { field: 'delegates.memberId', memberId: delegate.memberId });
      }
      let areaName = delegate.areaName;
      if (delegate.areaUnitId) {
        const area = await versionOn(trx, delegate.areaUnitId, startsOn);
        const inside = area ? (await ancestorIds(trx, delegate.areaUnitId, startsOn)).includes(targetUnitId) : false;
        if (!area || !inside || delegate.areaUnitId === targetUnitId) {
          throw new DomainError('BAD_USER_INPUT', `Khu vực phụ trách phải là đơn vị trực thuộc ${targetName}.`, { field: 'delegates.areaUnitId', areaUnitId: delegate.areaUnitId });
        }
        areaName ??= area.name;
      }
      if (!areaName) throw new DomainError('BAD_USER_INPUT', 'Chưa nêu khu vực phụ trách.', { field: 'delegates.areaName', memberId: delegate.memberId });
      resolved.push({ ...delegate, areaName });
    }
    const delegation = await trx
      .insertInto('delegation')
      .values({ id: randomUUID(), assigning_unit_id: assigningUnitId, target_unit_id: targetUnitId, name, starts_on: startsOn, ends_on: null, decision_number: decisionNumber })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('delegate')
      .values(resolved.map((delegate) => ({ id: randomUUID(), delegation_id: delegation.id, member_id: delegate.memberId, role: delegate.role, area_unit_id: delegate.areaUnitId, area_name: delegate.areaName })))
      .execute();
    await writeAudit(trx, caller, [
      { operation: 'createDelegation', entityType: 'Delegation', entityId: delegation.id, before: null, after: { assigningUnitId, targetUnitId, name, startsOn, decisionNumber, delegates: resolved } },
    ]);
    return delegation;
  });
}

/** A delegate and its delegation, if the caller may write for the directed unit (the ward registers work items with its delegates). */
async function lockDelegate(trx: Transaction<OrganizationDatabase>, caller: Caller, mutation: 'registerWorkItem' | 'recordWorkItemResult' | 'rateDelegate', delegateId: string) {
  const found = await sql<DelegateRow & { target_unit_id: string; assigning_unit_id: string; starts_on: string; ends_on: string | null }>`
    SELECT d.*, g.target_unit_id, g.assigning_unit_id, g.starts_on, g.ends_on FROM delegate d JOIN delegation g ON g.id = d.delegation_id WHERE d.id = ${delegateId}::uuid`
    .execute(trx)
    .then((result) => result.rows[0]);
  if (!found) throw new DomainError('NOT_FOUND', 'Không tìm thấy thành viên đoàn.', { field: 'delegateId' });
  // Readable through either end; otherwise it does not exist for the caller.
  const readable = readableScopes(caller);
  const ends = [...(await ancestorIds(trx, found.target_unit_id)), ...(await ancestorIds(trx, found.assigning_unit_id))];
  if (!ends.some((id) => readable.includes(id))) throw new DomainError('NOT_FOUND', 'Không tìm thấy thành viên đoàn.', { field: 'delegateId' });
  // Work items are registered with the directed unit's committee; the rating is the assigning committee's.
  const scopeUnit = mutation === 'rateDelegate' ? found.assigning_unit_id : found.target_unit_id;
  try {
    await lockWritableUnit(trx, caller, mutation, scopeUnit, 'delegateId');
  } catch (error) {
    if (error instanceof DomainError && error.extensions.code === 'NOT_FOUND') {
      throw new DomainError('FORBIDDEN', mutation === 'rateDelegate' ? 'Chỉ cấp ủy phân công đoàn mới đánh giá thành viên đoàn.' : 'Vai trò của bạn không được thực hiện thao tác này ở đơn vị này.');
    }
    throw error;
  }
  return found;
}

/** Đăng ký phần việc: a delegate registers a concrete work item for a year. */
export async function registerWorkItem(db: Kysely<OrganizationDatabase>, caller: Caller, input: RegisterWorkItemInput): Promise<WorkItemRow> {
  const delegateId = requireId(input.delegateId, 'delegateId');
  const year = requireYear(input.year);
  const title = requireText(input.title, 'title', 'nội dung phần việc', 500);
  const registeredOn = requireDate(input.registeredOn, 'registeredOn');
  return db.transaction().execute(async (trx) => {
    const delegate = await lockDelegate(trx, caller, 'registerWorkItem', delegateId);
    if (registeredOn < delegate.starts_on || (delegate.ends_on !== null && registeredOn >= delegate.ends_on)) {
      throw new DomainError('BAD_USER_INPUT', `Ngày đăng ký nằm ngoài thời gian hoạt động của đoàn (từ ${delegate.starts_on}).`, { field: 'registeredOn' });
    }
    const row = await trx
      .insertInto('delegate_work_item')
      .values({ id: randomUUID(), delegate_id: delegateId, year, title, registered_on: registeredOn, result: null, result_note: null, result_recorded_on: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'registerWorkItem', entityType: 'DelegateWorkItem', entityId: row.id, before: null, after: { delegateId, year, title, registeredOn } }]);
    return row;
  });
}

/** Kết quả phần việc: the result of a registered work item (may be updated as it progresses). */
export async function recordWorkItemResult(db: Kysely<OrganizationDatabase>, caller: Caller, input: RecordWorkItemResultInput): Promise<WorkItemRow> {
  const id = requireId(input.id, 'id');
  if (!WORK_ITEM_RESULTS.includes(input.result)) throw new DomainError('BAD_USER_INPUT', 'Kết quả không hợp lệ.', { field: 'result' });
  const note = input.note ? requireText(input.note, 'note', 'nhận xét', 2000) : null;
  const recordedOn = requireDate(input.recordedOn, 'recordedOn');
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('delegate_work_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!item) throw new DomainError('NOT_FOUND', 'Không tìm thấy phần việc.', { field: 'id' });
    await lockDelegate(trx, caller, 'recordWorkItemResult', item.delegate_id).catch((error: unknown) => {
      if (error instanceof DomainError && error.extensions.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', 'Không tìm thấy phần việc.', { field: 'id' });
      throw error;
    });
    if (recordedOn < item.registered_on) throw new DomainError('BAD_USER_INPUT', `Ngày ghi kết quả trước ngày đăng ký (${item.registered_on}).`, { field: 'recordedOn' });
    const row = await trx
      .updateTable('delegate_work_item')
      .set({ result: input.result, result_note: note, result_recorded_on: recordedOn })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'recordWorkItemResult', entityType: 'DelegateWorkItem', entityId: id, before: { result: item.result, note: item.result_note }, after: { result: input.result, note, recordedOn } },
    ]);
    return row;
  });
}

/** Nhận xét, đánh giá cuối năm: the assigning committee rates a delegate for a year (once; a correction replaces it, audited). */
export async function rateDelegate(db: Kysely<OrganizationDatabase>, caller: Caller, input: RateDelegateInput): Promise<RatingRow> {
  const delegateId = requireId(input.delegateId, 'delegateId');
  const year = requireYear(input.year);
  if (!DELEGATE_GRADES.includes(input.grade)) throw new DomainError('BAD_USER_INPUT', 'Mức xếp loại không hợp lệ.', { field: 'grade' });
  const comment = input.comment ? requireText(input.comment, 'comment', 'nhận xét', 2000) : null;
  const ratedOn = requireDate(input.ratedOn, 'ratedOn');
  // A rating records a decision already taken: a date after today is a typing error.
  if (ratedOn > today()) throw new DomainError('BAD_USER_INPUT', `Ngày đánh giá ${vietnameseDate(ratedOn)} chưa đến.`, { field: 'ratedOn' });
  const decisionNumber = decision(input.decisionNumber);
  return db.transaction().execute(async (trx) => {
    const delegate = await lockDelegate(trx, caller, 'rateDelegate', delegateId);
    if (Number(delegate.starts_on.slice(0, 4)) > year) throw new DomainError('BAD_USER_INPUT', `Đoàn bắt đầu từ ${delegate.starts_on}: chưa có năm ${year}.`, { field: 'year' });
    const before = await trx.selectFrom('delegate_rating').selectAll().where('delegate_id', '=', delegateId).where('year', '=', year).executeTakeFirst();
    const values = { grade: input.grade, comment, rated_on: ratedOn, decision_number: decisionNumber };
    const row = await trx
      .insertInto('delegate_rating')
      .values({ delegate_id: delegateId, year, ...values })
      .onConflict((oc) => oc.columns(['delegate_id', 'year']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'rateDelegate', entityType: 'Delegate', entityId: delegateId, before: before ? { year, grade: before.grade, comment: before.comment } : null, after: { year, grade: input.grade, comment, ratedOn, decisionNumber } },
    ]);
    return row;
  });
}

/** Kết thúc đoàn: the assigning committee ends a delegation from a date (after its start; once). */
export async function endDelegation(db: Kysely<OrganizationDatabase>, caller: Caller, input: EndDelegationInput): Promise<DelegationRow> {
  const id = requireId(input.id, 'id');
  const endsOn = requireDate(input.endsOn, 'endsOn');
  const decisionNumber = decision(input.decisionNumber);
  return db.transaction().execute(async (trx) => {
    const delegation = await trx.selectFrom('delegation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    const readable = readableScopes(caller);
    const ends = delegation ? [...(await ancestorIds(trx, delegation.target_unit_id)), ...(await ancestorIds(trx, delegation.assigning_unit_id))] : [];
    if (!delegation || !ends.some((unitId) => readable.includes(unitId))) throw new DomainError('NOT_FOUND', 'Không tìm thấy đoàn cán bộ.', { field: 'id' });
    try {
      await lockWritableUnit(trx, caller, 'endDelegation', delegation.assigning_unit_id, 'id');
    } catch (error) {
      if (error instanceof DomainError && error.extensions.code === 'NOT_FOUND') throw new DomainError('FORBIDDEN', 'Chỉ cấp ủy phân công đoàn mới kết thúc hoạt động của đoàn.');
      throw error;
    }
    if (delegation.ends_on !== null) throw new DomainError('CONFLICT', `Đoàn đã kết thúc từ ngày ${delegation.ends_on}.`, { field: 'id' });
    if (endsOn <= delegation.starts_on) throw new DomainError('BAD_USER_INPUT', `Ngày kết thúc phải sau ngày bắt đầu của đoàn (${delegation.starts_on}).`, { field: 'endsOn' });
    const row = await trx.updateTable('delegation').set({ ends_on: endsOn }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'endDelegation', entityType: 'Delegation', entityId: id, before: { endsOn: null }, after: { endsOn, decisionNumber } }]);
    return row;
  });
}
