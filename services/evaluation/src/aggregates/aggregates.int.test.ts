import { randomUUID } from 'node:crypto';
import { callerWith, demoDataSet, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import { insertAttendance, insertMeeting } from '../meeting/meeting.repository.ts';
import { attendanceCounts } from '../meeting/meeting.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** Attendance by month over a unit's subtree, in one statement; nothing outside the caller's scope. */
const demo = demoDataSet();
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const members = demo.members.filter((member) => member.cellId === cell && ['OFFICIAL', 'PROBATIONARY'].includes(member.status)).slice(0, 4);
const outsider = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 111) });
const QUERY = `query ($unitId: ID!) { attendanceByMonth(unitId: $unitId, year: 2031) { month meetings records present excused absent rate } }`;
type Months = { attendanceByMonth: { month: number; meetings: number; records: number; present: number; absent: number; rate: number | null }[] };

let subgraph: TestSubgraph<EvaluationDatabase>;
beforeAll(async () => {
  subgraph = await startEvaluationWithDemoPlacements();
  for (const [heldOn, absentees] of [['2031-03-05', 1], ['2031-04-05', 2]] as const) {
    const attendance = members.map((member, index) => ({ memberId: member.id, status: index < absentees ? ('ABSENT' as const) : ('PRESENT' as const), reason: null }));
    const meeting = await insertMeeting(subgraph.db, { id: randomUUID(), cell_id: cell, held_on: heldOn, kind: 'REGULAR', agenda: 'Sinh hoạt', resolution: null, ...attendanceCounts(attendance) });
    await insertAttendance(subgraph.db, attendance.map((entry) => ({ meeting_id: meeting.id, member_id: entry.memberId, status: entry.status, reason: entry.reason })));
  }
});
afterAll(async () => subgraph?.close());

describe('attendanceByMonth', () => {
  it('counts each month’s meetings and attendance in the committee’s subtree', async () => {
    const response = await subgraph.post<Months>(QUERY, { unitId: committee });
    expect(response.errors).toBeUndefined();
    const byMonth = new Map(response.data!.attendanceByMonth.map((month) => [month.month, month]));
    expect(byMonth.get(3)).toMatchObject({ meetings: 1, records: members.length, present: members.length - 1, absent: 1 });
    expect(byMonth.get(4)).toMatchObject({ meetings: 1, records: members.length, present: members.length - 2, absent: 2 });
    expect(byMonth.get(5)?.meetings ?? 0).toBe(0);
  });

  it('shows nothing of a subtree outside the caller’s scope', async () => {
    const response = await subgraph.post<Months>(QUERY, { unitId: committee }, outsider);
    expect((response.data?.attendanceByMonth ?? []).every((month) => month.meetings === 0)).toBe(true);
  });
});
