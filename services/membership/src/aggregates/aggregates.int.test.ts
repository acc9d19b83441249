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

describe('counts with or without the members who left', () => {
  const admin = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
  const commune = demoId('unit', 11);
  const cell = demoId('unit', 111);
  const COUNTS = `query ($id: ID!, $includeLeft: Boolean) { subtreeMemberCounts(unitId: $id, includeLeft: $includeLeft) { members byStatus { value count } } }`;
  type Counts = { members: number; byStatus: Record<string, number> };
  const counts = async (unitId: string, includeLeft?: boolean): Promise<Counts> => {
    const { data, errors } = await federation.post<{ subtreeMemberCounts: { members: number; byStatus: { value: string; count: number }[] } }>(COUNTS, { id: unitId, includeLeft });
    expect(errors).toBeUndefined();
    const answer = data!.subtreeMemberCounts;
    return { members: answer.members, byStatus: Object.fromEntries(answer.byStatus.map((row) => [row.value, row.count])) };
  };
  let before: Counts;

  beforeAll(async () => {
    before = await counts(commune);
    const roster = await federation.post<{ orgUnit: { members: { id: string; status: string }[] } }>(`query ($id: ID!) { orgUnit(id: $id) { members(first: 500) { id status } } }`, { id: cell });
    const [died, expelled, transferred] = roster.data!.orgUnit.members.filter((member) => member.status === 'OFFICIAL');
    const as = <T>(query: string, input: Record<string, unknown>) => federation.as(admin, () => federation.post<T>(query, { input }));
    for (const response of [
      await as(`mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id } }`, { memberId: died!.id, kind: 'DIED', occurredOn: '2026-02-10' }),
      await as(`mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id } }`, { memberId: expelled!.id, kind: 'DISCIPLINE', occurredOn: '2026-03-02', details: { disciplineLevel: 'EXPULSION' } }),
      await as(`mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`, {
        memberId: transferred!.id, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', externalOrganization: 'Đảng bộ tỉnh Thái Bình', letterNumber: '09-GGT/ĐU', letterIssuedOn: '2026-04-01',
      }),
    ]) {
      expect(response.errors).toBeUndefined();
    }
    await federation.catchUp();
    const dissolved = await as(`mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }`, { id: cell, successorId: demoId('unit', 112), effectiveDate: '2026-06-01', decisionNumber: '50-QĐ/ĐU' });
    expect(dissolved.errors).toBeUndefined();
    await federation.catchUp();
  });

  it('leaves them out by default, and counts them apart, by how they left, when asked to include them', async () => {
    const without = await counts(commune);
    expect(without.members).toBe(before.members - 3);
    expect(Object.keys(without.byStatus).sort()).toEqual(Object.keys(before.byStatus).sort());
    expect(await counts(commune, false)).toEqual(without);
    const withLeft = await counts(commune, true);
    expect(withLeft.members).toBe(without.members);
    expect(withLeft.byStatus).toEqual({ ...without.byStatus, LEFT: 1, DECEASED: 1, TRANSFERRED_OUT: 1 });
    expect((await counts(district, true)).byStatus).toMatchObject({ LEFT: 1, DECEASED: 1, TRANSFERRED_OUT: 1 });
  });

  it('counts no record held by another unit: the sibling ward has none', async () => {
    const sibling = await counts(ward, true);
    expect(sibling).toEqual(await counts(ward));
    expect(Object.keys(sibling.byStatus)).not.toContain('LEFT');
  });
});
