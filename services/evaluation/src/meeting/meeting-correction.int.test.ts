import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { callerWith, dataOf, demoDataSet, demoId, type GraphQLResponse } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { todayInVietnam } from '@dangvien/db';

/**
 * Minutes sent again by an offline client (one meeting per idempotency key), and corrections of a
 * meeting under the dated rule: within 30 days of the meeting, never once the members review cycle
 * covering it is closed, with the roster of the meeting day; refusals change nothing.
 */
const demo = demoDataSet();
const district = demoId('unit', 2);
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const otherCell = demoId('unit', 102);
/** A cell of another grassroots organization (Đảng bộ 11). */
const farCell = demoId('unit', 111);
const taking = (member: { status: string }) => ['OFFICIAL', 'PROBATIONARY'].includes(member.status);
const roster = demo.members.filter((member) => member.cellId === cell && taking(member));
const farRoster = demo.members.filter((member) => member.cellId === farCell && taking(member));
const stranger = demo.members.find((member) => member.cellId === otherCell && taking(member))!;
const [first, second, ...others] = roster;

const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const otherSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: otherCell });
const farSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: farCell });
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });

/** Days before today in Vietnam (the day corrections are judged on). */
const daysAgo = (days: number): string => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const recent = daysAgo(5);
const year = Number(recent.slice(0, 4));

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => secretary);
});
afterAll(async () => federation?.close());

const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);
const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);

type MeetingSeen = { id: string; heldOn: string; kind: string; agenda: string; resolution: string | null; attendance: { member: { id: string }; status: string; reason: string | null }[] };
const FIELDS = `id heldOn kind agenda resolution attendance { member { id } status reason }`;
const RECORD = `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${FIELDS} } }`;
const MEETINGS = `query ($id: ID!, $year: Int!) { orgUnit(id: $id) { meetings(year: $year) { ${FIELDS} } } }`;
const AUDIT = `query ($entityId: ID) { evaluationAuditLog(entityId: $entityId) { operation entityId before after } }`;
const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`;
const CLOSE = `mutation ($id: ID!) { closeReviewCycle(id: $id) { status } }`;

const everyonePresent = (members: readonly { id: string }[]) => members.map((member) => ({ memberId: member.id, status: 'PRESENT' }));
const minutes = (heldOn: string, extra: Record<string, unknown> = {}) => ({
  cellId: cell,
  heldOn,
  kind: 'REGULAR',
  agenda: 'Sinh hoạt chi bộ thường kỳ',
  resolution: 'Thống nhất nhiệm vụ tháng tới',
  attendance: everyonePresent(roster),
  ...extra,
});

const meetingsOn = async (unitId: string, day: string): Promise<MeetingSeen[]> => {
  const data = dataOf(await as(ward, () => post<{ orgUnit: { meetings: MeetingSeen[] } }>(MEETINGS, { id: unitId, year: Number(day.slice(0, 4)) })));
  return data.orgUnit.meetings.filter((meeting) => meeting.heldOn === day);
};
const auditOf = async (entityId: string) => dataOf(await as(districtBoard, () => post<{ evaluationAuditLog: { operation: string; before: string | null; after: string | null }[] }>(AUDIT, { entityId }))).evaluationAuditLog;

/** Everything a refused or repeated call must leave as it was: row counts, the meetings' rows and their attendance. */
const snapshot = async () => {
  const db = federation.evaluation.db;
  const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return {
    meetings: await count('meeting'),
    attendance: await count('attendance'),
    audit: await count('audit_log'),
    rows: (await sql`SELECT id, kind, agenda, resolution, present_count, excused_count, absent_count FROM meeting ORDER BY id`.execute(db)).rows,
    attended: (await sql`SELECT meeting_id, member_id, status, reason FROM attendance ORDER BY meeting_id, member_id`.execute(db)).rows,
  };
};

const expectRefused = async (run: () => Promise<GraphQLResponse<unknown>>, extensions: Record<string, unknown>) => {
  const before = await snapshot();
  const response = await run();
  expect(response.errors?.[0]?.extensions).toMatchObject(extensions);
  expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệốờ]/i);
  expect(await snapshot()).toEqual(before);
};

describe('minutes sent again by an offline client', () => {
  const key = randomUUID();

  it('records one meeting and one audit record for a change delivered twice with its key', async () => {
    const before = await snapshot();
    const recorded = dataOf(await post<{ recordMeeting: MeetingSeen }>(RECORD, { input: minutes(recent, { clientRequestId: key }) })).recordMeeting;
    const afterFirst = await snapshot();
    expect(afterFirst).toMatchObject({ meetings: before.meetings + 1, attendance: before.attendance + roster.length, audit: before.audit + 1 });

    const resent = dataOf(await post<{ recordMeeting: MeetingSeen }>(RECORD, { input: minutes(recent, { clientRequestId: key }) })).recordMeeting;
    expect(resent).toEqual(recorded);
    expect(await snapshot()).toEqual(afterFirst);
    expect((await meetingsOn(cell, recent)).map((meeting) => meeting.id)).toEqual([recorded.id]);
    expect((await auditOf(recorded.id)).map((record) => record.operation)).toEqual(['recordMeeting']);
  });

  it('refuses the key for another cell’s meeting, and a key that is not a UUID', async () => {
    await expectRefused(
      () => as(otherSecretary, () => post(RECORD, { input: minutes(recent, { cellId: otherCell, attendance: [{ memberId: stranger.id, status: 'PRESENT' }], clientRequestId: key }) })),
      { code: 'CONFLICT', field: 'clientRequestId' },
    );
    await expectRefused(() => post(RECORD, { input: minutes(daysAgo(6), { clientRequestId: 'lần-1' }) }), { code: 'BAD_USER_INPUT', field: 'clientRequestId' });
  });

  it('without a key, as before: the same minutes sent twice are refused as a duplicate', async () => {
    dataOf(await post(RECORD, { input: minutes(recent, { kind: 'THEMATIC' }) }));
    await expectRefused(() => post(RECORD, { input: minutes(recent, { kind: 'THEMATIC' }) }), { code: 'CONFLICT', field: 'heldOn' });
  });
});

describe('correcting a meeting', () => {
  let meeting: MeetingSeen;
  let old: MeetingSeen;
  const corrected = () => ({
    id: meeting.id,
    agenda: 'Sinh hoạt chi bộ thường kỳ: kiểm điểm công tác tháng',
    resolution: null,
    attendance: [
      { memberId: first!.id, status: 'EXCUSED', reason: 'Đi viện, có giấy ra viện' },
      { memberId: second!.id, status: 'ABSENT' },
      ...everyonePresent(others),
    ],
  });

  beforeAll(async () => {
    meeting = (await meetingsOn(cell, recent)).find((row) => row.kind === 'REGULAR')!;
    old = dataOf(await post<{ recordMeeting: MeetingSeen }>(RECORD, { input: minutes(daysAgo(40)) })).recordMeeting;
  });

  it('replaces the agenda, the resolution and the whole attendance, recounts the row and audits before and after', async () => {
    const before = await snapshot();
    const updated = dataOf(await post<{ updateMeeting: MeetingSeen }>(UPDATE, { input: corrected() })).updateMeeting;
    expect(updated).toMatchObject({ id: meeting.id, heldOn: recent, kind: 'REGULAR', agenda: corrected().agenda, resolution: null });
    const byMember = new Map(updated.attendance.map((row) => [row.member.id, row]));
    expect(byMember.size).toBe(roster.length);
    expect(byMember.get(first!.id)).toMatchObject({ status: 'EXCUSED', reason: 'Đi viện, có giấy ra viện' });
    expect(byMember.get(second!.id)).toMatchObject({ status: 'ABSENT', reason: null });
    expect((await meetingsOn(cell, recent)).find((row) => row.id === meeting.id)).toEqual(updated);

    const row = (await sql<{ present_count: number; excused_count: number; absent_count: number }>`SELECT present_count, excused_count, absent_count FROM meeting WHERE id = ${meeting.id}`.execute(federation.evaluation.db)).rows[0];
    expect(row).toEqual({ present_count: others.length, excused_count: 1, absent_count: 1 });
    expect(await snapshot()).toMatchObject({ meetings: before.meetings, attendance: before.attendance, audit: before.audit + 1 });

    const [record] = await auditOf(meeting.id);
    expect(record!.operation).toBe('updateMeeting');
    expect(JSON.parse(record!.before!)).toMatchObject({ heldOn: recent, agenda: 'Sinh hoạt chi bộ thường kỳ', resolution: 'Thống nhất nhiệm vụ tháng tới' });
    expect(JSON.parse(record!.after!)).toMatchObject({ heldOn: recent, agenda: corrected().agenda, resolution: null });
    expect(JSON.parse(record!.after!).attendance).toContainEqual({ memberId: first!.id, status: 'EXCUSED', reason: 'Đi viện, có giấy ra viện' });
  });

  it('writes nothing when the same correction arrives again', async () => {
    const before = await snapshot();
    dataOf(await post(UPDATE, { input: corrected() }));
    expect(await snapshot()).toEqual(before);
  });

  it('changes the kind when asked, but not onto a meeting of that kind the same day', async () => {
    await expectRefused(() => post(UPDATE, { input: { ...corrected(), kind: 'THEMATIC' } }), { code: 'CONFLICT', field: 'heldOn' });
  });

  it.each([
    ['a meeting held more than 30 days ago', () => post(UPDATE, { input: { ...corrected(), id: old.id } }), { code: 'CONFLICT', reason: 'CORRECTION_WINDOW_PASSED' }],
    ['a member not on the cell’s roster that day', () => post(UPDATE, { input: { ...corrected(), attendance: [...corrected().attendance, { memberId: stranger.id, status: 'PRESENT' }] } }), { code: 'BAD_USER_INPUT', reason: 'NOT_ON_ROSTER', memberId: stranger.id, line: roster.length + 1 }],
    ['an excused absence without a reason', () => post(UPDATE, { input: { ...corrected(), attendance: [{ memberId: first!.id, status: 'EXCUSED' }] } }), { code: 'BAD_USER_INPUT', field: 'reason' }],
    ['a member listed twice', () => post(UPDATE, { input: { ...corrected(), attendance: [...corrected().attendance, { memberId: first!.id, status: 'PRESENT' }] } }), { code: 'BAD_USER_INPUT', field: 'attendance' }],
    ['an empty agenda', () => post(UPDATE, { input: { ...corrected(), agenda: '  ' } }), { code: 'BAD_USER_INPUT', field: 'agenda' }],
    ['a meeting of a cell outside the caller’s scope', () => as(otherSecretary, () => post(UPDATE, { input: corrected() })), { code: 'NOT_FOUND' }],
    ['a correction by the ward committee (the cell keeps its minutes)', () => as(ward, () => post(UPDATE, { input: corrected() })), { code: 'FORBIDDEN' }],
    ['a correction by an analyst', () => as(analyst, () => post(UPDATE, { input: corrected() })), { code: 'FORBIDDEN' }],
    ['a meeting that does not exist', () => post(UPDATE, { input: { ...corrected(), id: randomUUID() } }), { code: 'NOT_FOUND' }],
  ])('refuses %s and changes nothing', async (_case, run, extensions) => {
    await expectRefused(run, extensions);
  });

  it('is allowed while the review cycle of the year is open, and refused once it is closed; another organization’s meetings stay correctable', async () => {
    const far = dataOf(await as(farSecretary, () => post<{ recordMeeting: MeetingSeen }>(RECORD, { input: minutes(recent, { cellId: farCell, attendance: everyonePresent(farRoster) }) }))).recordMeeting;
    const cycle = dataOf(await as(ward, () => post<{ openReviewCycle: { id: string } }>(OPEN, { input: { unitId: committee, year, period: 'YEAR', closesOn: `${year}-12-31` } }))).openReviewCycle;
    dataOf(await post(UPDATE, { input: { ...corrected(), resolution: 'Nghị quyết tháng' } }));

    dataOf(await as(ward, () => post(CLOSE, { id: cycle.id })));
    await expectRefused(() => post(UPDATE, { input: { ...corrected(), resolution: 'Sửa sau khi khóa' } }), { code: 'CONFLICT', reason: 'REVIEW_CYCLE_CLOSED' });
    const farUpdated = dataOf(await as(farSecretary, () => post<{ updateMeeting: MeetingSeen }>(UPDATE, { input: { id: far.id, agenda: 'Sinh hoạt chuyên đề', kind: 'THEMATIC', attendance: everyonePresent(farRoster) } }))).updateMeeting;
    expect(farUpdated).toMatchObject({ kind: 'THEMATIC', agenda: 'Sinh hoạt chuyên đề', resolution: null });
  });
});
