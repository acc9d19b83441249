import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/** Aggregates over a subtree through the gateway, checked against the statistics and attendance computed other ways. */
const district = demoId('unit', 2);
const ward = demoId('unit', 10);
const otherDistrict = demoId('unit', 3);
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: district });
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => analyst);
});
afterAll(async () => federation?.close());

interface Answer {
  subtreeMemberCounts: { unitId: string; members: number; byStatus: { value: string; count: number }[] } | null;
  memberStatistics: { members: number; byStatus: { value: string; count: number }[] };
  attendanceByMonth: { month: number; meetings: number; records: number; present: number; excused: number; absent: number; rate: number | null }[];
  attendanceRate: { meetings: number; records: number; present: number } | null;
}
const QUERY = `query ($id: ID!, $year: Int!) {
  subtreeMemberCounts(unitId: $id) { unitId members byStatus { value count } }
  memberStatistics(unitId: $id) { members byStatus { value count } }
  attendanceByMonth(unitId: $id, year: $year) { month meetings records present excused absent rate }
  attendanceRate(unitId: $id, year: $year) { meetings records present }
}`;

describe('aggregates over a subtree', () => {
  it.each([['a district', district], ['a ward', ward]])('count %s’s members by status as the statistics do, and its attendance month by month as the year’s total', async (_name, unitId) => {
    const { data, errors } = await federation.post<Answer>(QUERY, { id: unitId, year: 2025 });
    expect(errors).toBeUndefined();
    const counts = data!.subtreeMemberCounts!;
    expect(counts.members).toBeGreaterThan(0);
    expect(counts.members).toBe(data!.memberStatistics.members);
    expect(Object.fromEntries(counts.byStatus.map((row) => [row.value, row.count]))).toEqual(
      Object.fromEntries(data!.memberStatistics.byStatus.map((row) => [row.value, row.count])),
    );
    const months = data!.attendanceByMonth;
    expect(months.map((month) => month.month)).toEqual([...months.map((month) => month.month)].sort((a, b) => a - b));
    const sum = (key: 'meetings' | 'records' | 'present') => months.reduce((total, month) => total + month[key], 0);
    expect([sum('meetings'), sum('records'), sum('present')]).toEqual([data!.attendanceRate!.meetings, data!.attendanceRate!.records, data!.attendanceRate!.present]);
  });

  it('reveals nothing outside the caller’s scope', async () => {
    const { data, errors } = await federation.post<Answer>(QUERY.replace(/memberStatistics[^\n]*\n/, ''), { id: otherDistrict, year: 2025 });
    expect(errors).toBeUndefined();
    expect(data!.subtreeMemberCounts).toBeNull();
    expect(data!.attendanceByMonth).toEqual([]);
  });
});
