import { randomUUID } from 'node:crypto';
import { callerWith, demoDataSet, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import type { AttendanceRate, GradeDistribution } from '../generated/graphql.ts';
import { insertAttendance, insertMeeting } from '../meeting/meeting.repository.ts';
import { attendanceCounts } from '../meeting/meeting.ts';
import { insertReviews } from '../review/review.repository.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** The aggregates over a unit's subtree, and null outside the caller's scope. */
const demo = demoDataSet();
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const members = demo.members.filter((member) => member.cellId === cell && ['OFFICIAL', 'PROBATIONARY'].includes(member.status)).slice(0, 4);
const outsider = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 111) });

let subgraph: TestSubgraph<EvaluationDatabase>;
beforeAll(async () => {
  subgraph = await startEvaluationWithDemoPlacements();
  const grades = ['EXCELLENT', 'GOOD', 'GOOD', 'NOT_COMPLETED'] as const;
  await insertReviews(subgraph.db, members.map((member, index) => ({ id: demoId('review', 9000 + index), member_id: member.id, year: 2030, score: 50, grade: grades[index] })));
  const attendance = members.map((member, index) => ({ memberId: member.id, status: index === 0 ? ('ABSENT' as const) : ('PRESENT' as const), reason: null }));
  const meeting = await insertMeeting(subgraph.db, { id: randomUUID(), cell_id: cell, held_on: '2030-03-05', kind: 'REGULAR', agenda: 'Sinh hoạt tháng 3', resolution: null, ...attendanceCounts(attendance) });
  await insertAttendance(subgraph.db, attendance.map((entry) => ({ meeting_id: meeting.id, member_id: entry.memberId, status: entry.status, reason: entry.reason })));
});
afterAll(async () => subgraph?.close());

const STATS = `query ($unitId: ID!) {
  gradeDistribution(unitId: $unitId, year: 2030) { unitId year excellent good completed notCompleted total }
  attendanceRate(unitId: $unitId, year: 2030) { meetings records present excused absent rate }
}`;
type Stats = { gradeDistribution: GradeDistribution | null; attendanceRate: AttendanceRate | null };

describe('statistics of a unit’s subtree', () => {
  it('counts the annual grades of the members placed in it and the attendance at its cells’ meetings', async () => {
    const response = await subgraph.post<Stats>(STATS, { unitId: committee });
    expect(response.errors).toBeUndefined();
    expect(response.data!.gradeDistribution).toEqual({ unitId: committee, year: 2030, excellent: 1, good: 2, completed: 0, notCompleted: 1, total: 4 });
    expect(response.data!.attendanceRate).toEqual({ meetings: 1, records: 4, present: 3, excused: 0, absent: 1, rate: 0.75 });
  });

  it('answers null outside the caller’s scope', async () => {
    const response = await subgraph.post<Stats>(STATS, { unitId: committee }, outsider);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ gradeDistribution: null, attendanceRate: null });
  });

  const BY_CHILD = `query ($unitId: ID!, $from: String, $to: String) {
    gradeDistributionByChildUnit(unitId: $unitId, year: 2030) { unitId year excellent good completed notCompleted total }
    attendanceRateByChildUnit(unitId: $unitId, year: 2030, from: $from, to: $to) { unitId from to meetings records present excused absent rate }
    attendanceRate(unitId: $unitId, year: 2030, from: $from, to: $to) { meetings records }
  }`;
  type ByChild = { gradeDistributionByChildUnit: GradeDistribution[] | null; attendanceRateByChildUnit: AttendanceRate[] | null; attendanceRate: AttendanceRate | null };

  it('gives the same figures for each unit directly below in one field, over a period of days for attendance', async () => {
    const ward = await subgraph.post<ByChild>(BY_CHILD, { unitId: committee });
    expect(ward.errors).toBeUndefined();
    expect(ward.data!.gradeDistributionByChildUnit).toEqual([{ unitId: cell, year: 2030, excellent: 1, good: 2, completed: 0, notCompleted: 1, total: 4 }]);
    expect(ward.data!.attendanceRateByChildUnit).toEqual([{ unitId: cell, from: '2030-01-01', to: '2030-12-31', meetings: 1, records: 4, present: 3, excused: 0, absent: 1, rate: 0.75 }]);
    // The district: the same, under the ward that holds the cell.
    const district = await subgraph.post<ByChild>(BY_CHILD, { unitId: demoId('unit', 2) });
    expect(district.data!.gradeDistributionByChildUnit).toEqual([{ unitId: committee, year: 2030, excellent: 1, good: 2, completed: 0, notCompleted: 1, total: 4 }]);
    expect(district.data!.attendanceRateByChildUnit?.map((row) => [row.unitId, row.meetings])).toEqual([[committee, 1]]);
    // A period that leaves the March meeting out counts nothing, in total and per unit.
    const april = await subgraph.post<ByChild>(BY_CHILD, { unitId: committee, from: '2030-04-01', to: '2030-06-30' });
    expect(april.data!.attendanceRate).toEqual({ meetings: 0, records: 0 });
    expect(april.data!.attendanceRateByChildUnit).toEqual([]);
  });

  it('answers null per unit outside the caller’s scope, and refuses a period that ends before it starts', async () => {
    const response = await subgraph.post<ByChild>(BY_CHILD, { unitId: committee }, outsider);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ gradeDistributionByChildUnit: null, attendanceRateByChildUnit: null, attendanceRate: null });
    const backwards = await subgraph.post<ByChild>(BY_CHILD, { unitId: committee, from: '2030-05-01', to: '2030-04-01' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
