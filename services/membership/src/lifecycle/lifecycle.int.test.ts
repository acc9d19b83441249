import type { Caller } from '@dangvien/auth';
import { consistencyReport } from '@dangvien/stack';
import { callerWith, demoId, postGraphQL, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The member record and its lifecycle through the gateway, on real databases: dated events, the
 * status derived from them (now and on any date), refusals that change nothing, sensitive fields,
 * and evaluation's copy of the status kept in step.
 */
const cell = demoId('unit', 101);
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
let caller: Caller = ward;
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => caller);
});
afterAll(async () => federation?.close());

async function as<T>(who: Caller, run: () => Promise<T>): Promise<T> {
  caller = who;
  try {
    return await run();
  } finally {
    caller = ward;
  }
}

type Response<T> = Awaited<ReturnType<typeof postGraphQL<T>>>;
const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<Response<T>> => postGraphQL<T>(federation.gateway.url, query, variables);

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id fullName status citizenId } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const UPDATE = `mutation ($id: ID!, $input: MemberProfileInput!) { updateMemberProfile(id: $id, input: $input) { id fullName partyCardNumber partyCardHistory { cardNumber } } }`;
type Created = { createMember: { id: string; fullName: string; status: string; citizenId: string | null } };
type Recorded = { recordMemberEvent: { id: string; status: string } };

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.membership.db)).rows[0]!.n);
const counts = async () => ({ member: await count('member'), events: await count('member_event'), audit: await count('audit_log'), outbox: await count('outbox_event'), cards: await count('member_party_card') });
const replicaStatus = async (memberId: string) =>
  (await sql<{ status: string }>`SELECT status FROM member_replica WHERE member_id = ${memberId}`.execute(federation.evaluation.db)).rows[0]?.status;

const profile = {
  fullName: 'Nguyễn Thị Hoa',
  birthName: 'Nguyễn Thị Hoa',
  sex: 'FEMALE',
  dateOfBirth: '1990-05-10',
  ethnicity: 'Kinh',
  religion: 'Không',
  citizenId: '036190001234',
  hometown: 'Xuân Trường, Nam Định',
  residence: 'Tổ dân phố số 1, thị trấn Xuân Trường',
  phone: '0912 345 678',
  educationLevel: '12/12',
  professionalQualification: 'Cử nhân kế toán',
  politicalTheoryLevel: 'TRUNG_CAP',
  occupation: 'Kế toán',
  workplace: 'Hợp tác xã Xuân Trường',
  partyCardNumber: '36.001234',
  profileNumber: 'HS-0001',
};
let hoa: string;

describe('a member’s whole life, as dated events', () => {
  it('records a candidate, who is not yet on the cell’s roster', async () => {
    const response = await post<Created>(CREATE, { input: { profile, cellId: cell, candidateSince: '2019-03-01' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createMember).toMatchObject({ fullName: 'Nguyễn Thị Hoa', status: 'CANDIDATE', citizenId: '036190001234' });
    hoa = response.data!.createMember.id;
    const roster = await post<{ orgUnit: { members: { id: string }[] } }>(`query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } } }`, { id: cell });
    expect(roster.data!.orgUnit.members.map((member) => member.id)).not.toContain(hoa);
  });

  it('admits, makes official on the default date (12 months later), exempts, records the death; the status follows each event', async () => {
    const steps = [
      [{ kind: 'ADMITTED', occurredOn: '2020-02-03', decisionNumber: '15-QĐ/ĐU' }, 'PROBATIONARY'],
      [{ kind: 'OFFICIAL', decisionNumber: '40-QĐ/ĐU' }, 'OFFICIAL'],
      [{ kind: 'EXEMPT', occurredOn: '2024-06-01', details: { reason: 'Điều trị bệnh dài ngày' } }, 'EXEMPT'],
      [{ kind: 'DIED', occurredOn: '2025-01-15' }, 'DECEASED'],
    ] as const;
    for (const [event, status] of steps) {
      const response = await post<Recorded>(RECORD, { input: { memberId: hoa, ...event } });
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordMemberEvent.status).toBe(status);
      await federation.catchUp();
      expect(await replicaStatus(hoa)).toBe(status); // evaluation's copy follows
    }
  });

  it('answers the status on any date, and keeps every event', async () => {
    const dates = ['2019-02-28', '2019-03-01', '2020-02-02', '2020-02-03', '2021-02-02', '2021-02-03', '2024-05-31', '2024-06-01', '2025-01-14', '2025-01-15'];
    const query = `query ($id: ID!) { member(id: $id) { status partyAge admittedOn events { kind occurredOn decisionNumber reason recordedBy }
      ${dates.map((date, index) => `d${index}: statusOn(date: "${date}")`).join(' ')} } }`;
    const response = await post<{ member: Record<string, unknown> & { events: { kind: string; occurredOn: string; decisionNumber: string | null; reason: string | null; recordedBy: string }[] } }>(query, { id: hoa });
    expect(response.errors).toBeUndefined();
    const member = response.data!.member;
    expect(dates.map((_date, index) => member[`d${index}`])).toEqual([
      null,
      'CANDIDATE',
      'CANDIDATE',
      'PROBATIONARY',
      'PROBATIONARY',
      'OFFICIAL',
      'OFFICIAL',
      'EXEMPT',
      'EXEMPT',
      'DECEASED',
    ]);
    expect(member.status).toBe('DECEASED');
    expect(member.admittedOn).toBe('2020-02-03');
    expect(member.partyAge).toBeGreaterThanOrEqual(6);
    expect(member.events.map((event) => [event.kind, event.occurredOn])).toEqual([
      ['CANDIDATE', '2019-03-01'],
      ['ADMITTED', '2020-02-03'],
      ['OFFICIAL', '2021-02-03'],
      ['EXEMPT', '2024-06-01'],
      ['DIED', '2025-01-15'],
    ]);
    expect(member.events[1]!.decisionNumber).toBe('15-QĐ/ĐU');
    expect(member.events[3]!.reason).toBe('Điều trị bệnh dài ngày');
    expect(member.events.every((event) => event.recordedBy.includes(ward.subject))).toBe(true);
    expect(await count('member_event')).toBe(5);
  });

  it('leaves every replica equal to its source', async () => {
    await federation.catchUp();
    const report = await consistencyReport(federation.urls(), TEST_EVENT_FEED_SECRET);
    expect(report.replicas.every((check) => check.matches)).toBe(true);
    expect(report.ok).toBe(true);
  });
});

describe('refusals change, publish and audit nothing', () => {
  let probationary: string;
  let other: string;

  beforeAll(async () => {
    const a = await post<Created>(CREATE, { input: { profile: { fullName: 'Trần Văn Nam', dateOfBirth: '1985-01-20', citizenId: '036085000001' }, cellId: cell, admittedOn: '2025-03-01' } });
    const b = await post<Created>(CREATE, { input: { profile: { fullName: 'Lê Thị Mai', dateOfBirth: '1985-07-07', citizenId: '036185000002' }, cellId: cell, admittedOn: '2010-03-01' } });
    expect(a.errors ?? b.errors).toBeUndefined();
    probationary = a.data!.createMember.id;
    other = b.data!.createMember.id;
  });

  const cases: [string, () => { query: string; variables: Record<string, unknown>; as?: Caller }, string, string?][] = [
    ['a duplicate CCCD on create', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Phạm Văn Long', dateOfBirth: '1990-01-01', citizenId: '036190001234' }, cellId: cell, admittedOn: '2010-01-01' } } }), 'CONFLICT', 'citizenId'],
    ['a duplicate CCCD on update', () => ({ query: UPDATE, variables: { id: other, input: { citizenId: '036085000001' } } }), 'CONFLICT', 'citizenId'],
    ['a CCCD whose first 3 digits are no province', () => ({ query: UPDATE, variables: { id: other, input: { citizenId: '099185000002' } } }), 'BAD_USER_INPUT', 'citizenId'],
    ['a CCCD whose year disagrees with the date of birth', () => ({ query: UPDATE, variables: { id: other, input: { citizenId: '036186000002' } } }), 'BAD_USER_INPUT', 'citizenId'],
    ['a CCCD of the wrong century', () => ({ query: UPDATE, variables: { id: other, input: { citizenId: '036385000002' } } }), 'BAD_USER_INPUT', 'citizenId'],
    ['a date of birth that disagrees with the CCCD', () => ({ query: UPDATE, variables: { id: other, input: { dateOfBirth: '1986-07-07' } } }), 'BAD_USER_INPUT', 'dateOfBirth'],
    ['a CCCD whose sex digit disagrees', () => ({ query: UPDATE, variables: { id: other, input: { sex: 'MALE' } } }), 'BAD_USER_INPUT', 'sex'],
    ['a new member whose CCCD disagrees with the birth year', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Phạm Văn Sơn', dateOfBirth: '1980-01-01', citizenId: '036090004321' }, cellId: cell, admittedOn: '2010-01-01' } } }), 'BAD_USER_INPUT', 'citizenId'],
    ['a duplicate party card number', () => ({ query: UPDATE, variables: { id: other, input: { partyCardNumber: '36.001234' } } }), 'CONFLICT', 'partyCardNumber'],
    ['a CCCD that is not 12 digits', () => ({ query: UPDATE, variables: { id: other, input: { citizenId: '03618500000' } } }), 'BAD_USER_INPUT', 'citizenId'],
    ['an admission at 17', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Vũ Văn Tú', dateOfBirth: '2008-06-01' }, cellId: cell, admittedOn: '2025-05-31' } } }), 'BAD_USER_INPUT', 'occurredOn'],
    ['a date of birth that makes an admission too old', () => ({ query: UPDATE, variables: { id: other, input: { dateOfBirth: '1940-01-01' } } }), 'BAD_USER_INPUT', 'occurredOn'],
    ['official status dated before the admission', () => ({ query: RECORD, variables: { input: { memberId: probationary, kind: 'OFFICIAL', occurredOn: '2025-01-15' } } }), 'BAD_USER_INPUT', 'occurredOn'],
    ['official status before 12 months of probation', () => ({ query: RECORD, variables: { input: { memberId: probationary, kind: 'OFFICIAL', occurredOn: '2025-09-01' } } }), 'BAD_USER_INPUT', 'occurredOn'],
    ['a death dated before a decision already recorded (said so, not "already dead")', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'DIED', occurredOn: '2009-01-01' } } }), 'CONFLICT', 'occurredOn'],
    ['an event after death', () => ({ query: RECORD, variables: { input: { memberId: hoa, kind: 'EXEMPT_ENDED', occurredOn: '2025-03-01' } } }), 'CONFLICT'],
    ['a discipline without its level', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'DISCIPLINE', occurredOn: '2024-03-01' } } }), 'BAD_USER_INPUT'],
    ['an impossible date', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'EXEMPT', occurredOn: '2024-02-30' } } }), 'BAD_USER_INPUT', 'occurredOn'],
    ['a member outside the caller’s subtree', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'EXEMPT', occurredOn: '2024-03-01' } }, as: callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) }) }), 'NOT_FOUND'],
    ['a profile change outside the caller’s subtree', () => ({ query: UPDATE, variables: { id: other, input: { phone: '0987654321' } }, as: callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) }) }), 'NOT_FOUND'],
    ['a cell outside the caller’s subtree', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Đỗ Văn Hải', dateOfBirth: '1990-01-01' }, cellId: demoId('unit', 111), admittedOn: '2020-01-01' } } }), 'NOT_FOUND'],
    ['a unit that is not a cell', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Đỗ Văn Hải', dateOfBirth: '1990-01-01' }, cellId: demoId('unit', 10), admittedOn: '2020-01-01' } } }), 'BAD_USER_INPUT', 'cellId'],
    ['an analyst recording an event', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'EXEMPT', occurredOn: '2024-03-01' } }, as: callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }) }), 'FORBIDDEN'],
    ['a cell secretary recording an event (a committee’s decision)', () => ({ query: RECORD, variables: { input: { memberId: other, kind: 'EXEMPT', occurredOn: '2024-03-01' } }, as: callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell }) }), 'FORBIDDEN'],
    ['an analyst creating a member', () => ({ query: CREATE, variables: { input: { profile: { fullName: 'Đỗ Văn Hải', dateOfBirth: '1990-01-01' }, cellId: cell, admittedOn: '2020-01-01' } }, as: callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }) }), 'FORBIDDEN'],
  ];

  it.each(cases)('refuses %s', async (_case, request, code, field) => {
    const { query, variables, as: who } = request();
    const before = await counts();
    const response = await as(who ?? ward, () => post(query, variables));
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệố]/i); // Vietnamese, for the clerk
    expect(await counts()).toEqual(before);
  });

  it('accepts the same requests when they are right (so each refusal above is about its one defect)', async () => {
    const before = await counts();
    const exempt = await post<Recorded>(RECORD, { input: { memberId: other, kind: 'EXEMPT', occurredOn: '2024-03-01' } });
    expect(exempt.data?.recordMemberEvent.status).toBe('EXEMPT');
    const discipline = await post<Recorded>(RECORD, { input: { memberId: other, kind: 'DISCIPLINE', occurredOn: '2024-04-01', details: { disciplineLevel: 'EXPULSION' } } });
    expect(discipline.data?.recordMemberEvent.status).toBe('LEFT'); // expulsion means leaving the Party
    const after = await counts();
    expect(after.events).toBe(before.events + 2);
    expect(after.audit).toBe(before.audit + 2);
    expect(after.outbox).toBe(before.outbox + 3); // a MemberPlaced per status change, and MemberDisciplined for the expulsion
  });
});

describe('the profile', () => {
  it('stores text in NFC, keeps the party card history, and audits the change', async () => {
    const auditBefore = await count('audit_log');
    const response = await post<{ updateMemberProfile: { fullName: string; partyCardNumber: string; partyCardHistory: { cardNumber: string }[] } }>(UPDATE, {
      id: hoa,
      input: { fullName: 'Nguyễn  Thị Hoà'.normalize('NFD'), partyCardNumber: '36.009999' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateMemberProfile.fullName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect(response.data!.updateMemberProfile.partyCardHistory.map((card) => card.cardNumber)).toEqual(['36.001234', '36.009999']);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    // Her former card number stays hers: another member cannot take it.
    const before = await counts();
    const taken = await post(UPDATE, { id: hoa, input: { partyCardNumber: '36.001234' } });
    expect(taken.errors).toBeUndefined(); // she may get her own former card back
    const created = await post<Created>(CREATE, { input: { profile: { fullName: 'Hoàng Văn Sơn', dateOfBirth: '1970-02-02', partyCardNumber: '36.009999' }, cellId: cell, admittedOn: '2000-02-02' } });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'partyCardNumber' });
    expect((await counts()).member).toBe(before.member);
  });

  const SENSITIVE = `query ($id: ID!) { member(id: $id) { fullName dateOfBirth ethnicity religion citizenId } }`;
  type Sensitive = { member: { fullName: string; dateOfBirth: string; ethnicity: string | null; religion: string | null; citizenId: string | null } | null };

  it.each([
    ['ANALYST over the province', [{ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }], false],
    ['PROVINCIAL_SYSTEM over the province', [{ role: 'PROVINCIAL_SYSTEM', scopeUnitId: demoId('unit', 1) }], false],
    ['CELL_COMMITTEE of the cell', [{ role: 'CELL_COMMITTEE', scopeUnitId: cell }], false],
    ['ANALYST over the province and CELL_SECRETARY of another cell', [{ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }, { role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) }], false],
    ['CELL_SECRETARY of the cell', [{ role: 'CELL_SECRETARY', scopeUnitId: cell }], true],
    ['DISTRICT_BOARD of the district', [{ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }], true],
  ] as const)('sensitive fields for %s', async (_who, grants, readable) => {
    const response = await as(callerWith(...grants), () => post<Sensitive>(SENSITIVE, { id: hoa }));
    expect(response.errors).toBeUndefined();
    expect(response.data!.member!.dateOfBirth).toBe('1990-05-10');
    expect(response.data!.member).toMatchObject(readable ? { ethnicity: 'Kinh', religion: 'Không', citizenId: '036190001234' } : { ethnicity: null, religion: null, citizenId: null });
  });

  it('shows nothing of a member outside the caller’s subtree', async () => {
    const response = await as(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) }), () => post<Sensitive>(SENSITIVE, { id: hoa }));
    expect(response.data!.member).toBeNull();
  });

  it('reports possible duplicates (same CCCD, same name and birth date) and never merges them', async () => {
    const twin = await post<Created>(CREATE, { input: { profile: { fullName: 'Nguyễn Thị Hoà', dateOfBirth: '1990-05-10' }, cellId: demoId('unit', 102), admittedOn: '2015-05-19' } });
    expect(twin.errors).toBeUndefined();
    const QUERY = `query ($fullName: String, $dateOfBirth: String, $citizenId: String) { possibleDuplicates(fullName: $fullName, dateOfBirth: $dateOfBirth, citizenId: $citizenId) { member { id } reasons } }`;
    type Duplicates = { possibleDuplicates: { member: { id: string }; reasons: string[] }[] };
    const byName = await post<Duplicates>(QUERY, { fullName: 'nguyễn thị hoà', dateOfBirth: '1990-05-10', citizenId: '036190001234' });
    expect(byName.errors).toBeUndefined();
    const found = Object.fromEntries(byName.data!.possibleDuplicates.map((duplicate) => [duplicate.member.id, duplicate.reasons]));
    expect(found).toEqual({ [hoa]: ['SAME_CITIZEN_ID', 'SAME_NAME_AND_BIRTH_DATE'], [twin.data!.createMember.id]: ['SAME_NAME_AND_BIRTH_DATE'] });
    // An analyst does not read citizen IDs, so cannot search by one either.
    const analyst = await as(callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }), () => post<Duplicates>(QUERY, { citizenId: '036190001234' }));
    expect(analyst.data!.possibleDuplicates).toEqual([]);
    expect(await count('member')).toBeGreaterThan(0);
  });
});

describe('grassroots cells (chi bộ cơ sở)', () => {
  it('take members directly, since no cell sits below them', async () => {
    const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
    const school = await as(board, () =>
      post<{ createOrgUnit: { id: string } }>(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
        input: { code: 'ND-XT-THPT-A', name: 'Chi bộ Trường THPT Xuân Trường A', kind: 'GRASSROOTS_CELL', category: 'SCHOOL', parentId: demoId('unit', 2), establishedOn: '1995-09-01', decisionNumber: '12-QĐ/HU' },
      }),
    );
    expect(school.errors).toBeUndefined();
    const schoolId = school.data!.createOrgUnit.id;
    await federation.catchUp();
    const created = await as(board, () =>
      post<Created>(CREATE, { input: { profile: { fullName: 'Đinh Văn Khoa', dateOfBirth: '1982-02-02', citizenId: '036182000777' }, cellId: schoolId, admittedOn: '2008-05-19' } }),
    );
    expect(created.errors).toBeUndefined();
    const roster = await as(board, () => post<{ orgUnit: { members: { id: string }[] } }>(`query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } } }`, { id: schoolId }));
    expect(roster.data!.orgUnit.members.map((member) => member.id)).toEqual([created.data!.createMember.id]);
  });
});
