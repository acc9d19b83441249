import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { MonthAttendance } from '../generated/graphql.ts';
import { requireYear } from '../scope/scope.ts';

/**
 * Attendance of the meetings held in a unit's subtree during `year`, by month: one statement, whose
 * subtree condition also keeps to the caller's scope (nothing outside it is counted).
 */
export async function attendanceByMonth(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number): Promise<MonthAttendance[]> {
  const year = requireYear(yearArg);
  const scopes = readableScopes(caller);
  if (scopes.length === 0) return [];
  const rows = await sql<{ month: number; meetings: number; present: number; excused: number; absent: number }>`
    SELECT date_part('month', meeting.held_on)::integer AS month, count(*)::integer AS meetings,
           coalesce(sum(present_count), 0)::integer AS present, coalesce(sum(excused_count), 0)::integer AS excused,
           coalesce(sum(absent_count), 0)::integer AS absent
    FROM meeting
    WHERE meeting.held_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
      AND ${inReplicaSubtreeWithin('meeting.cell_id', unitId, scopes)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.rows.map((row) => {
    const records = row.present + row.excused + row.absent;
    return { ...row, records, rate: records === 0 ? null : row.present / records };
  });
}
