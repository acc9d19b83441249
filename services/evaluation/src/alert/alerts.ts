import { readableScopes, type Caller } from '@dangvien/auth';
import { DomainError } from '@dangvien/server';
import type { Kysely } from 'kysely';
import { periodLabel } from '../cycle/review-cycle.ts';
import type { EvaluationDatabase } from '../database.ts';
import type { EvaluationAlertKind, UnattendedReason } from '../generated/graphql.ts';
import { absentThreeMonths } from '../meeting/meeting.repository.ts';
import { vietnameseDate } from '../meeting/meeting.ts';
import { tasksOfUnit } from '../task/task.repository.ts';
import type { TaskStateRow } from '../task/task.tables.ts';
import { cellsWithoutMeeting, gradedWithoutResidenceComment, gradesAboveDiscipline, overdueCycles } from './alert.repository.ts';

export const ALERT_KINDS: readonly EvaluationAlertKind[] = ['ABSENT_THREE_MONTHS', 'MISSING_RESIDENCE_COMMENT', 'CYCLE_OVERDUE', 'NO_MEETING_LAST_MONTH', 'UNATTENDED_TASK', 'GRADE_ABOVE_DISCIPLINE'];

/** An alert as the resolvers receive it: ids of what it is about, resolved by the EvaluationAlert resolvers. */
export interface Alert {
  kind: EvaluationAlertKind;
  /** The cell or organization the alert is about (the member's cell for a member). */
  unitId: string;
  memberId: string | null;
  cycleId: string | null;
  task: TaskStateRow | null;
  months: number[] | null;
  /** What is wrong, in plain Vietnamese. */
  detail: string;
}

const UNATTENDED_LABEL: Record<UnattendedReason, string> = { MOVED: 'đã chuyển sinh hoạt khỏi chi bộ', EXEMPT: 'được miễn sinh hoạt', LEFT: 'không còn sinh hoạt đảng' };

/**
 * Everything in a unit's subtree (within the caller's) that needs the committee's attention, on
 * `asOf` (and for `year`, for what is counted by year): one statement per kind, each on the local copies.
 */
export async function evaluationAlerts(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, options: { asOf: string; year: number; kinds: readonly EvaluationAlertKind[] }): Promise<Alert[]> {
  const unknown = options.kinds.find((kind) => !ALERT_KINDS.includes(kind));
  if (unknown) throw new DomainError('BAD_USER_INPUT', `Loại cảnh báo không hợp lệ: ${unknown}.`, { field: 'kinds' });
  const wanted = new Set(options.kinds.length > 0 ? options.kinds : ALERT_KINDS);
  const scopes = readableScopes(caller);
  const base = { memberId: null, cycleId: null, task: null, months: null };
  const alerts: Alert[] = [];

  if (wanted.has('ABSENT_THREE_MONTHS')) {
    for (const absence of await absentThreeMonths(db, caller, unitId, options.year)) {
      alerts.push({ ...base, kind: 'ABSENT_THREE_MONTHS', unitId: absence.cellId, memberId: absence.memberId, months: absence.months, detail: `Vắng sinh hoạt không có lý do trong ${absence.months.length} tháng của năm ${options.year} (tháng ${absence.months.join(', ')}).` });
    }
  }

  if (wanted.has('MISSING_RESIDENCE_COMMENT')) {
    for (const row of await gradedWithoutResidenceComment(db, unitId, scopes, options.year)) {
      alerts.push({ ...base, kind: 'MISSING_RESIDENCE_COMMENT', unitId: row.cell_id, memberId: row.member_id, cycleId: row.cycle_id, detail: `Đảng viên đang công tác chưa có nhận xét của chi bộ nơi cư trú (Quy định 213) cho đợt kiểm điểm ${periodLabel(row.year, row.period)}.` });
    }
  }

  if (wanted.has('CYCLE_OVERDUE')) {
    for (const cycle of await overdueCycles(db, unitId, scopes, options.asOf)) {
      alerts.push({ ...base, kind: 'CYCLE_OVERDUE', unitId: cycle.unit_id, cycleId: cycle.id, detail: `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} quá hạn khóa (hạn ${vietnameseDate(cycle.closes_on)}) mà chưa khóa.` });
    }
  }

  if (wanted.has('NO_MEETING_LAST_MONTH')) {
    const [year, month] = options.asOf.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
    const label = `${first.slice(5, 7)}/${first.slice(0, 4)}`;
    for (const cellId of await cellsWithoutMeeting(db, unitId, scopes, first, last)) alerts.push({ ...base, kind: 'NO_MEETING_LAST_MONTH', unitId: cellId, detail: `Chi bộ không sinh hoạt trong tháng ${label}.` });
  }

  if (wanted.has('UNATTENDED_TASK')) {
    for (const task of await tasksOfUnit(db, caller, unitId, options.asOf, true)) {
      alerts.push({ ...base, kind: 'UNATTENDED_TASK', unitId: task.cell_id, memberId: task.assignee_id, task, detail: `Sót việc: nhiệm vụ "${task.title}" vẫn giao cho đảng viên ${UNATTENDED_LABEL[task.unattended!]}; cần phân công lại.` });
    }
  }

  if (wanted.has('GRADE_ABOVE_DISCIPLINE')) {
    for (const row of await gradesAboveDiscipline(db, unitId, scopes, options.year)) {
      alerts.push({ ...base, kind: 'GRADE_ABOVE_DISCIPLINE', unitId: row.cell_id, memberId: row.member_id, cycleId: row.cycle_id, detail: `Đảng viên bị kỷ luật trong ${periodLabel(options.year, row.period)} nhưng đang xếp loại cao hơn "không hoàn thành nhiệm vụ": cần xếp loại lại.` });
    }
  }
  return alerts;
}
