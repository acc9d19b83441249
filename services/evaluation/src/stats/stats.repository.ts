import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { AttendanceRate, GradeDistribution } from '../generated/graphql.ts';
import { placementsOn } from '../replica/placement-history.ts';
import { readableUnit, requireYear } from '../scope/scope.ts';

/**
 * Annual grades of the members placed in a unit's subtree at the end of the year (from the dated
 * placements): one SQL statement on the local copies of the tree and the placements. Null when the
 * caller may not read the unit.
 */
export async function gradeDistribution(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<GradeDistribution | null> {
  const year = requireYear(yearArg);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const row = await sql<{ excellent: string; good: string; completed: string; not_completed: string; total: string }>`
    SELECT count(*) FILTER (WHERE review.grade = 'EXCELLENT') AS excellent,
           count(*) FILTER (WHERE review.grade = 'GOOD') AS good,
           count(*) FILTER (WHERE review.grade = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE review.grade = 'NOT_COMPLETED') AS not_completed,
           count(review.grade) AS total
    FROM review JOIN ${placementsOn(`${year}-12-31`)} AS placement ON placement.member_id = review.member_id
    WHERE review.year = ${year} AND review.period = 'YEAR'
      AND ${inReplicaSubtreeWithin('placement.cell_id', unitId, readableScopes(caller))}`.execute(db).then((result) => result.rows[0]!);
  return {
    unitId,
    year,
    excellent: Number(row.excellent),
    good: Number(row.good),
    completed: Number(row.completed),
    notCompleted: Number(row.not_completed),
    total: Number(row.total),
  };
}

/** Attendance at the meetings of the cells in a unit's subtree during a year: one SQL statement over the meetings' counts. */
export async function attendanceRate(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<AttendanceRate | null> {
  const year = requireYear(yearArg);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const row = await sql<{ meetings: string; records: string; present: string; excused: string; absent: string }>`
    SELECT count(*) AS meetings,
           coalesce(sum(present_count + excused_count + absent_count), 0) AS records,
           coalesce(sum(present_count), 0) AS present,
           coalesce(sum(excused_count), 0) AS excused,
           coalesce(sum(absent_count), 0) AS absent
    FROM meeting
    WHERE meeting.held_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
      AND ${inReplicaSubtreeWithin('meeting.cell_id', unitId, readableScopes(caller))}`.execute(db).then((result) => result.rows[0]!);
  const records = Number(row.records);
  return {
    unitId,
    year,
    meetings: Number(row.meetings),
    records,
    present: Number(row.present),
    excused: Number(row.excused),
    absent: Number(row.absent),
    rate: records === 0 ? null : Number(row.present) / records,
  };
}
