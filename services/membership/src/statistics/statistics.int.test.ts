import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import type { Sex } from '../generated/graphql.ts';

/**
 * Statistics for a unit and a period, through the gateway on real databases, from recorded events
 * on the tree as it stood. Thủ Đức in seed 000: the district committee directed its 12 ward
 * committees; in 2018 it put 17 members out of the Party (expelled) and removed 16 names; in the
 * first seven months of 2019, 7 and 10. The figures are reproduced from events, and still after the
 * 2025 reform ended the district.
 */
const province = demoId('unit', 1);
const admin = callerWith({ role: 'ADMIN', scopeUnitId: province });
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => admin);
});
afterAll(async () => federation?.close());

const WARDS = ['Bình Chiểu', 'Bình Thọ', 'Hiệp Bình Chánh', 'Hiệp Bình Phước', 'Linh Chiểu', 'Linh Đông', 'Linh Tây', 'Linh Trung', 'Linh Xuân', 'Tam Bình', 'Tam Phú', 'Trường Thọ'];
const MEMBERS_PER_CELL = 6;
const SEED = { 2018: { expelled: 17, namesRemoved: 16 }, 2019: { expelled: 7, namesRemoved: 10 } };

const CREATE_UNIT = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`;
const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const STATISTICS = `query ($unitId: ID!, $asOf: String, $from: String, $to: String) { memberStatistics(unitId: $unitId, asOf: $asOf, from: $from, to: $to) {
  asOf from to members byStatus { value count } bySex { value count } byAgeBand { value count } byEthnicity { value count }
  byEducationLevel { value count } byPoliticalTheoryLevel { value count } unitsByKind { value count }
  admitted madeOfficial transferredIn transferredOut expelled namesRemoved left died } }`;
type Count = { value: string | null; count: number };
type Statistics = {
  asOf: string; from: string; to: string; members: number;
  byStatus: Count[]; bySex: Count[]; byAgeBand: Count[]; byEthnicity: Count[] | null; byEducationLevel: Count[]; byPoliticalTheoryLevel: Count[]; unitsByKind: Count[];
  admitted: number; madeOfficial: number; transferredIn: number; transferredOut: number; expelled: number; namesRemoved: number; left: number; died: number;
};

interface Fixture { id: string; sex: Sex; ethnicity: string; admittedOn: string; fate: null | { kind: 'EXPELLED' | 'NAME_REMOVED'; on: string } }
const members: Fixture[] = [];
let thuDuc: string;

async function createUnit(input: Record<string, unknown>): Promise<string> {
  const response = await federation.post<{ createOrgUnit: { id: string } }>(CREATE_UNIT, { input: { establishedOn: '1997-04-01', decisionNumber: '03/1997/NĐ-CP', ...input } });
  expect(response.errors).toBeUndefined();
  return response.data!.createOrgUnit.id;
}

async function statistics(variables: Record<string, unknown>, who = admin): Promise<Statistics> {
  const response = await federation.as(who, () => federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId: thuDuc, ...variables }));
  expect(response.errors).toBeUndefined();
  return response.data!.memberStatistics;
}

/** The fates the seed gives, spread over the wards: the first members of the list, dated through the period. */
function fates(): Fixture['fate'][] {
  const list: Fixture['fate'][] = [];
  const spread = (count: number, kind: 'EXPELLED' | 'NAME_REMOVED', year: number, months: number) => {
    for (let i = 0; i < count; i++) list.push({ kind, on: `${year}-${String(1 + (i % months)).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}` });
  };
  spread(SEED[2018].expelled, 'EXPELLED', 2018, 12);
  spread(SEED[2018].namesRemoved, 'NAME_REMOVED', 2018, 12);
  spread(SEED[2019].expelled, 'EXPELLED', 2019, 7);
  spread(SEED[2019].namesRemoved, 'NAME_REMOVED', 2019, 7);
  return list;
}

beforeAll(async () => {
  thuDuc = await createUnit({ code: 'HCM-TD', name: 'Đảng bộ quận Thủ Đức', kind: 'DISTRICT', parentId: province });
  const cells: string[] = [];
  for (const [index, ward] of WARDS.entries()) {
    const committee = await createUnit({ code: `HCM-TD-${index + 1}`, name: `Đảng bộ phường ${ward}`, kind: 'GRASSROOTS_COMMITTEE', parentId: thuDuc });
    cells.push(await createUnit({ code: `HCM-TD-${index + 1}-1`, name: 'Chi bộ khu phố 1', kind: 'CELL', parentId: committee }));
  }
  await federation.catchUp();
  const fateList = fates();
  let n = 0;
  for (let m = 0; m < MEMBERS_PER_CELL; m++) {
    for (const cell of cells) {
      // Members across the wards: fates go to the first ones, three of the last are admitted in 2018.
      const fate = fateList[n] ?? null;
      const admittedOn = n >= WARDS.length * MEMBERS_PER_CELL - 3 ? '2018-05-19' : `${2000 + (n % 15)}-02-03`;
      const sex = n % 3 === 0 ? 'FEMALE' : 'MALE';
      const ethnicity = n % 10 === 0 ? 'Hoa' : 'Kinh';
      const response = await federation.post<{ createMember: { id: string } }>(CREATE, {
        input: { profile: { fullName: `Đảng viên Thủ Đức ${n + 1}`, dateOfBirth: `${1950 + (n % 30)}-06-15`, sex, ethnicity, educationLevel: '12/12' }, cellId: cell, admittedOn },
      });
      expect(response.errors).toBeUndefined();
      members.push({ id: response.data!.createMember.id, sex, ethnicity, admittedOn, fate });
      n++;
    }
  }
  for (const member of members) {
    if (!member.fate) continue;
    const event = member.fate.kind === 'EXPELLED'
      ? { kind: 'DISCIPLINE', details: { disciplineLevel: 'EXPULSION', reason: 'Vi phạm tư cách đảng viên' } }
      : { kind: 'NAME_REMOVED', details: { reason: 'Bỏ sinh hoạt đảng không có lý do chính đáng' } };
    const response = await federation.post(RECORD, { input: { memberId: member.id, occurredOn: member.fate.on, decisionNumber: 'QĐ/QU', ...event } });
    expect(response.errors).toBeUndefined();
  }
});

const gone = (year: number) => members.filter((member) => member.fate && member.fate.on.slice(0, 4) <= String(year) && !(member.fate.on.slice(0, 4) === '2019' && member.fate.on > '2019-07-31' && year === 2019));
const present = (date: string) => members.filter((member) => member.admittedOn <= date && !(member.fate && member.fate.on <= date));
const tally = <T>(list: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const member of list) counts.set(key(member), (counts.get(key(member)) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value, 'vi'));
};

describe('Thủ Đức, seed 000', () => {
  it('2018: 17 members put out of the Party, 16 names removed, in a district of 12 ward committees', async () => {
    const year = await statistics({ from: '2018-01-01', to: '2018-12-31' });
    expect(year).toMatchObject({ from: '2018-01-01', to: '2018-12-31', asOf: '2018-12-31', expelled: 17, namesRemoved: 16, admitted: 3, left: 0, died: 0 });
    expect(year.unitsByKind).toEqual([{ value: 'CELL', count: 12 }, { value: 'GRASSROOTS_COMMITTEE', count: 12 }]);
  });

  it('first seven months of 2019: 7 and 10', async () => {
    const months = await statistics({ from: '2019-01-01', to: '2019-07-31' });
    expect(months).toMatchObject({ expelled: 7, namesRemoved: 10, admitted: 0 });
  });

  it('counts the members on a date, as they stood, by status, sex and ethnicity', async () => {
    expect(gone(2018)).toHaveLength(33);
    for (const date of ['2017-12-31', '2018-12-31', '2019-07-31']) {
      const expected = present(date);
      const figures = await statistics({ asOf: date, from: `${date.slice(0, 4)}-01-01`, to: date });
      expect(figures.members).toBe(expected.length);
      expect(figures.bySex).toEqual(tally(expected, (member) => member.sex));
      expect(figures.byEthnicity).toEqual(tally(expected, (member) => member.ethnicity));
      expect(figures.byEducationLevel).toEqual([{ value: '12/12', count: expected.length }]);
      expect(figures.byPoliticalTheoryLevel).toEqual(expected.length ? [{ value: null, count: expected.length }] : []);
      expect(figures.byAgeBand.reduce((sum, band) => sum + band.count, 0)).toBe(expected.length);
      // Nobody was made official by a recorded event: everyone admitted is probationary in the record.
      expect(figures.byStatus).toEqual([{ value: 'PROBATIONARY', count: expected.length }]);
    }
    expect((await statistics({ asOf: '2017-12-31', from: '2017-01-01', to: '2017-12-31' })).members).toBe(69);
  });

  it('publishes MemberDisciplined for every expulsion, in the transaction that recorded it', async () => {
    const published = await sql<{ payload: { memberId: string; form: string; effectiveDate: string } }>`
      SELECT payload FROM outbox_event WHERE type = 'MemberDisciplined' ORDER BY position`.execute(federation.membership.db);
    const expelled = members.filter((member) => member.fate?.kind === 'EXPELLED');
    expect(published.rows.map((row) => row.payload)).toEqual(expelled.map((member) => ({ memberId: member.id, form: 'EXPULSION', effectiveDate: member.fate!.on })));
    // Evaluation applies them (it caps the year's grade of a disciplined member).
    await federation.catchUp();
    const applied = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM member_discipline WHERE form = 'EXPULSION'`.execute(federation.evaluation.db);
    expect(applied.rows[0]!.n).toBe(expelled.length);
  });

  it('hides ethnicity from a role that may not read it', async () => {
    const analyst = callerWith({ role: 'ANALYST', scopeUnitId: province });
    const figures = await statistics({ from: '2018-01-01', to: '2018-12-31' }, analyst);
    expect(figures.byEthnicity).toBeNull();
    expect(figures.expelled).toBe(17);
  });

  it('shows nothing to a district board of another district', async () => {
    const other = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
    const response = await federation.as(other, () => federation.post(STATISTICS, { unitId: thuDuc, from: '2018-01-01', to: '2018-12-31' }));
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives the same figures for each ward in one field (byChildUnit), and none to a board of another district', async () => {
    const BY_CHILD = `query ($unitId: ID!, $asOf: String, $from: String, $to: String) { memberStatistics(unitId: $unitId, asOf: $asOf, from: $from, to: $to) {
      members byChildUnit { unit { id name } members probationary official exempt admitted madeOfficial transferredIn transferredOut expelled namesRemoved left died } } }`;
    type Row = { unit: { id: string; name: string }; members: number; probationary: number; official: number; exempt: number } & Record<string, unknown>;
    const period = { asOf: '2018-12-31', from: '2018-01-01', to: '2018-12-31' };
    const response = await federation.post<{ memberStatistics: { members: number; byChildUnit: Row[] } }>(BY_CHILD, { unitId: thuDuc, ...period });
    expect(response.errors).toBeUndefined();
    const rows = response.data!.memberStatistics.byChildUnit;
    expect(rows.map((row) => row.unit.name).sort()).toEqual(WARDS.map((ward) => `Đảng bộ phường ${ward}`).sort());
    const sum = (key: string) => rows.reduce((total, row) => total + Number(row[key]), 0);
    expect({ members: sum('members'), expelled: sum('expelled'), namesRemoved: sum('namesRemoved'), admitted: sum('admitted') }).toEqual({ members: present('2018-12-31').length, expelled: 17, namesRemoved: 16, admitted: 3 });
    // Each row is what memberStatistics answers for that ward alone.
    for (const row of rows.slice(0, 3)) {
      const ward = await federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId: row.unit.id, ...period });
      const own = ward.data!.memberStatistics;
      const status = (value: string) => own.byStatus.find((entry) => entry.value === value)?.count ?? 0;
      expect(row).toMatchObject({ members: own.members, probationary: status('PROBATIONARY'), official: status('OFFICIAL'), exempt: status('EXEMPT'), admitted: own.admitted, expelled: own.expelled, namesRemoved: own.namesRemoved, transferredIn: own.transferredIn, transferredOut: own.transferredOut });
    }
    const other = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
    const refused = await federation.as(other, () => federation.post(BY_CHILD, { unitId: thuDuc, ...period }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.data).toBeNull();
  });

  it('still gives 2018 on the tree as it stood after the 2025 reform ended the district', async () => {
    const reform = await federation.post<{ applyProvinceReform: { id: string } }>(`mutation ($input: ApplyProvinceReformInput!) { applyProvinceReform(input: $input) { id } }`, {
      input: { districtId: thuDuc, effectiveDate: '2025-07-01', decisionNumber: '60-NQ/TW' },
    });
    expect(reform.errors).toBeUndefined();
    await federation.catchUp();
    const year = await statistics({ from: '2018-01-01', to: '2018-12-31' });
    expect(year).toMatchObject({ expelled: 17, namesRemoved: 16, members: present('2018-12-31').length });
    expect(year.unitsByKind).toEqual([{ value: 'CELL', count: 12 }, { value: 'GRASSROOTS_COMMITTEE', count: 12 }]);
    // On the day it ended it holds nothing; a period wholly after its end is not its to report.
    const ended = await statistics({ asOf: '2025-07-01', from: '2025-01-01', to: '2025-07-01' });
    expect(ended).toMatchObject({ members: 0, unitsByKind: [] });
    const after = await federation.post(STATISTICS, { unitId: thuDuc, asOf: '2026-01-01', from: '2026-01-01', to: '2026-01-01' });
    expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The members are where they were, under the province now.
    const provinceFigures = await federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId: province, asOf: '2019-07-31', from: '2019-01-01', to: '2019-07-31' });
    expect(provinceFigures.data!.memberStatistics).toMatchObject({ expelled: 7, namesRemoved: 10 });
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await federation.post(STATISTICS, { unitId: thuDuc, from: '2019-01-01', to: '2018-12-31' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('the status counted on a date is the status the lifecycle derives', () => {
  const histories: { profile: Record<string, unknown>; admittedOn?: string; candidateSince?: string; events: Record<string, unknown>[] }[] = [
    { admittedOn: '2015-03-02', profile: { fullName: 'Lý Văn Một', dateOfBirth: '1960-01-01' }, events: [
      { kind: 'OFFICIAL', occurredOn: '2016-03-02' }, { kind: 'EXEMPT', occurredOn: '2020-01-10' }, { kind: 'EXEMPT_ENDED', occurredOn: '2021-01-10' }, { kind: 'DIED', occurredOn: '2023-05-05' }] },
    { admittedOn: '2019-06-03', profile: { fullName: 'Lý Thị Hai', dateOfBirth: '1990-02-02' }, events: [
      { kind: 'EXEMPT', occurredOn: '2019-09-10' }, { kind: 'EXEMPT_ENDED', occurredOn: '2020-01-06' }, { kind: 'OFFICIAL', occurredOn: '2020-06-05' }] },
    { admittedOn: '2010-01-04', profile: { fullName: 'Lý Văn Ba', dateOfBirth: '1970-03-03' }, events: [
      { kind: 'OFFICIAL', occurredOn: '2011-01-04' }, { kind: 'DISCIPLINE', occurredOn: '2018-04-02', details: { disciplineLevel: 'EXPULSION' } }, { kind: 'REINSTATED', occurredOn: '2020-02-03' }] },
    { candidateSince: '2017-01-02', profile: { fullName: 'Lý Thị Bốn', dateOfBirth: '1995-04-04' }, events: [{ kind: 'ADMITTED', occurredOn: '2018-01-02' }] },
    { admittedOn: '2012-02-01', profile: { fullName: 'Lý Văn Năm', dateOfBirth: '1980-05-05' }, events: [
      { kind: 'DISCIPLINE', occurredOn: '2014-03-03', details: { disciplineLevel: 'WARNING' } }, { kind: 'NAME_REMOVED', occurredOn: '2019-02-01' }] },
  ];
  const DATES = ['2017-06-01', '2018-06-01', '2019-12-01', '2020-03-01', '2021-06-01', '2024-01-01'];
  let cell: string;
  const ids: string[] = [];

  beforeAll(async () => {
    cell = await createUnit({ code: 'ND-XT-1-9', name: 'Chi bộ thử trạng thái', kind: 'CELL', parentId: demoId('unit', 10), establishedOn: '2000-01-01' });
    await federation.catchUp();
    for (const history of histories) {
      const created = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: history.profile, cellId: cell, admittedOn: history.admittedOn, candidateSince: history.candidateSince } });
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createMember.id);
      for (const event of history.events) {
        const recorded = await federation.post(RECORD, { input: { memberId: created.data!.createMember.id, ...event } });
        expect(recorded.errors).toBeUndefined();
      }
    }
  });

  it.each(DATES)('on %s', async (date) => {
    const derived = await federation.post<Record<string, { statusOn: string | null }>>(`{ ${ids.map((id, index) => `m${index}: member(id: "${id}") { statusOn(date: "${date}") }`).join(' ')} }`);
    expect(derived.errors).toBeUndefined();
    const inParty = Object.values(derived.data!).map((member) => member.statusOn).filter((status): status is string => status === 'PROBATIONARY' || status === 'OFFICIAL' || status === 'EXEMPT');
    const figures = await federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId: cell, asOf: date, from: date, to: date });
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.memberStatistics.byStatus).toEqual(tally(inParty, (status) => status));
  });
});

describe('transfers in and out, by the placements as they stood', () => {
  const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`;
  const PRESENTED = `mutation ($input: RecordTransferLetterPresentedInput!) { recordTransferLetterPresented(input: $input) { id } }`;
  const RECEIVE = `mutation ($input: ReceiveTransferredMemberInput!) { receiveTransferredMember(input: $input) { id } }`;
  const period = { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' };
  const figures = async (unitId: string) => {
    const response = await federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId, ...period });
    expect(response.errors).toBeUndefined();
    return response.data!.memberStatistics;
  };

  beforeAll(async () => {
    const mover = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Mai Văn Chuyển', dateOfBirth: '1980-01-01' }, cellId: demoId('unit', 101), admittedOn: '2005-05-05' } });
    const leaver = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Mai Thị Đi', dateOfBirth: '1981-01-01' }, cellId: demoId('unit', 101), admittedOn: '2006-06-06' } });
    expect(mover.errors ?? leaver.errors).toBeUndefined();
    // Within the system: from a cell of Xuân Trường town (ward 10) to one of Xuân Hồng (ward 11).
    const within = await federation.post<{ issueTransferLetter: { id: string } }>(ISSUE, {
      input: { memberId: mover.data!.createMember.id, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', toCellId: demoId('unit', 111), letterNumber: '12-GGT/ĐU', letterIssuedOn: '2024-03-01' },
    });
    expect(within.errors).toBeUndefined();
    expect((await federation.post(PRESENTED, { input: { transferId: within.data!.issueTransferLetter.id, presentedOn: '2024-03-15' } })).errors).toBeUndefined();
    // Out of the system, and into it from another province.
    const out = await federation.post(ISSUE, {
      input: { memberId: leaver.data!.createMember.id, kind: 'OFFICIAL', reason: 'JOB_CHANGE', externalOrganization: 'Đảng bộ tỉnh Thái Bình', letterNumber: '13-GGT/ĐU', letterIssuedOn: '2024-04-01' },
    });
    expect(out.errors).toBeUndefined();
    const arrival = await federation.post(RECEIVE, {
      input: {
        profile: { fullName: 'Mai Văn Đến', dateOfBirth: '1982-02-02' }, cellId: demoId('unit', 102), kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', fromOrganization: 'Đảng bộ tỉnh Hà Nam',
        letterNumber: '7-GGT/TU', letterIssuedOn: '2024-04-20', presentedOn: '2024-05-02', admittedOn: '2010-10-10', officialOn: '2011-10-10',
      },
    });
    expect(arrival.errors).toBeUndefined();
  });

  it('counts a move between wards as out of one and into the other, and as neither for the district holding both', async () => {
    expect(await figures(demoId('unit', 10))).toMatchObject({ transferredIn: 1, transferredOut: 2 });
    expect(await figures(demoId('unit', 11))).toMatchObject({ transferredIn: 1, transferredOut: 0 });
    expect(await figures(demoId('unit', 2))).toMatchObject({ transferredIn: 1, transferredOut: 1 });
    expect(await figures(demoId('unit', 2))).toMatchObject({ admitted: 0, expelled: 0 });
  });

  it('counts the same moves per ward in the district’s byChildUnit: out of one, into the other', async () => {
    const response = await federation.post<{ memberStatistics: { byChildUnit: { unit: { id: string }; transferredIn: number; transferredOut: number }[] } }>(
      `query ($unitId: ID!, $asOf: String, $from: String, $to: String) { memberStatistics(unitId: $unitId, asOf: $asOf, from: $from, to: $to) { byChildUnit { unit { id } transferredIn transferredOut } } }`,
      { unitId: demoId('unit', 2), ...period },
    );
    expect(response.errors).toBeUndefined();
    const row = (id: string) => response.data!.memberStatistics.byChildUnit.find((entry) => entry.unit.id === id);
    expect(row(demoId('unit', 10))).toMatchObject({ transferredIn: 1, transferredOut: 2 });
    expect(row(demoId('unit', 11))).toMatchObject({ transferredIn: 1, transferredOut: 0 });
  });

  it('counts nothing in a period before the transfers', async () => {
    const response = await federation.post<{ memberStatistics: Statistics }>(STATISTICS, { unitId: demoId('unit', 10), asOf: '2023-12-31', from: '2023-01-01', to: '2023-12-31' });
    expect(response.data!.memberStatistics).toMatchObject({ transferredIn: 0, transferredOut: 0 });
  });
});
