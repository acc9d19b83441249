import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Huy hiệu Đảng through the gateway: who is due at an award date (party age from the first admission
 * reaching a configured year after the previous award date and by this one), scoped to the subtree;
 * the award dates and years come from the dated rule, and a new rule changes them from its date.
 */
const unit = (n: number) => demoId('unit', n);
const district = unit(2);
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const DUE = `query ($unitId: ID!, $awardDate: String) {
  partyBadgesDue(unitId: $unitId, awardDate: $awardDate) { awardDate previousAwardDate ruleName partyYears members { member { id fullName } cell { id } years admittedOn reachesOn } }
}`;
type Due = { awardDate: string; previousAwardDate: string; ruleName: string; partyYears: number[]; members: { member: { id: string; fullName: string }; cell: { id: string } | null; years: number; admittedOn: string; reachesOn: string }[] };

async function due(awardDate: string | null, unitId = district): Promise<Due> {
  const response = await federation.post<{ partyBadgesDue: Due }>(DUE, { unitId, awardDate });
  expect(response.errors).toBeUndefined();
  return response.data!.partyBadgesDue;
}

const ids = {} as Record<'thirty' | 'forty' | 'onPrevious' | 'notABadgeYear' | 'otherDistrict', string>;

describe('members due for a Huy hiệu Đảng', () => {
  beforeAll(async () => {
    const create = async (fullName: string, admittedOn: string, cellId = unit(101)) => {
      const response = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName, dateOfBirth: '1960-03-01', sex: 'MALE' }, cellId, admittedOn } });
      expect(response.errors).toBeUndefined();
      return response.data!.createMember.id;
    };
    ids.thirty = await create('Phan Văn Ba Mươi', '1996-06-01');
    ids.forty = await create('Hà Văn Bốn Mươi', '1986-09-02'); // reaches 40 years on the award date itself
    ids.onPrevious = await create('Lý Văn Trước', '1996-05-19'); // reached 30 on the previous award date
    ids.notABadgeYear = await create('Mai Văn Ba Lăm', '1991-07-01'); // 35 years: no badge
    ids.otherDistrict = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => create('Tô Văn Ngoài', '1996-06-01', unit(131)));
  });

  it('lists those who reach a badge year after the previous award date and by this one, most years first', async () => {
    const list = await due('2026-09-02');
    expect(list.previousAwardDate).toBe('2026-05-19');
    expect(list.partyYears).toEqual([30, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
    expect(list.members.map((item) => [item.member.id, item.years, item.admittedOn, item.reachesOn, item.cell?.id])).toEqual([
      [ids.forty, 40, '1986-09-02', '2026-09-02', unit(101)],
      [ids.thirty, 30, '1996-06-01', '2026-06-01', unit(101)],
    ]);
    const previous = await due('2026-05-19');
    expect(previous.members.map((item) => item.member.id)).toEqual([ids.onPrevious]);
  });

  it('scopes the list to the subtree asked', async () => {
    expect((await due('2026-09-02', unit(11))).members).toEqual([]);
    const outside = await federation.post(DUE, { unitId: unit(3), awardDate: '2026-09-02' });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('defaults to the first award date on or after today, and refuses a day that is not an award date', async () => {
    const next = await due(null);
    const dates = (await federation.post<{ partyBadgeAwardDates: string[] }>(`query { partyBadgeAwardDates(before: 1, after: 1) }`)).data!.partyBadgeAwardDates;
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Vietnam's day, as the server counts
    expect(next.awardDate).toBe(dates[0] === today ? dates[0] : dates[1]);
    expect(next.previousAwardDate < next.awardDate).toBe(true);
    const wrong = await federation.post(DUE, { unitId: district, awardDate: '2026-09-03' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('2026-11-07');
  });

  it('follows a new dated rule from its date: other award days and years', async () => {
    const around = await federation.post<{ partyBadgeAwardDates: string[] }>(`query { partyBadgeAwardDates(around: "2026-12-05", before: 2, after: 2) }`);
    expect(around.data!.partyBadgeAwardDates).toEqual(['2026-09-02', '2026-11-07', '2027-02-03', '2027-05-19']);
    await sql`INSERT INTO party_badge_rule VALUES ('50000000-0000-4000-8000-000000000299', 'HHD-TEST-2027', 'Quy định thử từ 2027', '2027-01-01', '{30,35,40}', '{02-03,09-02}')`.execute(federation.membership.db);
    const changed = await federation.post<{ partyBadgeAwardDates: string[] }>(`query { partyBadgeAwardDates(around: "2026-12-05", before: 2, after: 3) }`);
    expect(changed.data!.partyBadgeAwardDates).toEqual(['2026-09-02', '2026-11-07', '2027-02-03', '2027-09-02', '2028-02-03']);
    // 35 years on 2027-01-10: a badge under the new rule only.
    const created = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Đinh Văn Ba Lăm', dateOfBirth: '1960-03-01', sex: 'MALE' }, cellId: unit(101), admittedOn: '1992-01-10' } });
    const thirtyFive = await due('2027-02-03', unit(101));
    expect(thirtyFive.ruleName).toBe('Quy định thử từ 2027');
    expect(thirtyFive.previousAwardDate).toBe('2026-11-07');
    expect(thirtyFive.members.map((item) => [item.member.id, item.years, item.reachesOn])).toEqual([[created.data!.createMember.id, 35, '2027-01-10']]);
    expect((await due('2026-11-07', unit(101))).members).toEqual([]);
  });
});
