import type { Caller } from '@dangvien/auth';
import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { todayInVietnam } from '@dangvien/db';

const dayAfter = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Cell meetings with attendance, the three-month absence alert (xóa tên) and the attendance rate. */
const demo = demoDataSet();
const cell = demoId('unit', 101);
const committee = demoId('unit', 10);
const roster = demo.members.filter((member) => member.cellId === cell && ['OFFICIAL', 'PROBATIONARY'].includes(member.status));
const exempt = demo.members.find((member) => member.status === 'EXEMPT')!;
const exemptCaller = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: exempt.cellId });
const [absentee, excused, twice, ...others] = roster;
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const caller: Caller = secretary;

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => caller);
});
afterAll(async () => federation?.close());

const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);
const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);
const RECORD = `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { id heldOn kind cell { id name } attendance { member { id } status reason } } }`;
const ALERT = `query ($unitId: ID!, $year: Int!) { absentThreeMonths(unitId: $unitId, year: $year) { member { id fullName } months } }`;
const RATE = `query ($unitId: ID!, $year: Int!) { attendanceRate(unitId: $unitId, year: $year) { meetings records present excused absent rate } }`;

const counts = async () => {
  const db = federation.evaluation.db;
  const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return { meetings: await count('meeting'), attendance: await count('attendance'), audit: await count('audit_log') };
};

/** A monthly meeting: `absentee` absent without reason; `excused` excused; `twice` absent in March and July only. */
const meeting = (heldOn: string) => {
  const month = Number(heldOn.slice(5, 7));
  return {
    cellId: cell,
    heldOn,
    kind: 'REGULAR',
    agenda: 'Sinh hoạt chi bộ thường kỳ',
    resolution: 'Thống nhất nhiệm vụ tháng tới',
    attendance: [
      { memberId: absentee!.id, status: 'ABSENT' },
      { memberId: excused!.id, status: 'EXCUSED', reason: 'Ốm, có giấy của trạm y tế' },
      { memberId: twice!.id, status: month === 3 || month === 7 ? 'ABSENT' : 'PRESENT' },
      ...others.map((member) => ({ memberId: member.id, status: 'PRESENT' })),
    ],
  };
};

describe('meetings and attendance', () => {
  it('records the March, July and October meetings of a cell through the gateway', async () => {
    expect(roster.length).toBeGreaterThanOrEqual(4);
    for (const heldOn of ['2026-03-03', '2026-07-03', '2026-10-03']) {
      const response = await post<{ recordMeeting: { kind: string; cell: { name: string }; attendance: { status: string }[] } }>(RECORD, { input: meeting(heldOn) });
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordMeeting).toMatchObject({ kind: 'REGULAR', cell: { name: 'Chi bộ Tổ dân phố số 1' } });
      expect(response.data!.recordMeeting.attendance).toHaveLength(roster.length);
    }
  });

  it('alerts on the member absent without reason in three different months, not the excused one nor one absent in two', async () => {
    for (const unitId of [cell, committee]) {
      const response = await as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee }), () => post<{ absentThreeMonths: { member: { id: string; fullName: string }; months: number[] }[] }>(ALERT, { unitId, year: 2026 }));
      expect(response.errors).toBeUndefined();
      expect(response.data!.absentThreeMonths).toEqual([{ member: { id: absentee!.id, fullName: absentee!.fullName }, months: [3, 7, 10] }]);
    }
    const otherYear = await post<{ absentThreeMonths: unknown[] }>(ALERT, { unitId: cell, year: 2025 });
    expect(otherYear.data!.absentThreeMonths).toEqual([]);
    const outside = await as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) }), () => post<{ absentThreeMonths: unknown[] }>(ALERT, { unitId: cell, year: 2026 }));
    expect(outside.data!.absentThreeMonths).toEqual([]);
  });

  it('lists a unit’s meetings of the year on OrgUnit, through the organization subgraph', async () => {
    const response = await as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee }), () =>
      post<{ orgUnit: { name: string; meetings: { heldOn: string; attendance: { status: string }[] }[] } }>(`query ($id: ID!) { orgUnit(id: $id) { name meetings(year: 2026) { heldOn attendance { status } } } }`, { id: committee }),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.orgUnit.meetings.map((row) => row.heldOn)).toEqual(['2026-03-03', '2026-07-03', '2026-10-03']);
  });

  it('computes the attendance rate of a cell and its ward in SQL', async () => {
    const present = 3 * others.length + 1; // `twice` was present in October
    const records = 3 * roster.length;
    const expected = { meetings: 3, records, present, excused: 3, absent: 3 + 2, rate: present / records };
    for (const unitId of [cell, committee]) {
      const response = await as(callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }), () => post<{ attendanceRate: Record<string, number> }>(RATE, { unitId, year: 2026 }));
      expect(response.errors).toBeUndefined();
      expect(response.data!.attendanceRate).toEqual(expected);
    }
    const elsewhere = await as(callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }), () => post<{ attendanceRate: Record<string, number> }>(RATE, { unitId: demoId('unit', 11), year: 2026 }));
    expect(elsewhere.data!.attendanceRate).toMatchObject({ meetings: 0, records: 0, rate: null });
  });

  describe('refuses with a clear code and changes nothing', () => {
    const base = () => meeting('2026-11-03');
    it.each([
      ['attendance for a member of another cell', () => post(RECORD, { input: { ...base(), attendance: [{ memberId: demo.members.find((member) => member.cellId === demoId('unit', 102))!.id, status: 'PRESENT' }] } }), 'BAD_USER_INPUT'],
      ['attendance for an exempt member', () => as(exemptCaller, () => post(RECORD, { input: { ...base(), cellId: exempt.cellId, attendance: [{ memberId: exempt.id, status: 'PRESENT' }] } })), 'BAD_USER_INPUT'],
      ['an excused absence without a reason', () => post(RECORD, { input: { ...base(), attendance: [{ memberId: absentee!.id, status: 'EXCUSED' }] } }), 'BAD_USER_INPUT'],
      ['an impossible date', () => post(RECORD, { input: { ...base(), heldOn: '2026-02-30' } }), 'BAD_USER_INPUT'],
      ['a meeting dated tomorrow', () => post(RECORD, { input: { ...base(), heldOn: dayAfter(todayInVietnam(), 1) } }), 'BAD_USER_INPUT'],
      ['a meeting dated next year', () => post(RECORD, { input: { ...base(), heldOn: `${Number(todayInVietnam().slice(0, 4)) + 1}-01-15` } }), 'BAD_USER_INPUT'],
      ['a meeting of a cell outside the caller’s scope', () => post(RECORD, { input: { ...base(), cellId: demoId('unit', 102), attendance: [] } }), 'NOT_FOUND'],
      ['a meeting recorded by an analyst', () => as(callerWith({ role: 'ANALYST', scopeUnitId: cell }), () => post(RECORD, { input: base() })), 'FORBIDDEN'],
    ])('%s', async (_case, run, code) => {
      const before = await counts();
      const response = await run();
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơư]/i);
      expect(await counts()).toEqual(before);
    });
  });

  it('refuses a meeting dated after today, naming the date, and records one held today', async () => {
    const today = todayInVietnam();
    const tomorrow = dayAfter(today, 1);
    const before = await counts();
    const future = await post(RECORD, { input: meeting(tomorrow) });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldOn' });
    expect(future.errors?.[0]?.message).toBe(`Ngày sinh hoạt ${tomorrow.split('-').reverse().join('/')} chưa đến.`);
    expect(await counts()).toEqual(before);

    const held = await post<{ recordMeeting: { heldOn: string } }>(RECORD, { input: { ...meeting(today), kind: 'THEMATIC' } });
    expect(held.errors).toBeUndefined();
    expect(held.data!.recordMeeting.heldOn).toBe(today);
    expect(await counts()).toEqual({ meetings: before.meetings + 1, attendance: before.attendance + roster.length, audit: before.audit + 1 });
  });
});
