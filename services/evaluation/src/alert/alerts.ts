import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import { periodLabel } from '../cycle/review-cycle.ts';
import type { EvaluationDatabase, ReviewPeriod } from '../database.ts';
import { absentThreeMonths, vietnameseDate } from '../meeting/meeting.ts';
import { lacksResidenceComment } from '../residence/residence-comment.ts';
import { tasksOfUnit, type TaskRow } from '../task/task.queries.ts';

export const ALERT_KINDS = ['ABSENT_THREE_MONTHS', 'MISSING_RESIDENCE_COMMENT', 'CYCLE_OVERDUE', 'NO_MEETING_LAST_MONTH', 'UNATTENDED_TASK', 'GRADE_ABOVE_DISCIPLINE'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface EvaluationAlert {
  kind: AlertKind;
  /** The cell or organization the alert is about (the member's cell for a member). */
  unitId: string;
  memberId: string | null;
  cycleId: string | null;
  task: TaskRow | null;
  months: number[] | null;
  /** What is wrong, in plain Vietnamese. */
  detail: string;
}

const UNATTENDED_LABEL = { MOVED: 'đã chuyển sinh hoạt khỏi chi bộ', EXEMPT: 'được miễn sinh hoạt', LEFT: 'không còn sinh hoạt đảng' } as const;

/**
 * Everything in a unit's subtree (within the caller's) that needs the committee's attention, on
 * `asOf` (and for `year`, for what is counted by year): one statement per kind, each on the local copies.
 */
export async function evaluationAlerts(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, options: { asOf: string; year: number; kinds: readonly AlertKind[] }): Promise<EvaluationAlert[]> {
  const unknown = options.kinds.find((kind) => !ALERT_KINDS.includes(kind));
  if (unknown) throw new DomainError('BAD_USER_INPUT', `Loại cảnh báo không hợp lệ: ${unknown}.`, { field: 'kinds' });
  const wanted = new Set(options.kinds.length > 0 ? options.kinds : ALERT_KINDS);
  const scopes = readableScopes(caller);
  const base = { memberId: null, cycleId: null, task: null, months: null };
  const alerts: EvaluationAlert[] = [];

  if (wanted.has('ABSENT_THREE_MONTHS')) {
    for (const absence of await absentThreeMonths(db, caller, unitId, options.year)) {
      alerts.push({ ...base, kind: 'ABSENT_THREE_MONTHS', unitId: absence.cellId, memberId: absence.memberId, months: absence.months, detail: `Vắng sinh hoạt không có lý do trong ${absence.months.length} tháng của năm ${options.year} (tháng ${absence.months.join(', ')}).` });
    }
  }

  if (wanted.has('MISSING_RESIDENCE_COMMENT')) {
    const rows = await sql<{ member_id: string; cycle_id: string; cell_id: string; year: number; period: ReviewPeriod }>`
      SELECT DISTINCT graded.member_id, graded.cycle_id, member_replica.cell_id, review_cycle.year, review_cycle.period
      FROM (
        SELECT member_id, cycle_id FROM self_review
        UNION SELECT member_id, cycle_id FROM grade_proposal
        UNION SELECT member_id, cycle_id FROM review WHERE cycle_id IS NOT NULL
      ) AS graded
      JOIN review_cycle ON review_cycle.id = graded.cycle_id AND review_cycle.year = ${options.year}
      JOIN rule_set ON rule_set.id = review_cycle.rule_set_id AND rule_set.residence_comment_required
      JOIN member_replica ON member_replica.member_id = graded.member_id
      WHERE ${lacksResidenceComment('graded.member_id', options.year)}
        AND ${inReplicaSubtreeWithin('member_replica.cell_id', unitId, scopes)}
      ORDER BY graded.member_id, graded.cycle_id`.execute(db);
    for (const row of rows.rows) {
      alerts.push({ ...base, kind: 'MISSING_RESIDENCE_COMMENT', unitId: row.cell_id, memberId: row.member_id, cycleId: row.cycle_id, detail: `Đảng viên đang công tác chưa có nhận xét của chi bộ nơi cư trú (Quy định 213) cho đợt kiểm điểm ${periodLabel(row.year, row.period)}.` });
    }
  }

  if (wanted.has('CYCLE_OVERDUE')) {
    const rows = await db
      .selectFrom('review_cycle')
      .select(['id', 'unit_id', 'year', 'period', 'closes_on'])
      .where('status', '=', 'OPEN')
      .where('closes_on', '<', options.asOf)
      .where(inReplicaSubtreeWithin('review_cycle.unit_id', unitId, scopes))
      .orderBy('closes_on')
      .execute();
    for (const cycle of rows) {
      alerts.push({ ...base, kind: 'CYCLE_OVERDUE', unitId: cycle.unit_id, cycleId: cycle.id, detail: `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} quá hạn khóa (hạn ${vietnameseDate(cycle.closes_on)}) mà chưa khóa.` });
    }
  }

  if (wanted.has('NO_MEETING_LAST_MONTH')) {
    const [year, month] = options.asOf.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
    const rows = await sql<{ id: string }>`
      SELECT DISTINCT cell.id FROM org_unit_replica AS cell
      WHERE cell.kind IN ('CELL', 'GRASSROOTS_CELL')
        AND (cell.valid_from IS NULL OR cell.valid_from <= ${last}::date) AND (cell.valid_to IS NULL OR cell.valid_to > ${last}::date)
        AND ${inReplicaSubtreeWithin('cell.id', unitId, scopes)}
        AND NOT EXISTS (SELECT 1 FROM meeting WHERE meeting.cell_id = cell.id AND meeting.held_on BETWEEN ${first}::date AND ${last}::date)
      ORDER BY cell.id`.execute(db);
    const label = `${first.slice(5, 7)}/${first.slice(0, 4)}`;
    for (const cell of rows.rows) alerts.push({ ...base, kind: 'NO_MEETING_LAST_MONTH', unitId: cell.id, detail: `Chi bộ không sinh hoạt trong tháng ${label}.` });
  }

  if (wanted.has('UNATTENDED_TASK')) {
    for (const task of await tasksOfUnit(db, caller, unitId, options.asOf, true)) {
      alerts.push({ ...base, kind: 'UNATTENDED_TASK', unitId: task.cell_id, memberId: task.assignee_id, task, detail: `Sót việc: nhiệm vụ "${task.title}" vẫn giao cho đảng viên ${UNATTENDED_LABEL[task.unattended!]}; cần phân công lại.` });
    }
  }

  if (wanted.has('GRADE_ABOVE_DISCIPLINE')) {
    // Discipline recorded after the grade was decided: decisions are never rewritten, the committee re-decides.
    const rows = await sql<{ member_id: string; cycle_id: string | null; cell_id: string; period: ReviewPeriod; grade: string }>`
      SELECT review.member_id, review.cycle_id, member_replica.cell_id, review.period, review.grade
      FROM review JOIN member_replica ON member_replica.member_id = review.member_id
      WHERE review.year = ${options.year} AND review.grade <> 'NOT_COMPLETED'
        AND EXISTS (
          SELECT 1 FROM member_discipline
          WHERE member_discipline.member_id = review.member_id
            AND member_discipline.effective_date >= make_date(review.year, 1, 1)
            AND member_discipline.effective_date <= CASE WHEN review.period = 'YEAR' THEN make_date(review.year, 12, 31)
              ELSE (make_date(review.year, substr(review.period, 2)::int * 3, 1) + interval '1 month' - interval '1 day')::date END
        )
        AND ${inReplicaSubtreeWithin('member_replica.cell_id', unitId, scopes)}
      ORDER BY review.member_id, review.period`.execute(db);
    for (const row of rows.rows) {
      alerts.push({ ...base, kind: 'GRADE_ABOVE_DISCIPLINE', unitId: row.cell_id, memberId: row.member_id, cycleId: row.cycle_id, detail: `Đảng viên bị kỷ luật trong ${periodLabel(options.year, row.period)} nhưng đang xếp loại cao hơn "không hoàn thành nhiệm vụ": cần xếp loại lại.` });
    }
  }
  return alerts;
}
