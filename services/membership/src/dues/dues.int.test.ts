import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import type { DuesMonth } from '../generated/graphql.ts';

/**
 * Dues (đảng phí) through the gateway on real databases: each category priced by the 2026 rule
 * (Quy định 01-QĐ/TW) from its dated configuration, the 50-year and hardship exemptions, a 50%
 * reduction, a payment collected by the cell, arrears per member and per cell, and refusals that
 * change nothing.
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
const BASIS = `mutation ($input: SetMemberDuesBasisInput!) { setMemberDuesBasis(input: $input) { id duesBasisHistory { category incomeAmount wageRegion validFrom } } }`;
const RELIEF = `mutation ($input: GrantDuesReliefInput!) { grantDuesRelief(input: $input) { id } }`;
const PAY = `mutation ($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id month amount paidOn channel member { id } } }`;
const DUES = `query ($id: ID!, $from: String!, $to: String!) { member(id: $id) { dues(fromMonth: $from, toMonth: $to) { month category rule baseAmount exemption reductionPercent due paid owed } } }`;

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.membership.db)).rows[0]!.n);
const counts = async () => ({ basis: await count('member_dues_basis'), relief: await count('member_dues_relief'), payments: await count('dues_payment'), audit: await count('audit_log') });

async function member(fullName: string, dateOfBirth: string, admittedOn: string): Promise<string> {
  const response = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName, dateOfBirth }, cellId: cell, admittedOn } });
  expect(response.errors).toBeUndefined();
  return response.data!.createMember.id;
}

async function basis(memberId: string, input: Record<string, unknown>): Promise<void> {
  const response = await federation.post(BASIS, { input: { memberId, validFrom: '2026-03', ...input } });
  expect(response.errors).toBeUndefined();
}

async function dues(id: string, from = '2026-03', to = '2026-05'): Promise<DuesMonth[]> {
  const response = await federation.post<{ member: { dues: DuesMonth[] } }>(DUES, { id, from, to });
  expect(response.errors).toBeUndefined();
  return response.data!.member.dues;
}

const people: Record<'salaried' | 'pensioner' | 'student' | 'other' | 'veteran' | 'hardship' | 'reduced', string> = {} as never;

describe('dues of each category under Quy định 01-QĐ/TW (2026)', () => {
  beforeAll(async () => {
    people.salaried = await member('Nguyễn Văn Lương', '1985-04-02', '2010-05-19');
    people.pensioner = await member('Trần Thị Hưu', '1958-03-08', '1990-02-03');
    people.student = await member('Lê Minh Sinh', '2004-09-05', '2024-05-19');
    people.other = await member('Phạm Văn Nông', '1975-01-10', '2005-09-02');
    people.veteran = await member('Vũ Văn Lão', '1950-01-01', '1975-06-01');
    people.hardship = await member('Đỗ Thị Khó', '1970-07-07', '2000-03-03');
    people.reduced = await member('Hoàng Văn Giảm', '1980-08-08', '2008-08-08');
    await basis(people.salaried, { category: 'SALARIED', incomeAmount: 8_000_000 });
    await basis(people.pensioner, { category: 'PENSIONER', incomeAmount: 6_000_000 });
    await basis(people.student, { category: 'STUDENT' });
    await basis(people.other, { category: 'OTHER', wageRegion: 'REGION_III' });
    await basis(people.veteran, { category: 'PENSIONER', incomeAmount: 7_000_000 });
    await basis(people.hardship, { category: 'OTHER', wageRegion: 'REGION_I' });
    await basis(people.reduced, { category: 'SALARIED', incomeAmount: 6_000_000 });
  });

  it('reads the rates from the dated rule, not from code', async () => {
    const response = await federation.post<{ duesRules: Record<string, unknown>[] }>(`{ duesRules { code validFrom salaryPercent pensionPercent studentAmount minimumWagePercent exemptAfterPartyYears reductionPercents maxReductionMonths } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.duesRules).toContainEqual({
      code: '01-QĐ/TW', validFrom: '2026-02-03', salaryPercent: 1, pensionPercent: 0.5, studentAmount: 5000, minimumWagePercent: 1, exemptAfterPartyYears: 50, reductionPercents: [30, 50, 70], maxReductionMonths: 12,
    });
  });

  it('prices 1% of the salary base, 0.5% of the pension, 5,000 đ for a student and a share of the regional minimum wage', async () => {
    const expected = [
      [people.salaried, 'SALARIED', 80_000],
      [people.pensioner, 'PENSIONER', 30_000],
      [people.student, 'STUDENT', 5_000],
      [people.other, 'OTHER', 41_400], // 1% of 4,140,000 đ (region III, 2026)
    ] as const;
    for (const [id, category, due] of expected) {
      const months = await dues(id);
      expect(months.map((month) => month.month)).toEqual(['2026-03', '2026-04', '2026-05']);
      expect(months.every((month) => month.category === category && month.rule === '01-QĐ/TW' && month.due === due && month.owed === due && month.exemption === null)).toBe(true);
    }
  });

  it('owes nothing for months before the basis starts, or before any rule', async () => {
    expect(await dues(people.salaried, '2025-11', '2026-03')).toHaveLength(1);
  });

  it('exempts a member with 50 years of party age, from the month after the fiftieth anniversary', async () => {
    // Admitted 1-6-1975: 50 years on 1-6-2025, so exempt in every month of 2026.
    const months = await dues(people.veteran);
    expect(months.every((month) => month.exemption === 'PARTY_AGE' && month.baseAmount === 35_000 && month.due === 0)).toBe(true);
  });

  it('exempts a member in hardship for the months decided', async () => {
    const response = await federation.post(RELIEF, { input: { memberId: people.hardship, kind: 'EXEMPTION', fromMonth: '2026-04', reason: 'Hoàn cảnh gia đình đặc biệt khó khăn', decisionNumber: '12-QĐ/ĐU' } });
    expect(response.errors).toBeUndefined();
    const months = await dues(people.hardship);
    expect(months.map((month) => [month.month, month.exemption, month.due])).toEqual([
      ['2026-03', null, 53_100],
      ['2026-04', 'HARDSHIP', 0],
      ['2026-05', 'HARDSHIP', 0],
    ]);
  });

  it('halves the dues for the months of a 50% reduction, and only those', async () => {
    const response = await federation.post(RELIEF, { input: { memberId: people.reduced, kind: 'REDUCTION', percent: 50, fromMonth: '2026-04', toMonth: '2026-04', reason: 'Ốm đau dài ngày' } });
    expect(response.errors).toBeUndefined();
    const months = await dues(people.reduced);
    expect(months.map((month) => [month.month, month.reductionPercent, month.due])).toEqual([
      ['2026-03', null, 60_000],
      ['2026-04', 50, 30_000],
      ['2026-05', null, 60_000],
    ]);
  });

  it('keeps past months as they were when the basis changes later', async () => {
    await basis(people.salaried, { category: 'SALARIED', incomeAmount: 9_000_000, validFrom: '2026-05' });
    const months = await dues(people.salaried);
    expect(months.map((month) => month.due)).toEqual([80_000, 80_000, 90_000]);
  });
});

describe('payments and arrears', () => {
  const ARREARS = `query ($unitId: ID!, $asOf: String) { duesArrears(unitId: $unitId, asOf: $asOf) { fromMonth toMonth owed cells { cell { id } owed membersInArrears } members { member { id } unpaidMonths owed } } }`;
  type Arrears = { duesArrears: { fromMonth: string; toMonth: string; owed: number; cells: { cell: { id: string }; owed: number; membersInArrears: number }[]; members: { member: { id: string }; unpaidMonths: string[]; owed: number }[] } };

  it('records a payment collected by the cell secretary, audited', async () => {
    const before = await counts();
    const response = await federation.as(secretary, () => federation.post<{ recordDuesPayment: Record<string, unknown> }>(PAY, { input: { memberId: people.student, month: '2026-03', amount: 5000, paidOn: '2026-03-03', channel: 'CASH' } }));
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordDuesPayment).toMatchObject({ month: '2026-03', amount: 5000, paidOn: '2026-03-03', channel: 'CASH', member: { id: people.student } });
    expect(await counts()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
    expect((await dues(people.student))[0]).toMatchObject({ month: '2026-03', due: 5000, paid: 5000, owed: 0 });
  });

  it('lists arrears per member and per cell for the months already ended', async () => {
    const response = await federation.post<Arrears>(ARREARS, { unitId: demoId('unit', 10), asOf: '2026-05-20' });
    expect(response.errors).toBeUndefined();
    const arrears = response.data!.duesArrears;
    expect([arrears.fromMonth, arrears.toMonth]).toEqual(['2026-01', '2026-04']);
    const byMember = new Map(arrears.members.map((row) => [row.member.id, row]));
    expect(byMember.get(people.student)).toMatchObject({ unpaidMonths: ['2026-04'], owed: 5000 });
    expect(byMember.get(people.salaried)).toMatchObject({ unpaidMonths: ['2026-03', '2026-04'], owed: 160_000 });
    expect(byMember.get(people.hardship)).toMatchObject({ unpaidMonths: ['2026-03'], owed: 53_100 });
    expect(byMember.has(people.veteran)).toBe(false); // exempt
    const expectedTotal = 160_000 + 60_000 + 5_000 + 82_800 + 53_100 + 90_000;
    expect(arrears.owed).toBe(expectedTotal);
    expect(arrears.cells).toEqual([{ cell: { id: cell }, owed: expectedTotal, membersInArrears: 6 }]);
  });

  it('gives what each cell and each month had to collect and collected, owing or not', async () => {
    const TOTALS = `query ($unitId: ID!, $asOf: String) { duesArrears(unitId: $unitId, asOf: $asOf) { due paid owed byCell { cell { id } due paid owed } byMonth { month due paid owed membersInArrears } members { unpaidMonths } } }`;
    type Totals = { duesArrears: { members: { unpaidMonths: string[] }[]; due: number; paid: number; owed: number; byCell: { cell: { id: string }; due: number; paid: number; owed: number }[]; byMonth: { month: string; due: number; paid: number; owed: number; membersInArrears: number }[] } };
    const response = await federation.post<Totals>(TOTALS, { unitId: demoId('unit', 10), asOf: '2026-05-20' });
    expect(response.errors).toBeUndefined();
    const totals = response.data!.duesArrears;
    expect(totals.byCell).toEqual([{ cell: { id: cell }, due: totals.due, paid: totals.paid, owed: totals.owed }]);
    expect(totals.byMonth.map((row) => row.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const sum = (key: 'due' | 'paid' | 'owed') => totals.byMonth.reduce((total, row) => total + row[key], 0);
    expect([sum('due'), sum('paid'), sum('owed')]).toEqual([totals.due, totals.paid, totals.owed]);
    // The student's March payment (5,000 đ) is collected in March; each month counts the members who owe for it.
    expect(totals.byMonth.find((row) => row.month === '2026-03')!.paid).toBeGreaterThanOrEqual(5000);
    for (const month of totals.byMonth) expect(month.membersInArrears).toBe(totals.members.filter((row) => row.unpaidMonths.includes(month.month)).length);
    expect(totals.byMonth.some((row) => row.membersInArrears > 0)).toBe(true);
  });

  it('sums the same months in the database for a subtree and for each unit directly below it (duesSummary)', async () => {
    const SUMMARY = `query ($unitId: ID!, $from: String!, $to: String!) {
      duesSummary(unitId: $unitId, fromMonth: $from, toMonth: $to) { unit { id } fromMonth toMonth due paid owed membersInArrears byChildUnit { unit { id } due paid owed membersInArrears } }
      duesArrears(unitId: $unitId, fromMonth: $from, toMonth: $to) { due paid owed members { member { id } } byCell { cell { id } due paid owed membersInArrears } } }`;
    type Figures = { due: number; paid: number; owed: number; membersInArrears: number };
    type Answer = {
      duesSummary: Figures & { unit: { id: string }; fromMonth: string; toMonth: string; byChildUnit: (Figures & { unit: { id: string } })[] };
      duesArrears: { due: number; paid: number; owed: number; members: unknown[]; byCell: (Figures & { cell: { id: string } })[] };
    };
    const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
    const ask = (unitId: string) => federation.as(board, () => federation.post<Answer>(SUMMARY, { unitId, from: '2026-01', to: '2026-04' }));
    // The ward: its total is duesArrears' total, its rows are the cells' (one here, with every basis recorded).
    const ward = await ask(demoId('unit', 10));
    expect(ward.errors).toBeUndefined();
    const { duesSummary: wardSummary, duesArrears: wardArrears } = ward.data!;
    expect(wardSummary.owed).toBeGreaterThan(0);
    expect(wardSummary).toMatchObject({ unit: { id: demoId('unit', 10) }, fromMonth: '2026-01', toMonth: '2026-04', due: wardArrears.due, paid: wardArrears.paid, owed: wardArrears.owed, membersInArrears: wardArrears.members.length });
    expect(wardSummary.byChildUnit).toEqual(wardArrears.byCell.map(({ cell: unit, ...figures }) => ({ unit, ...figures })));
    // The district: the same money, under the ward that holds the cell.
    const district = await ask(demoId('unit', 2));
    expect(district.errors).toBeUndefined();
    const { duesSummary: districtSummary } = district.data!;
    expect(districtSummary).toMatchObject({ due: wardSummary.due, paid: wardSummary.paid, owed: wardSummary.owed, membersInArrears: wardSummary.membersInArrears });
    expect(districtSummary.byChildUnit).toEqual([{ unit: { id: demoId('unit', 10) }, due: wardSummary.due, paid: wardSummary.paid, owed: wardSummary.owed, membersInArrears: wardSummary.membersInArrears }]);
  });

  it('shows no summary outside the caller’s scope, and refuses a range that ends before it starts', async () => {
    const SUMMARY = `query ($unitId: ID!, $from: String!, $to: String!) { duesSummary(unitId: $unitId, fromMonth: $from, toMonth: $to) { due } }`;
    const other = await federation.as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) }), () => federation.post(SUMMARY, { unitId: demoId('unit', 10), from: '2026-01', to: '2026-04' }));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data).toBeNull();
    const backwards = await federation.post(SUMMARY, { unitId: demoId('unit', 10), from: '2026-04', to: '2026-01' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toMonth' });
  });

  it('shows a cell’s arrears to its secretary and nothing of it to another ward', async () => {
    const own = await federation.as(secretary, () => federation.post<Arrears>(ARREARS, { unitId: cell, asOf: '2026-05-20' }));
    expect(own.data!.duesArrears.members).toHaveLength(6);
    const other = await federation.as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) }), () => federation.post<Arrears>(ARREARS, { unitId: cell }));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a payment sent again by an offline client', () => {
  const PAYMENTS = `query ($id: ID!) { member(id: $id) { duesPayments { id month amount } } }`;
  const payment = (extra: Record<string, unknown> = {}) => ({ memberId: people.pensioner, month: '2026-05', amount: 10_000, paidOn: '2026-05-04', channel: 'CASH', ...extra });
  const pay = (input: Record<string, unknown>) => federation.as(secretary, () => federation.post<{ recordDuesPayment: { id: string } }>(PAY, { input }));
  const paymentsOfMay = async () => {
    const response = await federation.post<{ member: { duesPayments: { id: string; month: string; amount: number }[] } }>(PAYMENTS, { id: people.pensioner });
    expect(response.errors).toBeUndefined();
    return response.data!.member.duesPayments.filter((row) => row.month === '2026-05');
  };
  const key = '0b7f6d8e-2c4a-4e1b-9d3f-5a6b7c8d9e01';

  it('records one payment and one audit record for a payment delivered twice with its key', async () => {
    const before = await counts();
    const first = await pay(payment({ clientRequestId: key }));
    expect(first.errors).toBeUndefined();
    const again = await pay(payment({ clientRequestId: key }));
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await counts()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
    expect(await paymentsOfMay()).toEqual([{ id: first.data!.recordDuesPayment.id, month: '2026-05', amount: 10_000 }]);
  });

  it('answers the recorded payment even when the month is now fully paid (a retry is not a second payment)', async () => {
    const settling = '0b7f6d8e-2c4a-4e1b-9d3f-5a6b7c8d9e02';
    const first = await pay(payment({ amount: 20_000, clientRequestId: settling }));
    expect(first.errors).toBeUndefined();
    expect((await dues(people.pensioner, '2026-05', '2026-05'))[0]).toMatchObject({ due: 30_000, paid: 30_000, owed: 0 });
    const before = await counts();
    const again = await pay(payment({ amount: 20_000, clientRequestId: settling }));
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await counts()).toEqual(before);
  });

  it('refuses the key for another member’s payment and a key that is not a UUID, changing nothing', async () => {
    const before = await counts();
    const reused = await pay(payment({ memberId: people.student, amount: 5000, clientRequestId: key }));
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
    expect(reused.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệốờ]/i);
    const malformed = await pay(payment({ memberId: people.student, amount: 5000, clientRequestId: 'lan-thu-nhat' }));
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientRequestId' });
    expect(await counts()).toEqual(before);
  });

  it('without a key, as before: each call is a payment of its own', async () => {
    const before = await counts();
    for (let time = 0; time < 2; time++) expect((await pay({ memberId: people.student, month: '2026-05', amount: 2000, paidOn: '2026-05-04', channel: 'CASH' })).errors).toBeUndefined();
    expect(await counts()).toEqual({ ...before, payments: before.payments + 2, audit: before.audit + 2 });
  });
});

describe('refusals change nothing', () => {
  let outsider: string;
  beforeAll(async () => {
    outsider = (await sql<{ id: string }>`SELECT id FROM member WHERE cell_id = ${demoId('unit', 131)} LIMIT 1`.execute(federation.membership.db)).rows[0]!.id;
  });

  const cases: [string, () => { query: string; input: Record<string, unknown>; as?: ReturnType<typeof callerWith> }, string, string?][] = [
    ['a negative payment', () => ({ query: PAY, input: { memberId: people.salaried, month: '2026-04', amount: -80_000, paidOn: '2026-04-03', channel: 'CASH' }, as: secretary }), 'BAD_USER_INPUT', 'amount'],
    ['a payment above what is owed for the month', () => ({ query: PAY, input: { memberId: people.salaried, month: '2026-04', amount: 80_001, paidOn: '2026-04-03', channel: 'CASH' }, as: secretary }), 'CONFLICT', 'amount'],
    ['a payment for an exempt month', () => ({ query: PAY, input: { memberId: people.veteran, month: '2026-04', amount: 1000, paidOn: '2026-04-03', channel: 'CASH' }, as: secretary }), 'CONFLICT', 'amount'],
    ['a payment for a month that is not one', () => ({ query: PAY, input: { memberId: people.salaried, month: '2026-13', amount: 1000, paidOn: '2026-04-03', channel: 'CASH' }, as: secretary }), 'BAD_USER_INPUT', 'month'],
    ['a payment for a member outside the caller’s subtree', () => ({ query: PAY, input: { memberId: outsider, month: '2026-04', amount: 1000, paidOn: '2026-04-03', channel: 'CASH' }, as: secretary }), 'NOT_FOUND'],
    ['a payment recorded by the ward instead of the cell', () => ({ query: PAY, input: { memberId: people.salaried, month: '2026-04', amount: 1000, paidOn: '2026-04-03', channel: 'CASH' } }), 'FORBIDDEN'],
    ['a reduction over 12 months', () => ({ query: RELIEF, input: { memberId: people.salaried, kind: 'REDUCTION', percent: 30, fromMonth: '2026-06', toMonth: '2027-06', reason: 'Ốm đau' } }), 'BAD_USER_INPUT', 'toMonth'],
    ['a reduction by a percentage the rule does not allow', () => ({ query: RELIEF, input: { memberId: people.salaried, kind: 'REDUCTION', percent: 40, fromMonth: '2026-06', toMonth: '2026-08', reason: 'Ốm đau' } }), 'BAD_USER_INPUT', 'percent'],
    ['a relief for a member outside the caller’s subtree', () => ({ query: RELIEF, input: { memberId: outsider, kind: 'EXEMPTION', fromMonth: '2026-06', reason: 'Khó khăn' } }), 'NOT_FOUND'],
    ['a relief decided by the cell secretary', () => ({ query: RELIEF, input: { memberId: people.salaried, kind: 'EXEMPTION', fromMonth: '2026-06', reason: 'Khó khăn' }, as: secretary }), 'FORBIDDEN'],
    ['a salaried basis without the salary', () => ({ query: BASIS, input: { memberId: people.salaried, category: 'SALARIED', validFrom: '2026-06' } }), 'BAD_USER_INPUT', 'incomeAmount'],
    ['a negative salary', () => ({ query: BASIS, input: { memberId: people.salaried, category: 'SALARIED', incomeAmount: -1, validFrom: '2026-06' } }), 'BAD_USER_INPUT', 'incomeAmount'],
    ['a basis for a member outside the caller’s subtree', () => ({ query: BASIS, input: { memberId: outsider, category: 'STUDENT', validFrom: '2026-06' } }), 'NOT_FOUND'],
  ];

  it.each(cases)('refuses %s', async (_case, request, code, field) => {
    const { query, input, as } = request();
    const before = await counts();
    const response = await federation.as(as ?? ward, () => federation.post(query, { input }));
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệốờ]/i);
    expect(await counts()).toEqual(before);
  });
});

describe('a payment dated after today', () => {
  // Membership's today is Vietnam's day, as the server counts it.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const pay = (paidOn: string) => federation.as(secretary, () => federation.post(PAY, { input: { memberId: people.salaried, month: '2026-07', amount: 1000, paidOn, channel: 'CASH' } }));

  it('is refused, naming the date, and changes nothing', async () => {
    const before = await counts();
    const response = await pay(tomorrow);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paidOn' });
    expect(response.errors?.[0]?.message).toBe(`Ngày nộp ${tomorrow.split('-').reverse().join('/')} chưa đến.`);
    expect(await counts()).toEqual(before);
  });

  it('is recorded when dated today', async () => {
    const before = await counts();
    const response = await pay(today);
    expect(response.errors).toBeUndefined();
    expect(await counts()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
  });
});

describe('a new dues rule', () => {
  const ADD = `mutation ($input: AddDuesRuleInput!) { addDuesRule(input: $input) { code validFrom salaryPercent } }`;
  const admin = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
  // Months relative to the clock: a rule may only start from next month, so the test must follow today.
  const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date());
  const shift = (month: string, by: number) => {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const nextMonth = shift(thisMonth, 1);
  const rule = (validFrom: string) => ({
    code: 'THỬ-QĐ/TW', name: 'Quy định thử', validFrom, salaryPercent: 1.5, pensionPercent: 0.5, studentAmount: 5000, minimumWagePercent: 1, exemptAfterPartyYears: 50, reductionPercents: [30, 50, 70], maxReductionMonths: 12,
  });

  it('refuses a rule that would reprice this month or an earlier one, and a caller who is not an administrator of the whole tree', async () => {
    const before = { ...(await counts()), rules: await count('dues_rule') };
    const early = await federation.as(admin, () => federation.post(ADD, { input: rule(`${thisMonth}-01`) }));
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validFrom' });
    const wardAdmin = await federation.as(callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 10) }), () => federation.post(ADD, { input: rule(`${nextMonth}-01`) }));
    expect(wardAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect({ ...(await counts()), rules: await count('dues_rule') }).toEqual(before);
  });

  it('prices the months from its date and leaves the months before as they were', async () => {
    const before = await dues(people.salaried, shift(thisMonth, -1), nextMonth);
    const added = await federation.as(admin, () => federation.post(ADD, { input: rule(`${nextMonth}-01`) }));
    expect(added.errors).toBeUndefined();
    const after = await dues(people.salaried, shift(thisMonth, -1), nextMonth);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).toMatchObject({ month: nextMonth, rule: 'THỬ-QĐ/TW', due: 135_000 }); // 1.5% of 9,000,000 đ
    expect(before[2]).toMatchObject({ rule: '01-QĐ/TW', due: 90_000 });
  });
});
