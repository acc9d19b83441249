import { todayInVietnam } from '@dangvien/db';
import { demoDataSet, demoId, callerWith } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Đoàn cán bộ (seed 004) through the gateway: the district board assigns a delegation of its members
 * to direct a ward, each delegate responsible for an area (a cell of the ward); the ward's committee
 * registers their work items and results; the district rates them at year end.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const district = unit(2); // Đảng bộ huyện Xuân Trường
const ward = unit(11); // Đảng bộ xã Xuân Hồng, directed
const areas = [unit(111), unit(112), unit(113)]; // its cells: the areas
const active = (cellId: string) => demo.members.filter((member) => member.cellId === cellId && member.status !== 'LEFT' && member.status !== 'DECEASED').map((member) => member.id);
const cadres = active(unit(101)).slice(0, 3); // members of the district (another ward's cell)
const outsider = active(unit(131))[0] ?? active(unit(132))[0]!; // a member of the other district
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
const wardCommittee = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: ward });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => districtBoard);
});
afterAll(async () => federation?.close());

const CREATE = `mutation ($input: CreateDelegationInput!) {
  createDelegation(input: $input) { id name startsOn assigningUnit { id } targetUnit { id } delegates { id role areaName area { id } member { id fullName } } }
}`;
const REGISTER = `mutation ($input: RegisterWorkItemInput!) { registerWorkItem(input: $input) { id year title result } }`;
const RESULT = `mutation ($input: RecordWorkItemResultInput!) { recordWorkItemResult(input: $input) { id result resultNote resultRecordedOn } }`;
const RATE = `mutation ($input: RateDelegateInput!) { rateDelegate(input: $input) { year grade comment } }`;
const READ = `query ($id: ID!) {
  delegation(id: $id) {
    name
    delegates { role areaName workItems(year: 2018) { title result } rating(year: 2018) { grade } }
    ratingSummary(year: 2018) { delegates rated byGrade { grade count } }
  }
}`;
type Created = { createDelegation: { id: string; delegates: { id: string; role: string; areaName: string; area: { id: string } | null; member: { id: string; fullName: string } }[] } };

const input = (overrides: Record<string, unknown> = {}) => ({
  assigningUnitId: district,
  targetUnitId: ward,
  name: 'Đoàn cán bộ huyện chỉ đạo xã Xuân Hồng',
  startsOn: '2018-01-15',
  decisionNumber: '02-NQ/HU',
  delegates: cadres.map((memberId, index) => ({ memberId, role: index === 0 ? 'LEADER' : 'MEMBER', areaUnitId: areas[index] })),
  ...overrides,
});
const counts = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  delegations: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM delegation`.execute(federation.organization.db)).rows[0]!.n),
  delegates: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM delegate`.execute(federation.organization.db)).rows[0]!.n),
});

describe('delegations (đoàn cán bộ)', () => {
  it.each([
    ['no leader', () => input({ delegates: cadres.map((memberId, index) => ({ memberId, role: 'MEMBER', areaUnitId: areas[index] })) }), 'BAD_USER_INPUT', /trưởng đoàn/],
    ['two delegates for one area', () => input({ delegates: cadres.map((memberId, index) => ({ memberId, role: index === 0 ? 'LEADER' : 'MEMBER', areaUnitId: areas[0] })) }), 'BAD_USER_INPUT', /cùng phụ trách/],
    ['a directed unit that is not below the assigning one', () => input({ targetUnitId: unit(13) }), 'BAD_USER_INPUT', /phải trực thuộc/],
    ['a delegate from outside the assigning unit', () => input({ delegates: [{ memberId: outsider, role: 'LEADER', areaUnitId: areas[0] }] }), 'BAD_USER_INPUT', /sinh hoạt trong/],
    ['an area outside the directed unit', () => input({ delegates: [{ memberId: cadres[0], role: 'LEADER', areaUnitId: unit(101) }] }), 'BAD_USER_INPUT', /Khu vực phụ trách/],
    ['an area with neither unit nor name', () => input({ delegates: [{ memberId: cadres[0], role: 'LEADER' }] }), 'BAD_USER_INPUT', /khu vực/],
    ['a start before the district existed', () => input({ startsOn: '1940-01-01' }), 'BAD_USER_INPUT', /chưa thành lập/],
  ])('refuses %s with a clear error, and changes nothing', async (_case, variables, code, message) => {
    const before = await counts();
    const response = await federation.post(CREATE, { input: variables() });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a ward committee assigning on behalf of its district, and a board outside', async () => {
    const before = await counts();
    const fromWard = await federation.as(wardCommittee, () => federation.post(CREATE, { input: input() }));
    expect(fromWard.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outside = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => federation.post(CREATE, { input: input() }));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  let delegationId = '';
  let delegates: Created['createDelegation']['delegates'] = [];
  it('assigns a delegation: one leader, each delegate responsible for an area of the ward', async () => {
    const response = await federation.post<Created>(CREATE, { input: input() });
    expect(response.errors).toBeUndefined();
    delegationId = response.data!.createDelegation.id;
    delegates = response.data!.createDelegation.delegates;
    expect(delegates.map((delegate) => [delegate.role, delegate.member.id, delegate.area?.id])).toEqual([
      ['LEADER', cadres[0], areas[0]],
      ...[1, 2].map((index) => ['MEMBER', cadres[index], areas[index]]),
    ]);
    expect(delegates[0]!.areaName).toBe('Chi bộ xóm 1');
    expect(delegates[0]!.member.fullName).toBe(demo.members.find((member) => member.id === cadres[0])!.fullName.normalize('NFC'));
    const directing = await federation.post<{ orgUnit: { directingDelegations: { id: string }[] } }>('query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { directingDelegations { id } } }', {
      id: ward,
      asOf: '2018-06-01',
    });
    expect(directing.data!.orgUnit.directingDelegations).toEqual([{ id: delegationId }]);
    const earlier = await federation.post<{ orgUnit: { directingDelegations: { id: string }[] } }>('query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { directingDelegations { id } } }', {
      id: ward,
      asOf: '2017-12-31',
    });
    expect(earlier.data!.orgUnit.directingDelegations).toEqual([]);
    const assigned = await federation.post<{ orgUnit: { assignedDelegations: { name: string }[] } }>('query ($id: ID!) { orgUnit(id: $id) { assignedDelegations { name } } }', { id: district });
    expect(assigned.data!.orgUnit.assignedDelegations).toEqual([{ name: 'Đoàn cán bộ huyện chỉ đạo xã Xuân Hồng' }]);
  });

  it('lets the directed ward register work items and their results, but not rate; the district rates', async () => {
    const registered = await federation.as(wardCommittee, () =>
      federation.post<{ registerWorkItem: { id: string; result: string | null } }>(REGISTER, {
        input: { delegateId: delegates[0]!.id, year: 2018, title: 'Vận động 50 hộ chuyển sang trồng cây ăn trái', registeredOn: '2018-02-01' },
      }),
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerWorkItem.result).toBeNull();
    const second = await federation.post<{ registerWorkItem: { id: string } }>(REGISTER, {
      input: { delegateId: delegates[1]!.id, year: 2018, title: 'Phát triển 2 đảng viên ở địa bàn dân cư', registeredOn: '2018-02-01' },
    });
    const early = await federation.post(REGISTER, { input: { delegateId: delegates[1]!.id, year: 2018, title: 'x', registeredOn: '2017-02-01' } });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const done = await federation.as(wardCommittee, () =>
      federation.post<{ recordWorkItemResult: { result: string; resultNote: string } }>(RESULT, {
        input: { id: registered.data!.registerWorkItem.id, result: 'EXCEEDED', note: '62 hộ, 45 ha', recordedOn: '2018-12-15' },
      }),
    );
    expect(done.data!.recordWorkItemResult).toEqual({ id: registered.data!.registerWorkItem.id, result: 'EXCEEDED', resultNote: '62 hộ, 45 ha', resultRecordedOn: '2018-12-15' });
    expect((await federation.post(RESULT, { input: { id: second.data!.registerWorkItem.id, result: 'DONE', recordedOn: '2018-12-15' } })).errors).toBeUndefined();

    const byWard = await federation.as(wardCommittee, () => federation.post(RATE, { input: { delegateId: delegates[0]!.id, year: 2018, grade: 'EXCELLENT', ratedOn: '2018-12-30', decisionNumber: '5-KL/HU' } }));
    expect(byWard.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const fromOtherWard = await federation.as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) }), () =>
      federation.post(REGISTER, { input: { delegateId: delegates[0]!.id, year: 2018, title: 'x', registeredOn: '2018-02-01' } }),
    );
    expect(fromOtherWard.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    for (const [index, grade] of ['EXCELLENT', 'GOOD', 'EXCELLENT'].entries()) {
      const rated = await federation.post(RATE, { input: { delegateId: delegates[index]!.id, year: 2018, grade, comment: 'Nhận xét cuối năm', ratedOn: '2018-12-30', decisionNumber: '5-KL/HU' } });
      expect(rated.errors).toBeUndefined();
    }
    // A correction replaces the rating of the same year, and is audited.
    expect((await federation.post(RATE, { input: { delegateId: delegates[2]!.id, year: 2018, grade: 'GOOD', ratedOn: '2019-01-05', decisionNumber: '6-KL/HU' } })).errors).toBeUndefined();

    const read = await federation.post<{ delegation: { delegates: { workItems: { title: string; result: string | null }[]; rating: { grade: string } | null }[]; ratingSummary: { delegates: number; rated: number; byGrade: { grade: string; count: number }[] } } }>(
      READ,
      { id: delegationId },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.delegation.delegates.map((delegate) => delegate.rating?.grade)).toEqual(['EXCELLENT', 'GOOD', 'GOOD']);
    expect(read.data!.delegation.delegates[0]!.workItems).toEqual([{ title: 'Vận động 50 hộ chuyển sang trồng cây ăn trái', result: 'EXCEEDED' }]);
    expect(read.data!.delegation.ratingSummary).toEqual({
      delegates: 3,
      rated: 3,
      byGrade: [
        { grade: 'EXCELLENT', count: 1 },
        { grade: 'GOOD', count: 2 },
        { grade: 'COMPLETED', count: 0 },
        { grade: 'NOT_COMPLETED', count: 0 },
      ],
    });
  });

  it('refuses a rating dated after today, naming the date, and changes nothing; a rating dated today is accepted', async () => {
    // Today on the records' calendar (Vietnam), as the server counts it.
    const today = todayInVietnam();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const rating = async () => (await sql`SELECT year, grade, rated_on::text, decision_number FROM delegate_rating WHERE delegate_id = ${delegates[1]!.id}::uuid ORDER BY year`.execute(federation.organization.db)).rows;
    const before = { ...(await counts()), rating: await rating() };
    const future = await federation.post(RATE, { input: { delegateId: delegates[1]!.id, year: 2019, grade: 'EXCELLENT', ratedOn: tomorrow, decisionNumber: '7-KL/HU' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratedOn' });
    expect(future.errors?.[0]?.message).toBe(`Ngày đánh giá ${tomorrow.split('-').reverse().join('/')} chưa đến.`);
    expect({ ...(await counts()), rating: await rating() }).toEqual(before);

    const onToday = await federation.post<{ rateDelegate: { year: number; grade: string } }>(RATE, {
      input: { delegateId: delegates[1]!.id, year: 2019, grade: 'GOOD', ratedOn: today, decisionNumber: '7-KL/HU' },
    });
    expect(onToday.errors).toBeUndefined();
    expect(onToday.data!.rateDelegate).toMatchObject({ year: 2019, grade: 'GOOD' });
  });

  it('shows the delegation to the directed ward and hides it from units that are neither end', async () => {
    const seenByWard = await federation.as(wardCommittee, () => federation.post<{ delegation: { name: string } | null }>(READ, { id: delegationId }));
    expect(seenByWard.data!.delegation?.name).toBe('Đoàn cán bộ huyện chỉ đạo xã Xuân Hồng');
    for (const other of [callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) }), callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) })]) {
      const hidden = await federation.as(other, () => federation.post<{ delegation: unknown }>(READ, { id: delegationId }));
      expect(hidden.data!.delegation).toBeNull();
    }
  });

  it('ends a delegation by the assigning committee only: from then on the ward lists it no more, and no work item is registered', async () => {
    const END = `mutation ($input: EndDelegationInput!) { endDelegation(input: $input) { id endsOn } }`;
    const end = (input: Record<string, unknown>) => federation.post<{ endDelegation: { id: string; endsOn: string } }>(END, { input: { id: delegationId, decisionNumber: '9-QĐ/HU', ...input } });
    const byWard = await federation.as(wardCommittee, () => end({ endsOn: '2019-01-01' }));
    expect(byWard.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const fromOutside = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => end({ endsOn: '2019-01-01' }));
    expect(fromOutside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const tooEarly = await end({ endsOn: '2018-01-15' });
    expect(tooEarly.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooEarly.errors?.[0]?.message).toMatch(/sau ngày bắt đầu/);

    expect((await end({ endsOn: '2019-01-01' })).data!.endDelegation).toEqual({ id: delegationId, endsOn: '2019-01-01' });
    expect((await end({ endsOn: '2019-02-01' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const directing = (asOf: string) =>
      federation.post<{ orgUnit: { directingDelegations: { id: string }[] } }>('query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { directingDelegations { id } } }', { id: ward, asOf });
    expect((await directing('2018-12-31')).data!.orgUnit.directingDelegations).toEqual([{ id: delegationId }]);
    expect((await directing('2019-01-01')).data!.orgUnit.directingDelegations).toEqual([]);
    const late = await federation.post(REGISTER, { input: { delegateId: delegates[0]!.id, year: 2019, title: 'x', registeredOn: '2019-01-02' } });
    expect(late.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const audited = await sql<{ after: { endsOn: string; decisionNumber: string } }>`SELECT after FROM audit_log WHERE operation = 'endDelegation'`.execute(federation.organization.db);
    expect(audited.rows.map((row) => row.after)).toEqual([{ endsOn: '2019-01-01', decisionNumber: '9-QĐ/HU' }]);
  });

  it('audits every change', async () => {
    const rows = await sql<{ operation: string; n: string }>`
      SELECT operation, count(*) AS n FROM audit_log WHERE operation IN ('createDelegation', 'registerWorkItem', 'recordWorkItemResult', 'rateDelegate') GROUP BY operation ORDER BY operation`.execute(federation.organization.db);
    expect(Object.fromEntries(rows.rows.map((row) => [row.operation, Number(row.n)]))).toEqual({ createDelegation: 1, rateDelegate: 5, recordWorkItemResult: 2, registerWorkItem: 2 });
  });
});

describe('a delegate as of the delegation’s start date', () => {
  let newcomer = '';
  beforeAll(async () => {
    // Admitted into a cell of the district on 1 March 2018, after the delegation's usual start.
    const created = await federation.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName: 'Trần Văn Đến', dateOfBirth: '1985-02-02' }, cellId: unit(101), admittedOn: '2018-03-01' },
    });
    expect(created.errors).toBeUndefined();
    newcomer = created.data!.createMember.id;
    await federation.catchUp();
  });
  const led = (startsOn: string) => input({ name: `Đoàn cán bộ từ ${startsOn}`, startsOn, delegates: [{ memberId: newcomer, role: 'LEADER', areaUnitId: areas[0] }] });

  it('refuses a member who joined the district after the start date, naming the date, and changes nothing', async () => {
    const before = await counts();
    const response = await federation.post(CREATE, { input: led('2018-02-28') });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delegates.memberId', memberId: newcomer });
    expect(response.errors?.[0]?.message).toContain('ngày 2018-02-28');
    expect(await counts()).toEqual(before);
  });

  it('accepts the same member for a delegation starting the day they were admitted', async () => {
    const response = await federation.post<Created>(CREATE, { input: led('2018-03-01') });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createDelegation.delegates.map((delegate) => delegate.member.id)).toEqual([newcomer]);
  });
});
