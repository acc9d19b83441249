import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AttendanceRate, GradeDistribution } from '../generated/graphql.ts';
import { placementsOn } from '../replica/placement-history.ts';
import { readableUnit, requireYear } from '../scope/scope.ts';

type GradeCounts = GradeDistribution;
type AttendanceCounts = AttendanceRate;

/**
 * SQL: today's units below `unitId` (`id`), each with the unit directly below `unitId` it lies under
 * (`child_id`): grouping by child_id gives a drill-down table's rows in one statement.
 */
function underChildSql(unitId: string) {
  return sql`
    WITH RECURSIVE live AS (
      SELECT id, parent_id FROM org_unit_replica
      WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)
    ), under_child(id, child_id) AS (
      SELECT id, id FROM live WHERE parent_id = ${unitId}::uuid
      UNION
      SELECT live.id, under_child.child_id FROM live JOIN under_child ON live.parent_id = under_child.id
    )
    SELECT id, child_id FROM under_child`;
}

const gradeColumns = sql`count(*) FILTER (WHERE review.grade = 'EXCELLENT') AS excellent,
           count(*) FILTER (WHERE review.grade = 'GOOD') AS good,
           count(*) FILTER (WHERE review.grade = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE review.grade = 'NOT_COMPLETED') AS not_completed,
           count(review.grade) AS total`;
type GradeRow = { excellent: string; good: string; completed: string; not_completed: string; total: string };
const gradeCounts = (unitId: string, year: number, row: GradeRow): GradeCounts => ({
  unitId,
  year,
  excellent: Number(row.excellent),
  good: Number(row.good),
  completed: Number(row.completed),
  notCompleted: Number(row.not_completed),
  total: Number(row.total),
});

const attendanceColumns = sql`count(*) AS meetings,
           coalesce(sum(present_count + excused_count + absent_count), 0) AS records,
           coalesce(sum(present_count), 0) AS present,
           coalesce(sum(excused_count), 0) AS excused,
           coalesce(sum(absent_count), 0) AS absent`;
type AttendanceRow = { meetings: string; records: string; present: string; excused: string; absent: string };
function attendanceCounts(unitId: string, year: number, period: { from: string; to: string }, row: AttendanceRow): AttendanceCounts {
  const records = Number(row.records);
  return {
    unitId,
    year,
    ...period,
    meetings: Number(row.meetings),
    records,
    present: Number(row.present),
    excused: Number(row.excused),
    absent: Number(row.absent),
    rate: records === 0 ? null : Number(row.present) / records,
  };
}

/** The grades of `gradeDistribution` for each unit directly below `unitId` with any: one statement. Null when the caller may not read the unit. */
export async function gradesByChild(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<GradeCounts[] | null> {
  const year = requireYear(yearArg);
  // Inside a readable unit every unit below is readable too.
  if (!(await readableUnit(db, caller, unitId))) return null;
  const result = await sql<GradeRow & { child_id: string }>`
    SELECT under_child.child_id, ${gradeColumns}
    FROM review JOIN ${placementsOn(`${year}-12-31`)} AS placement ON placement.member_id = review.member_id
    JOIN (${underChildSql(unitId)}) under_child ON under_child.id = placement.cell_id
    WHERE review.year = ${year} AND review.period = 'YEAR'
    GROUP BY under_child.child_id`.execute(db);
  return result.rows.map((row) => gradeCounts(row.child_id, year, row));
}

/** The attendance of `attendanceRate` for each unit directly below `unitId` with meetings in the period: one statement. Null when the caller may not read the unit. */
export async function attendanceByChild(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number, range: { from?: string; to?: string } = {}): Promise<AttendanceCounts[] | null> {
  const year = requireYear(yearArg);
  const period = attendancePeriod(year, range);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const result = await sql<AttendanceRow & { child_id: string }>`
    SELECT under_child.child_id, ${attendanceColumns}
    FROM meeting JOIN (${underChildSql(unitId)}) under_child ON under_child.id = meeting.cell_id
    WHERE meeting.held_on BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY under_child.child_id`.execute(db);
  return result.rows.map((row) => attendanceCounts(row.child_id, year, period, row));
}

/**
 * Annual grades of the members placed in a unit's subtree at the end of the year (from the dated
 * placements): one SQL statement on the local copies of the tree and the placements. Null when the
 * caller may not read the unit.
 */
export async function gradeDistribution(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<GradeCounts | null> {
  const year = requireYear(yearArg);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const row = await sql<GradeRow>`
    SELECT ${gradeColumns}
    FROM review JOIN ${placementsOn(`${year}-12-31`)} AS placement ON placement.member_id = review.member_id
    WHERE review.year = ${year} AND review.period = 'YEAR'
      AND ${inReplicaSubtreeWithin('placement.cell_id', unitId, readableScopes(caller))}`.execute(db).then((result) => result.rows[0]!);
  return gradeCounts(unitId, year, row);
}

/** The days counted: the year, or the range given (validated at the edge). */
function attendancePeriod(year: number, range: { from?: string; to?: string }): { from: string; to: string } {
  const period = { from: range.from ?? `${year}-01-01`, to: range.to ?? `${year}-12-31` };
  if (period.from > period.to) throw new DomainError('BAD_USER_INPUT', `Ngày bắt đầu (${period.from}) phải trước ngày kết thúc (${period.to}).`, { field: 'from' });
  return period;
}

/**
 * Attendance at the meetings of the cells in a unit's subtree during a year (or from `from` to `to`):
 * one SQL statement over the meetings' counts.
 */
export async function attendanceRate(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number, range: { from?: string; to?: string } = {}): Promise<AttendanceCounts | null> {
  const year = requireYear(yearArg);
  const period = attendancePeriod(year, range);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const row = await sql<AttendanceRow>`
    SELECT ${attendanceColumns}
    FROM meeting
    WHERE meeting.held_on BETWEEN ${period.from}::date AND ${period.to}::date
      AND ${inReplicaSubtreeWithin('meeting.cell_id', unitId, readableScopes(caller))}`.execute(db).then((result) => result.rows[0]!);
  return attendanceCounts(unitId, year, period, row);
}
