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
});
