import { addWorkingDays } from '../lifecycle/lifecycle.ts';
import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Alerts any level lists for its subtree, through the gateway on real databases: each kind with a
 * member for whom it fires and one for whom it does not, on a chosen date (asOf), scoped to the
 * caller's subtree, filtered by kind and paged.
 */
const cell = demoId('unit', 101);
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => ward);
});
afterAll(async () => federation?.close());

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const ALERTS = `query ($unitId: ID!, $asOf: String, $kinds: [MemberAlertKind!], $first: Int, $after: String) {
  memberAlerts(unitId: $unitId, asOf: $asOf, kinds: $kinds, first: $first, after: $after) {
    totalCount endCursor hasNextPage alerts { kind member { id fullName } cell { id } dueDate detail } } }`;
type Alert = { kind: string; member: { id: string; fullName: string } | null; cell: { id: string } | null; dueDate: string | null; detail: string };
type Page = { memberAlerts: { totalCount: number; endCursor: string | null; hasNextPage: boolean; alerts: Alert[] } };

const complete = { sex: 'MALE', citizenId: undefined, ethnicity: 'Kinh', hometown: 'Nam Định', residence: 'Xuân Trường', educationLevel: '12/12' };
let citizen = 1;
/** A CCCD structured as the real ones are: Nam Định (036), century and sex, year of birth, a serial. */
const citizenIdFor = (dateOfBirth: string, sex: unknown): string => {
  const year = Number(dateOfBirth.slice(0, 4));
  return `036${(year >= 2000 ? 2 : 0) + (sex === 'FEMALE' ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(citizen++).padStart(6, '0')}`;
};

async function member(fullName: string, dateOfBirth: string, admittedOn: string, profile: Record<string, unknown> = {}): Promise<string> {
  const response = await federation.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName, dateOfBirth, ...complete, citizenId: citizenIdFor(dateOfBirth, profile.sex ?? complete.sex), ...profile }, cellId: cell, admittedOn },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createMember.id;
}

async function alerts(asOf: string, kinds: string[], unitId = demoId('unit', 10)): Promise<Alert[]> {
  const response = await federation.post<Page>(ALERTS, { unitId, asOf, kinds, first: 500 });
  expect(response.errors).toBeUndefined();
  return response.data!.memberAlerts.alerts;
}

const of = (list: Alert[], id: string) => list.filter((alert) => alert.member?.id === id);

const ids = {} as Record<'probation' | 'official' | 'unpaid' | 'paying' | 'badge' | 'noBadge' | 'incomplete', string>;

beforeAll(async () => {
  ids.probation = await member('Nguyễn Văn Dự', '1995-01-01', '2025-03-10');
  ids.official = await member('Trần Văn Thức', '1995-02-02', '2025-03-10');
  ids.unpaid = await member('Lê Thị Nợ', '2004-03-03', '2024-05-19');
  ids.paying = await member('Phạm Thị Đủ', '2004-04-04', '2024-05-19');
  ids.badge = await member('Vũ Văn Huy', '1970-05-05', '1996-05-19');
  ids.noBadge = await member('Đỗ Văn Chưa', '1970-06-06', '1997-05-19');
  ids.incomplete = await member('Hoàng Thị Thiếu', '1980-07-07', '2005-07-07', { hometown: null, citizenId: null });
  const official = await federation.post(RECORD, { input: { memberId: ids.official, kind: 'OFFICIAL', occurredOn: '2026-03-12', decisionNumber: '30-QĐ/ĐU' } });
  expect(official.errors).toBeUndefined();
  for (const id of [ids.unpaid, ids.paying]) {
    const basis = await federation.post(`mutation ($input: SetMemberDuesBasisInput!) { setMemberDuesBasis(input: $input) { id } }`, { input: { memberId: id, category: 'STUDENT', validFrom: '2026-03' } });
    expect(basis.errors).toBeUndefined();
  }
  for (const month of ['2026-03', '2026-04', '2026-05']) {
    const paid = await federation.as(secretary, () =>
      federation.post(`mutation ($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`, { input: { memberId: ids.paying, month, amount: 5000, paidOn: '2026-06-01', channel: 'CASH' } }),
    );
    expect(paid.errors).toBeUndefined();
  }
});

describe('probation', () => {
  it('warns 30 days before the 12 months end, with the date the cell must vote by', async () => {
    const list = await alerts('2026-02-20', ['PROBATION_ENDING']);
    expect(of(list, ids.probation)).toEqual([
      expect.objectContaining({ kind: 'PROBATION_ENDING', cell: { id: cell }, dueDate: '2026-03-10', detail: expect.stringContaining('21/04/2026') }),
    ]);
  });

  it('does not warn earlier than that, nor about a member already made official', async () => {
    expect(of(await alerts('2026-02-05', ['PROBATION_ENDING']), ids.probation)).toEqual([]);
    expect(of(await alerts('2026-04-01', ['PROBATION_ENDING', 'OFFICIAL_DECISION_OVERDUE']), ids.official)).toEqual([]);
  });

  it('counts working days in SQL as the lifecycle does (Monday to Friday)', async () => {
    const starts = Array.from({ length: 21 }, (_unused, day) => new Date(Date.UTC(2026, 2, 1 + day)).toISOString().slice(0, 10));
    const result = await sql<{ start: string; deadline: string }>`
      SELECT to_char(start, 'YYYY-MM-DD') AS start, to_char(add_working_days(start, 30), 'YYYY-MM-DD') AS deadline
      FROM unnest(${starts}::date[]) AS start ORDER BY start`.execute(federation.membership.db);
    expect(result.rows).toEqual(starts.map((start) => ({ start, deadline: addWorkingDays(start, 30) })));
  });

  it('reports the official decision overdue only after 30 working days past the 12 months', async () => {
    // 10-3-2026 + 30 working days (Monday to Friday) = 21-4-2026.
    expect(of(await alerts('2026-04-21', ['OFFICIAL_DECISION_OVERDUE']), ids.probation)).toEqual([]);
    expect(of(await alerts('2026-04-21', ['PROBATION_ENDING']), ids.probation)).toHaveLength(1);
    const overdue = of(await alerts('2026-04-22', ['OFFICIAL_DECISION_OVERDUE', 'PROBATION_ENDING']), ids.probation);
    expect(overdue).toEqual([expect.objectContaining({ kind: 'OFFICIAL_DECISION_OVERDUE', dueDate: '2026-04-21', detail: expect.stringContaining('chưa có quyết định') })]);
  });
});

describe('dues unpaid for 3 months in the year', () => {
  it('fires for a member who has not paid three ended months, dated the end of the third', async () => {
    const list = await alerts('2026-06-15', ['DUES_UNPAID']);
    expect(of(list, ids.unpaid)).toEqual([expect.objectContaining({ kind: 'DUES_UNPAID', dueDate: '2026-05-31', detail: expect.stringContaining('03/2026, 04/2026, 05/2026') })]);
  });

  it('does not fire for two unpaid months, nor for a member who paid', async () => {
    expect(of(await alerts('2026-05-15', ['DUES_UNPAID']), ids.unpaid)).toEqual([]);
    expect(of(await alerts('2026-06-15', ['DUES_UNPAID']), ids.paying)).toEqual([]);
  });
});

describe('long-service badges (party age from the dated configuration)', () => {
  it('lists a member reaching 30 years of party age this year, and not one at 29', async () => {
    const list = await alerts('2026-01-10', ['BADGE_DUE']);
    expect(of(list, ids.badge)).toEqual([expect.objectContaining({ kind: 'BADGE_DUE', dueDate: '2026-05-19', detail: expect.stringContaining('Huy hiệu 30 năm tuổi Đảng') })]);
    expect(of(list, ids.noBadge)).toEqual([]);
  });
});

describe('missing required fields', () => {
  it('names the fields missing, and says nothing of a complete record', async () => {
    const list = await alerts('2026-06-15', ['MISSING_REQUIRED_FIELDS']);
    expect(of(list, ids.incomplete)).toEqual([expect.objectContaining({ kind: 'MISSING_REQUIRED_FIELDS', dueDate: null, detail: 'Lý lịch còn thiếu: số CCCD, quê quán.' })]);
    expect(of(list, ids.badge)).toEqual([]);
  });

  it('names the admission date of a member recorded without his history (the register needs it)', async () => {
    const demoMember = (await sql<{ id: string }>`SELECT id FROM member WHERE cell_id = ${cell} AND initial_status IS NOT NULL LIMIT 1`.execute(federation.membership.db)).rows[0]!.id;
    const list = await alerts('2026-06-15', ['MISSING_REQUIRED_FIELDS']);
    expect(of(list, demoMember)[0]!.detail).toContain('ngày kết nạp');
    expect(of(list, ids.incomplete)[0]!.detail).not.toContain('ngày kết nạp');
  });
});

describe('transfer letters not presented within 30 days', () => {
  const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id reportDueOn } }`;
  const PRESENTED = `mutation ($input: RecordTransferLetterPresentedInput!) { recordTransferLetterPresented(input: $input) { id } }`;
  const movers = {} as Record<'late' | 'onTime', string>;

  beforeAll(async () => {
    movers.late = await member('Ngô Văn Muộn', '1985-09-09', '2010-09-09');
    movers.onTime = await member('Ngô Thị Kịp', '1986-10-10', '2011-10-10');
    const letters: Record<string, string> = {};
    for (const [key, id] of Object.entries(movers)) {
      const issued = await federation.post<{ issueTransferLetter: { id: string; reportDueOn: string } }>(ISSUE, {
        input: { memberId: id, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', toCellId: demoId('unit', 102), letterNumber: `GGT-${key}`, letterIssuedOn: '2026-09-01' },
      });
      expect(issued.errors).toBeUndefined();
      letters[key] = issued.data!.issueTransferLetter.id;
    }
    expect((await federation.post(PRESENTED, { input: { transferId: letters.onTime, presentedOn: '2026-09-20' } })).errors).toBeUndefined();
  });

  it('fires once the 30 days have passed without the letter presented', async () => {
    const list = await alerts('2026-10-15', ['TRANSFER_LETTER_OVERDUE']);
    expect(of(list, movers.late)).toEqual([expect.objectContaining({ kind: 'TRANSFER_LETTER_OVERDUE', cell: { id: cell }, dueDate: '2026-10-01' })]);
    expect(of(list, movers.late)[0]!.detail).toMatch(/[ạảãáàâăđêôơưộệốờ]/i);
  });

  it('does not fire within the 30 days, nor for a letter presented in time', async () => {
    expect(of(await alerts('2026-09-25', ['TRANSFER_LETTER_OVERDUE']), movers.late)).toEqual([]);
    expect(of(await alerts('2026-10-15', ['TRANSFER_LETTER_OVERDUE']), movers.onTime)).toEqual([]);
  });
});

describe('the list', () => {
  it('is scoped to the caller’s subtree: another ward sees none of it', async () => {
    const other = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
    const refused = await federation.as(other, () => federation.post<Page>(ALERTS, { unitId: demoId('unit', 10) }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await federation.as(other, () => federation.post<Page>(ALERTS, { unitId: demoId('unit', 11), asOf: '2026-06-15', first: 500 }));
    expect(own.errors).toBeUndefined();
    expect(own.data!.memberAlerts.alerts.some((alert) => Object.values(ids).includes(alert.member?.id ?? ''))).toBe(false);
  });

  it('pages through every alert of every kind once, by due date', async () => {
    const all = await federation.post<Page>(ALERTS, { unitId: cell, asOf: '2026-06-15', first: 500 });
    expect(all.errors).toBeUndefined();
    const total = all.data!.memberAlerts.totalCount;
    expect(new Set(all.data!.memberAlerts.alerts.map((alert) => alert.kind))).toEqual(new Set(['OFFICIAL_DECISION_OVERDUE', 'DUES_UNPAID', 'BADGE_DUE', 'MISSING_REQUIRED_FIELDS']));
    const seen: Alert[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof federation.post<Page>>> = await federation.post<Page>(ALERTS, { unitId: cell, asOf: '2026-06-15', first: 2, after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.memberAlerts.alerts);
      if (!page.data!.memberAlerts.hasNextPage) break;
      after = page.data!.memberAlerts.endCursor;
    }
    expect(seen).toEqual(all.data!.memberAlerts.alerts);
    expect(seen).toHaveLength(total);
    const dated = seen.filter((alert) => alert.dueDate !== null).map((alert) => alert.dueDate!);
    expect(dated).toEqual([...dated].sort());
  });

  it('refuses a bad date or page size with a clear code', async () => {
    const badDate = await federation.post(ALERTS, { unitId: cell, asOf: '2026-02-30' });
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    const badPage = await federation.post(ALERTS, { unitId: cell, first: 0 });
    expect(badPage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
