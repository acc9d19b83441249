import type { Caller } from '@dangvien/auth';
import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Where members do party activity, through the gateway on real databases: dated placements, official
 * and temporary transfers within the system, out of it and into it, the 30-day letter, members under
 * inspection refused, and the roster and counts of a unit on any date.
 */
const home = demoId('unit', 101); // Đảng bộ thị trấn Xuân Trường
const away = demoId('unit', 111); // Đảng bộ xã Xuân Hồng
const ward10 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
const ward11 = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
const district = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
const giaoThuy = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 13) });
const homeSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: home });
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => ward10);
});
afterAll(async () => federation?.close());

type Errors = { extensions?: { code?: string; field?: string } ; message: string }[] | undefined;
const post = <T = Record<string, unknown>>(who: Caller, query: string, variables: Record<string, unknown> = {}) => federation.as(who, () => federation.post<T>(query, variables));
const code = (errors: Errors) => errors?.[0]?.extensions?.code;

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id status } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id direction kind reportDueOn presentedOn fromCell { id } toCell { id } memberName } }`;
const PRESENTED = `mutation ($input: RecordTransferLetterPresentedInput!) { recordTransferLetterPresented(input: $input) { id presentedOn presentedLate } }`;
const RETURNED = `mutation ($input: EndTemporaryTransferInput!) { endTemporaryTransfer(input: $input) { id returnedOn } }`;
const INSPECT = `mutation ($input: StartMemberInspectionInput!) { startMemberInspection(input: $input) { id } }`;
const END_INSPECTION = `mutation ($input: EndMemberInspectionInput!) { endMemberInspection(input: $input) { id endedOn } }`;
type Issued = { issueTransferLetter: { id: string; direction: string; kind: string; reportDueOn: string; presentedOn: string | null; fromCell: { id: string } | null; toCell: { id: string } | null; memberName: string } };

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.membership.db)).rows[0]!.n);
const counts = async () => ({
  transfers: await count('member_transfer'),
  placements: await count('member_placement'),
  members: await count('member'),
  audit: await count('audit_log'),
  outbox: await count('outbox_event'),
});

async function createMember(fullName: string, dateOfBirth: string, cellId: string, admittedOn: string): Promise<string> {
  const response = await post<{ createMember: { id: string } }>(ward10, CREATE, { input: { profile: { fullName, dateOfBirth }, cellId, admittedOn } });
  expect(response.errors).toBeUndefined();
  return response.data!.createMember.id;
}

async function roster(unitId: string, asOf: string, status?: string): Promise<string[]> {
  const response = await post<{ orgUnit: { members: { id: string }[] } }>(district, `query ($id: ID!, $asOf: String, $status: MemberStatus) { orgUnit(id: $id) { members(asOf: $asOf, status: $status, first: 100) { id } } }`, {
    id: unitId,
    asOf,
    status,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.orgUnit.members.map((member) => member.id);
}

describe('a member’s whole life, with a temporary transfer, replayed date by date', () => {
  let lan: string;
  let transferId: string;

  it('records candidate → admitted → official, then a temporary transfer for study and the return, then exemption and death', async () => {
    const created = await post<{ createMember: { id: string } }>(ward10, CREATE, { input: { profile: { fullName: 'Phạm Thị Lan', dateOfBirth: '1996-04-04' }, cellId: home, candidateSince: '2018-03-01' } });
    expect(created.errors).toBeUndefined();
    lan = created.data!.createMember.id;
    for (const event of [{ kind: 'ADMITTED', occurredOn: '2019-01-10', decisionNumber: '12-QĐ/ĐU' }, { kind: 'OFFICIAL', decisionNumber: '30-QĐ/ĐU' }]) {
      expect((await post(ward10, RECORD, { input: { memberId: lan, ...event } })).errors).toBeUndefined();
    }
    const issued = await post<Issued>(ward10, ISSUE, {
      input: { memberId: lan, kind: 'TEMPORARY', reason: 'STUDY', toCellId: away, letterNumber: '05-GGT/ĐU', letterIssuedOn: '2021-03-01', temporaryUntil: '2021-09-01' },
    });
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueTransferLetter).toMatchObject({ direction: 'WITHIN', kind: 'TEMPORARY', reportDueOn: '2021-03-31', presentedOn: null, fromCell: { id: home }, toCell: { id: away }, memberName: 'Phạm Thị Lan' });
    transferId = issued.data!.issueTransferLetter.id;

    // Only the receiving side records the presentation.
    expect(code((await post(ward10, PRESENTED, { input: { transferId, presentedOn: '2021-03-10' } })).errors)).toBe('NOT_FOUND');
    const presented = await post<{ recordTransferLetterPresented: { presentedOn: string; presentedLate: boolean } }>(ward11, PRESENTED, { input: { transferId, presentedOn: '2021-03-10' } });
    expect(presented.errors).toBeUndefined();
    expect(presented.data!.recordTransferLetterPresented).toEqual({ id: transferId, presentedOn: '2021-03-10', presentedLate: false });

    const returned = await post(ward10, RETURNED, { input: { transferId, returnedOn: '2021-09-01' } });
    expect(returned.errors).toBeUndefined();
    for (const event of [{ kind: 'EXEMPT', occurredOn: '2024-05-01', details: { reason: 'Tuổi cao, sức yếu' } }, { kind: 'DIED', occurredOn: '2025-08-01' }]) {
      expect((await post(ward10, RECORD, { input: { memberId: lan, ...event } })).errors).toBeUndefined();
    }
  });

  it('answers status, cell and rosters correctly on each date', async () => {
    const dates: [string, string, string | null][] = [
      ['2018-02-28', 'null', null],
      ['2018-06-01', 'CANDIDATE', home],
      ['2019-06-01', 'PROBATIONARY', home],
      ['2020-06-01', 'OFFICIAL', home],
      ['2021-03-05', 'OFFICIAL', home], // letter issued, not yet presented
      ['2021-03-10', 'OFFICIAL', away],
      ['2021-08-31', 'OFFICIAL', away],
      ['2021-09-01', 'OFFICIAL', home],
      ['2024-06-01', 'EXEMPT', home],
      ['2025-09-01', 'DECEASED', home],
    ];
    // Five dates a request: the gateway limits aliases.
    const member: Record<string, unknown> = {};
    for (let start = 0; start < dates.length; start += 5) {
      const slice = dates.slice(start, start + 5).map(([date], offset) => [date, start + offset] as const);
      const query = `query ($id: ID!) { member(id: $id) { ${slice.map(([date, index]) => `s${index}: statusOn(date: "${date}") c${index}: cellOn(date: "${date}") { id }`).join(' ')} } }`;
      const response = await post<{ member: Record<string, unknown> }>(district, query, { id: lan });
      expect(response.errors).toBeUndefined();
      Object.assign(member, response.data!.member);
    }
    expect(dates.map((_date, index) => [String(member[`s${index}`]), (member[`c${index}`] as { id: string } | null)?.id ?? null])).toEqual(dates.map(([, status, cell]) => [status, cell]));

    const onRoster = async (unitId: string, asOf: string, status?: string) => (await roster(unitId, asOf, status)).includes(lan);
    expect(await onRoster(home, '2018-06-01')).toBe(false); // a candidate is not yet on the roster
    expect(await onRoster(home, '2018-06-01', 'CANDIDATE')).toBe(true);
    expect(await onRoster(home, '2019-06-01')).toBe(true);
    expect(await onRoster(home, '2021-05-01')).toBe(false);
    expect(await onRoster(away, '2021-05-01')).toBe(true);
    expect(await onRoster(away, '2021-05-01', 'OFFICIAL')).toBe(true);
    expect(await onRoster(away, '2021-05-01', 'PROBATIONARY')).toBe(false);
    const byKind = async (placementKind: string) =>
      (await post<{ orgUnit: { members: { id: string }[]; memberCount: number } }>(district, `query ($id: ID!, $kind: PlacementKind) { orgUnit(id: $id) { members(asOf: "2021-05-01", placementKind: $kind, first: 100) { id } memberCount(asOf: "2021-05-01", placementKind: $kind) } }`, { id: away, kind: placementKind })).data!.orgUnit;
    expect((await byKind('TEMPORARY')).members.map((member) => member.id)).toEqual([lan]);
    expect((await byKind('TEMPORARY')).memberCount).toBe(1);
    expect((await byKind('OFFICIAL')).members.map((member) => member.id)).not.toContain(lan);
    expect(await onRoster(home, '2021-10-01')).toBe(true);
    expect(await onRoster(away, '2021-10-01')).toBe(false);
    expect(await onRoster(home, '2024-06-01', 'EXEMPT')).toBe(true);
    expect(await onRoster(home, '2025-09-01')).toBe(false); // the dead are not on the roster
    expect(await onRoster(home, '2025-09-01', 'DECEASED')).toBe(true);
  });

  it('counts the unit and its subtree as they stood', async () => {
    const countQuery = `query ($id: ID!, $asOf: String) { orgUnit(id: $id) { memberCount(asOf: $asOf) subtree: memberCount(asOf: $asOf, includeSubtree: true) official: memberCount(asOf: $asOf, status: OFFICIAL) } }`;
    const at = async (unitId: string, asOf: string) => (await post<{ orgUnit: { memberCount: number; subtree: number; official: number } }>(district, countQuery, { id: unitId, asOf })).data!.orgUnit;
    const before = await at(home, '2021-03-05');
    const during = await at(home, '2021-05-01');
    const after = await at(home, '2021-10-01');
    expect(during.memberCount).toBe(before.memberCount - 1);
    expect(after.memberCount).toBe(before.memberCount);
    expect((await at(away, '2021-05-01')).memberCount).toBe((await at(away, '2021-03-05')).memberCount + 1);
    const committeeBefore = await at(demoId('unit', 10), '2021-03-05');
    const committeeDuring = await at(demoId('unit', 10), '2021-05-01');
    expect(committeeBefore.memberCount).toBe(0); // nobody is placed in the committee itself
    expect(committeeDuring.subtree).toBe(committeeBefore.subtree - 1);
    expect((await at(demoId('unit', 2), '2021-05-01')).subtree).toBe((await at(demoId('unit', 2), '2021-03-05')).subtree); // moved inside the district
    const today = await post<{ orgUnit: { officialMemberCount: number; official: number } }>(district, `query ($id: ID!) { orgUnit(id: $id) { officialMemberCount official: memberCount(status: OFFICIAL) } }`, { id: home });
    expect(today.data!.orgUnit.officialMemberCount).toBe(today.data!.orgUnit.official);
    expect(today.data!.orgUnit.officialMemberCount).toBeGreaterThan(0);
  });

  it('keeps every event, the dated placements and the transfer; tells the other subgraphs with effective dates', async () => {
    const response = await post<{ member: { events: { kind: string }[]; placements: { cell: { id: string }; kind: string; validFrom: string; validTo: string | null }[]; transfers: { returnedOn: string; presentedOn: string }[] } }>(
      district,
      `query ($id: ID!) { member(id: $id) { events { kind } placements { cell { id } kind validFrom validTo } transfers { presentedOn returnedOn } } }`,
      { id: lan },
    );
    expect(response.errors).toBeUndefined();
    const member = response.data!.member;
    expect(member.events.map((event) => event.kind)).toEqual(['CANDIDATE', 'ADMITTED', 'OFFICIAL', 'EXEMPT', 'DIED']);
    expect(member.placements).toEqual([
      { cell: { id: home }, kind: 'OFFICIAL', validFrom: '2018-03-01', validTo: '2021-03-10' },
      { cell: { id: away }, kind: 'TEMPORARY', validFrom: '2021-03-10', validTo: '2021-09-01' },
      { cell: { id: home }, kind: 'OFFICIAL', validFrom: '2021-09-01', validTo: null },
    ]);
    expect(member.transfers).toEqual([{ presentedOn: '2021-03-10', returnedOn: '2021-09-01' }]);
    const placed = await sql<{ payload: { cellId: string; effectiveDate: string } }>`
      SELECT payload FROM outbox_event WHERE type = 'MemberPlaced' AND aggregate_id = ${lan}`.execute(federation.membership.db);
    expect(placed.rows.map((row) => [row.payload.cellId, row.payload.effectiveDate]).filter(([, date]) => date?.startsWith('2021')).sort((a, b) => a[1]!.localeCompare(b[1]!))).toEqual([
      [away, '2021-03-10'],
      [home, '2021-09-01'],
    ]);
  });
});

describe('refusals change nothing', () => {
  let inspected: string;
  let inspectionId: string;

  beforeAll(async () => {
    inspected = await createMember('Đỗ Văn Khánh', '1980-02-02', home, '2010-05-05');
    const inspection = await post<{ startMemberInspection: { id: string } }>(district, INSPECT, {
      input: { memberId: inspected, startedOn: '2026-10-01', decisionNumber: '88-QĐ/UBKT', inspectingBody: 'Ủy ban Kiểm tra Huyện ủy Xuân Trường', reason: 'Dấu hiệu vi phạm' },
    });
    expect(inspection.errors).toBeUndefined();
    inspectionId = inspection.data!.startMemberInspection.id;
  });

  const letter = (memberId: () => string, extra: Record<string, unknown> = {}) => () => ({
    input: { memberId: memberId(), kind: 'OFFICIAL', reason: 'JOB_CHANGE', toCellId: away, letterNumber: '09-GGT/ĐU', letterIssuedOn: '2026-11-02', ...extra },
  });
  const cases: [string, Caller, () => Record<string, unknown>, string, string?][] = [
    ['a member under inspection', ward10, letter(() => inspected), 'CONFLICT', 'memberId'],
    ['a member outside the caller’s subtree', giaoThuy, letter(() => inspected), 'NOT_FOUND'],
    ['a cell secretary (the committee issues letters)', homeSecretary, letter(() => inspected), 'FORBIDDEN'],
    ['a temporary stay for work longer than 12 months', ward10, letter(() => inspected, { kind: 'TEMPORARY', reason: 'WORK', temporaryUntil: '2027-12-03' }), 'BAD_USER_INPUT', 'temporaryUntil'],
    ['a temporary stay shorter than 3 months', ward10, letter(() => inspected, { kind: 'TEMPORARY', reason: 'STUDY', temporaryUntil: '2026-12-15' }), 'BAD_USER_INPUT', 'temporaryUntil'],
    ['both a cell and an outside organization', ward10, letter(() => inspected, { externalOrganization: 'Đảng bộ tỉnh Bình Dương' }), 'BAD_USER_INPUT', 'toCellId'],
    ['an official transfer with a temporary reason', ward10, letter(() => inspected, { reason: 'STUDY' }), 'BAD_USER_INPUT', 'reason'],
  ];

  it.each(cases)('refuses a transfer letter for %s', async (_case, who, variables, expected, field) => {
    const before = await counts();
    const response = await post(who, ISSUE, variables());
    expect(code(response.errors)).toBe(expected);
    if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệố]/i);
    expect(await counts()).toEqual(before);
  });

  it('names the inspection decision in the refusal, and transfers once the inspection has ended', async () => {
    const refused = await post(ward10, ISSUE, letter(() => inspected)());
    expect(refused.errors?.[0]?.message).toContain('88-QĐ/UBKT');
    const member = await post<{ member: { underInspection: boolean; inspections: { decisionNumber: string }[] } }>(ward10, `query ($id: ID!) { member(id: $id) { underInspection inspections { decisionNumber } } }`, { id: inspected });
    expect(member.data!.member).toEqual({ underInspection: true, inspections: [{ decisionNumber: '88-QĐ/UBKT' }] });
    expect((await post(district, END_INSPECTION, { input: { inspectionId, endedOn: '2026-11-01', decisionNumber: '95-KL/UBKT', conclusion: 'Không vi phạm' } })).errors).toBeUndefined();
    const accepted = await post<Issued>(ward10, ISSUE, letter(() => inspected)());
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.issueTransferLetter.reportDueOn).toBe('2026-12-02');
    // One transfer at a time.
    const second = await post(ward10, ISSUE, letter(() => inspected, { letterNumber: '10-GGT/ĐU' })());
    expect(code(second.errors)).toBe('CONFLICT');
  });
});

describe('out of the system, into it, and the 30-day letter', () => {
  let leaving: string;
  let presentedInTime: string;

  it('a member transferred to another province leaves the roster on the day of the letter', async () => {
    leaving = await createMember('Vũ Thị Thu', '1985-09-09', home, '2012-06-06');
    const issued = await post<Issued>(ward10, ISSUE, {
      input: { memberId: leaving, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', externalOrganization: 'Đảng bộ tỉnh Bình Dương', letterNumber: '11-GGT/ĐU', letterIssuedOn: '2026-09-01' },
    });
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueTransferLetter).toMatchObject({ direction: 'OUT', toCell: null, reportDueOn: '2026-10-01' });
    expect(await roster(home, '2026-08-31')).toContain(leaving);
    expect(await roster(home, '2026-09-01')).not.toContain(leaving);
    const waiting = await post<{ memberTransfers: { memberName: string; member: unknown }[] }>(ward10, `query ($id: ID!) { memberTransfers(unitId: $id, waitingOnly: true) { memberName member { id } } }`, { id: demoId('unit', 10) });
    // Her record stays with the ward whose cell last held her (issue 19).
    expect(waiting.data!.memberTransfers).toEqual(expect.arrayContaining([{ memberName: 'Vũ Thị Thu', member: { id: leaving } }]));
  });

  it('lists a letter not presented within 30 days, and not one presented in time or not yet due', async () => {
    presentedInTime = await createMember('Hoàng Văn Sơn', '1988-08-08', home, '2014-04-04');
    const issued = await post<Issued>(ward10, ISSUE, { input: { memberId: presentedInTime, kind: 'OFFICIAL', reason: 'JOB_CHANGE', toCellId: away, letterNumber: '12-GGT/ĐU', letterIssuedOn: '2026-09-05' } });
    expect(issued.errors).toBeUndefined();
    expect((await post(ward11, PRESENTED, { input: { transferId: issued.data!.issueTransferLetter.id, presentedOn: '2026-09-20' } })).errors).toBeUndefined();

    const overdue = async (unitId: string, asOf: string, who: Caller = ward10) => {
      const response = await post<{ memberAlerts: { alerts: { member: { id: string } | null; cell: { id: string } | null; dueDate: string; detail: string }[] } }>(
        who,
        `query ($unitId: ID!, $asOf: String) { memberAlerts(unitId: $unitId, asOf: $asOf, kinds: [TRANSFER_LETTER_OVERDUE], first: 50) { alerts { member { id } cell { id } dueDate detail } } }`,
        { unitId, asOf },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.memberAlerts.alerts;
    };
    const letters = (alerts: { detail: string }[]) => alerts.map((alert) => alert.detail.match(/\d+-GGT\/ĐU/)?.[0]);
    const fired = await overdue(demoId('unit', 10), '2026-10-15');
    expect(letters(fired)).toContain('11-GGT/ĐU'); // out to Bình Dương, nothing heard by 2026-10-01
    expect(letters(fired)).not.toContain('12-GGT/ĐU'); // presented in time
    expect(fired.find((alert) => alert.detail.includes('11-GGT/ĐU'))).toMatchObject({ cell: { id: home }, dueDate: '2026-10-01' });
    expect(letters(await overdue(demoId('unit', 10), '2026-10-01'))).not.toContain('11-GGT/ĐU'); // the 30th day is still in time
    expect(await overdue(demoId('unit', 13), '2026-10-15', giaoThuy)).toEqual([]); // another district's letters are not listed

    // The confirmation from Bình Dương arrives late: recorded, flagged late, no longer overdue.
    const transfers = await sql<{ id: string }>`SELECT id FROM member_transfer WHERE member_id = ${leaving}`.execute(federation.membership.db);
    const late = await post<{ recordTransferLetterPresented: { presentedLate: boolean } }>(ward10, PRESENTED, { input: { transferId: transfers.rows[0]!.id, presentedOn: '2026-10-20' } });
    expect(late.data!.recordTransferLetterPresented.presentedLate).toBe(true);
    expect(letters(await overdue(demoId('unit', 10), '2026-11-01'))).not.toContain('11-GGT/ĐU');
  });

  it('a member from another province is received with the history from the file, placed from the day the letter was presented', async () => {
    const received = await post<{ receiveTransferredMember: { direction: string; member: { id: string; status: string; admittedOn: string; cell: { id: string } } } }>(
      ward10,
      `mutation ($input: ReceiveTransferredMemberInput!) { receiveTransferredMember(input: $input) { direction member { id status admittedOn cell { id } } } }`,
      {
        input: {
          profile: { fullName: 'Ngô Văn Tùng', dateOfBirth: '1990-03-03' },
          cellId: demoId('unit', 102),
          kind: 'OFFICIAL',
          reason: 'PERMANENT_MOVE',
          fromOrganization: 'Đảng bộ tỉnh Thái Bình',
          letterNumber: '77-GGT/TU',
          letterIssuedOn: '2026-10-01',
          presentedOn: '2026-10-20',
          admittedOn: '2015-05-05',
          officialOn: '2016-05-05',
        },
      },
    );
    expect(received.errors).toBeUndefined();
    const member = received.data!.receiveTransferredMember.member;
    expect(received.data!.receiveTransferredMember.direction).toBe('IN');
    expect(member).toMatchObject({ status: 'OFFICIAL', admittedOn: '2015-05-05', cell: { id: demoId('unit', 102) } });
    expect(await roster(demoId('unit', 102), '2026-10-19')).not.toContain(member.id);
    expect(await roster(demoId('unit', 102), '2026-10-20')).toContain(member.id);
  });

  it('a member from outside on a temporary stay leaves the roster when the stay ends', async () => {
    const cell = demoId('unit', 103);
    const received = await post<{ receiveTransferredMember: { id: string; member: { id: string } } }>(
      ward10,
      `mutation ($input: ReceiveTransferredMemberInput!) { receiveTransferredMember(input: $input) { id member { id } } }`,
      {
        input: {
          profile: { fullName: 'Đặng Văn Toàn', dateOfBirth: '1992-02-02' },
          cellId: cell,
          kind: 'TEMPORARY',
          reason: 'WORK',
          fromOrganization: 'Đảng bộ tỉnh Hà Nam',
          letterNumber: '08-GGT/ĐU',
          letterIssuedOn: '2026-03-01',
          presentedOn: '2026-03-05',
          temporaryUntil: '2026-09-01',
          admittedOn: '2018-06-06',
        },
      },
    );
    expect(received.errors).toBeUndefined();
    const { id: transferId, member } = received.data!.receiveTransferredMember;
    expect(await roster(cell, '2026-06-01')).toContain(member.id);
    expect(code((await post(ward10, RETURNED, { input: { transferId, returnedOn: '2026-03-05' } })).errors)).toBe('BAD_USER_INPUT');
    expect((await post(ward10, RETURNED, { input: { transferId, returnedOn: '2026-09-01' } })).errors).toBeUndefined();
    expect(await roster(cell, '2026-08-31')).toContain(member.id);
    expect(await roster(cell, '2026-09-01')).not.toContain(member.id);
    expect(code((await post(ward10, RETURNED, { input: { transferId, returnedOn: '2026-09-02' } })).errors)).toBe('CONFLICT');
  });

  it('a member who left the system and comes back keeps the one record and its history', async () => {
    const created = await post<{ createMember: { id: string } }>(ward10, CREATE, { input: { profile: { fullName: 'Trịnh Văn Hòa', dateOfBirth: '1987-07-07', citizenId: '036087000777' }, cellId: home, admittedOn: '2011-11-11' } });
    expect(created.errors).toBeUndefined();
    const hoa = created.data!.createMember.id;
    const out = await post<Issued>(ward10, ISSUE, { input: { memberId: hoa, kind: 'OFFICIAL', reason: 'JOB_CHANGE', externalOrganization: 'Đảng bộ tỉnh Thái Bình', letterNumber: '14-GGT/ĐU', letterIssuedOn: '2026-02-01' } });
    expect(out.errors).toBeUndefined();
    expect((await post(ward10, PRESENTED, { input: { transferId: out.data!.issueTransferLetter.id, presentedOn: '2026-02-10' } })).errors).toBeUndefined();
    const back = (admittedOn: string) =>
      post<{ receiveTransferredMember: { member: { id: string; events: { kind: string }[]; placements: { cell: { id: string }; validFrom: string; validTo: string | null }[] } } }>(
        ward10,
        `mutation ($input: ReceiveTransferredMemberInput!) { receiveTransferredMember(input: $input) { member { id events { kind } placements { cell { id } validFrom validTo } } } }`,
        {
          input: {
            profile: { fullName: 'Trịnh Văn Hòa', dateOfBirth: '1987-07-07', citizenId: '036087000777' },
            cellId: demoId('unit', 102),
            kind: 'OFFICIAL',
            reason: 'JOB_CHANGE',
            fromOrganization: 'Đảng bộ tỉnh Thái Bình',
            letterNumber: '41-GGT/TU',
            letterIssuedOn: '2026-10-01',
            presentedOn: '2026-10-10',
            admittedOn,
          },
        },
      );
    const before = await counts();
    const mismatch = await back('2012-01-01');
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'admittedOn' });
    expect(await counts()).toEqual(before);
    const returned = await back('2011-11-11');
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.receiveTransferredMember.member).toEqual({
      id: hoa,
      events: [{ kind: 'ADMITTED' }],
      placements: [
        { cell: { id: home }, validFrom: '2011-11-11', validTo: '2026-02-01' },
        { cell: { id: demoId('unit', 102) }, validFrom: '2026-10-10', validTo: null },
      ],
    });
    expect((await counts()).members).toBe(before.members);
  });
});
