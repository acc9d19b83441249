import { todayInVietnam } from '@dangvien/db';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AssignTaskInput, ReassignTaskInput, ReviewTaskInput, TaskResult } from '../generated/graphql.ts';
import { currentCellKind, lockClientRequest } from '../meeting/meeting.repository.ts';
import { vietnameseDate } from '../meeting/meeting.ts';
import { rosterOn } from '../replica/placement-history.ts';
import { requireWritableUnit } from '../scope/scope.ts';
import { currentAssignment, findTaskOfRequest, findTasks, handOver, holderOn, insertTask, insertTaskReview, lockTask } from './task.repository.ts';
import type { TaskReviewRow, TaskStateRow } from './task.tables.ts';

const MAX_HOUSEHOLDS = 200;
const TASK_RESULTS: readonly TaskResult[] = ['EXCEEDED', 'DONE', 'IN_PROGRESS', 'NOT_DONE'];
const today = todayInVietnam;

/**
 * Phân công nhiệm vụ: the cell gives a member of its roster a task (an area or named households) for a
 * period. With a clientRequestId (an offline client's idempotency key), an assignment already made is
 * answered with its task, unchanged and without a second audit record.
 */
export async function assignTask(db: Kysely<EvaluationDatabase>, caller: Caller, input: AssignTaskInput): Promise<TaskStateRow> {
  const cellId = requireId(input.cellId, 'cellId');
  const memberId = requireId(input.memberId, 'memberId');
  const title = requireText(input.title, 'title', 'tên nhiệm vụ', 300);
  const area = input.area?.trim() ? requireText(input.area, 'area', 'địa bàn', 500) : null;
  const households = (input.households ?? []).map((household) => requireText(household, 'households', 'hộ được phân công', 200));
  if (households.length > MAX_HOUSEHOLDS) throw new DomainError('BAD_USER_INPUT', `Một nhiệm vụ phụ trách tối đa ${MAX_HOUSEHOLDS} hộ.`, { field: 'households' });
  if (!area && households.length === 0) throw new DomainError('BAD_USER_INPUT', 'Nhiệm vụ cần ghi địa bàn hoặc các hộ được phân công phụ trách.', { field: 'area' });
  const startsOn = requireDate(input.startsOn, 'startsOn');
  const endsOn = input.endsOn ? requireDate(input.endsOn, 'endsOn') : null;
  if (endsOn && endsOn < startsOn) throw new DomainError('BAD_USER_INPUT', 'Ngày kết thúc nhiệm vụ phải sau ngày bắt đầu.', { field: 'endsOn' });
  const clientRequestId = input.clientRequestId ? requireId(input.clientRequestId, 'clientRequestId') : null;

  return db.transaction().execute(async (trx) => {
    await requireWritableUnit(trx, caller, 'assignTask', cellId, 'Không tìm thấy chi bộ.');
    if (clientRequestId) {
      await lockClientRequest(trx, 'task', clientRequestId);
      const created = await findTaskOfRequest(trx, clientRequestId);
      if (created?.cell_id === cellId) return taskAsOf(trx, created.id, created.starts_on);
      if (created) throw new DomainError('CONFLICT', 'Mã yêu cầu của lần phân công này đã được dùng cho nhiệm vụ của một chi bộ khác: không ghi. Hãy phân công lại.', { field: 'clientRequestId' });
    }
    const kind = await currentCellKind(trx, cellId);
    if (!kind || !['CELL', 'GRASSROOTS_CELL'].includes(kind)) throw new DomainError('BAD_USER_INPUT', 'Chỉ chi bộ mới phân công nhiệm vụ cho đảng viên.', { field: 'cellId' });
    await requireOnRoster(trx, cellId, memberId, startsOn);
    const task = { id: randomUUID(), cell_id: cellId, title, area, households, starts_on: startsOn, ends_on: endsOn, client_request_id: clientRequestId };
    await insertTask(trx, task, { member_id: memberId, assigned_on: startsOn, ended_on: null });
    await writeAudit(trx, caller, [{ operation: 'assignTask', entityType: 'Task', entityId: task.id, before: null, after: { cellId, memberId, title, area, households, startsOn, endsOn } }]);
    return taskAsOf(trx, task.id, startsOn);
  });
}

/** Hands a task to another member of the cell from a date (the previous holder's assignment ends that day). */
export async function reassignTask(db: Kysely<EvaluationDatabase>, caller: Caller, input: ReassignTaskInput): Promise<TaskStateRow> {
  const taskId = requireId(input.taskId, 'taskId');
  const memberId = requireId(input.memberId, 'memberId');
  const reassignedOn = requireDate(input.reassignedOn, 'reassignedOn');
  return db.transaction().execute(async (trx) => {
    const task = await lockWritableTask(trx, caller, 'reassignTask', taskId);
    const current = await currentAssignment(trx, task.id);
    if (reassignedOn <= current.assigned_on) {
      throw new DomainError('BAD_USER_INPUT', `Ngày phân công lại phải sau ngày ${vietnameseDate(current.assigned_on)} (lần phân công trước).`, { field: 'reassignedOn' });
    }
    if (current.member_id === memberId) throw new DomainError('BAD_USER_INPUT', 'Nhiệm vụ đang do chính đảng viên này phụ trách.', { field: 'memberId' });
    await requireOnRoster(trx, task.cell_id, memberId, reassignedOn);
    await handOver(trx, current, memberId, reassignedOn);
    await writeAudit(trx, caller, [{ operation: 'reassignTask', entityType: 'Task', entityId: task.id, before: { memberId: current.member_id, assignedOn: current.assigned_on }, after: { memberId, assignedOn: reassignedOn } }]);
    return taskAsOf(trx, task.id, reassignedOn);
  });
}

/** The cell's periodic review of a task: the result of whoever held it that day. */
export async function reviewTask(db: Kysely<EvaluationDatabase>, caller: Caller, input: ReviewTaskInput): Promise<TaskReviewRow> {
  const taskId = requireId(input.taskId, 'taskId');
  const reviewedOn = requireDate(input.reviewedOn, 'reviewedOn');
  if (!TASK_RESULTS.includes(input.result)) throw new DomainError('BAD_USER_INPUT', 'Kết quả đánh giá nhiệm vụ không hợp lệ.', { field: 'result' });
  if (reviewedOn > today()) throw new DomainError('BAD_USER_INPUT', 'Không đánh giá nhiệm vụ cho một ngày chưa tới.', { field: 'reviewedOn' });
  const comment = input.comment?.trim() ? requireText(input.comment, 'comment', 'nhận xét', 2000) : null;
  return db.transaction().execute(async (trx) => {
    const task = await lockWritableTask(trx, caller, 'reviewTask', taskId);
    if (reviewedOn < task.starts_on) throw new DomainError('BAD_USER_INPUT', `Nhiệm vụ bắt đầu từ ngày ${vietnameseDate(task.starts_on)}: chưa thể đánh giá trước đó.`, { field: 'reviewedOn' });
    const holder = await holderOn(trx, task.id, reviewedOn);
    const review = await insertTaskReview(trx, { id: randomUUID(), task_id: task.id, member_id: holder.member_id, reviewed_on: reviewedOn, result: input.result, comment });
    await writeAudit(trx, caller, [{ operation: 'reviewTask', entityType: 'Task', entityId: task.id, before: null, after: { reviewId: review.id, memberId: holder.member_id, reviewedOn, result: input.result, comment } }]);
    return review;
  });
}

async function lockWritableTask(trx: Transaction<EvaluationDatabase>, caller: Caller, mutation: 'reassignTask' | 'reviewTask', taskId: string) {
  const task = await lockTask(trx, taskId);
  if (!task) throw new DomainError('NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
  await requireWritableUnit(trx, caller, mutation, task.cell_id, 'Không tìm thấy nhiệm vụ.');
  return task;
}

async function requireOnRoster(trx: Transaction<EvaluationDatabase>, cellId: string, memberId: string, day: string): Promise<void> {
  if ((await rosterOn(trx, cellId, day)).has(memberId)) return;
  throw new DomainError('BAD_USER_INPUT', `Đảng viên không có trong danh sách sinh hoạt của chi bộ ngày ${vietnameseDate(day)} (không thuộc chi bộ, đã chuyển đi hoặc được miễn sinh hoạt).`, {
    field: 'memberId',
    memberId,
    reason: 'NOT_ON_ROSTER',
  });
}

async function taskAsOf(trx: Transaction<EvaluationDatabase>, taskId: string, day: string): Promise<TaskStateRow> {
  const [task] = await findTasks(trx, { ids: [taskId], asOf: day });
  return task!;
}
