import { demoDataSet, demoId, callerWith } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Committees and positions through the gateway: terms (nhiệm kỳ), positions with dated terms and
 * decisions, as-of answers, and the Charter's rule for cells (under 9 official members: secretary and
 * deputy only; from 9: a cell committee) refused on appointment and reported as violations.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const membersOf = (unitId: string) => demo.members.filter((member) => member.cellId === unitId && member.status !== 'LEFT' && member.status !== 'DECEASED');
const officialOf = (unitId: string) => demo.members.filter((member) => member.cellId === unitId && member.status === 'OFFICIAL').length;
const small = unit(101); // Chi bộ Tổ dân phố số 1: under 9 official members
const large = unit(102); // Chi bộ Tổ dân phố số 2: 9 or more
const ward = unit(10); // Đảng bộ thị trấn Xuân Trường, above both
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => districtBoard);
});
afterAll(async () => federation?.close());

const OPEN = `mutation ($input: OpenCommitteeTermInput!) { openCommitteeTerm(input: $input) { id name startsOn endsOn } }`;
const APPOINT = `mutation ($input: AppointPositionInput!) { appointPosition(input: $input) { id position startsOn member { id } } }`;
const END = `mutation ($input: EndPositionInput!) { endPosition(input: $input) { id endsOn endDecisionNumber } }`;
const UNIT = `query ($id: ID!, $asOf: String) {
  orgUnit(id: $id, asOf: $asOf) {
    officialMemberCount
    committeeTerm { name }
    committeeTerms { name startsOn endsOn positions { position endsOn } }
    positions { position startsOn decisionNumber member { id fullName } }
    committeeRule { officialMemberCount electsCommittee violations }
  }
}`;
const VIOLATIONS = `query ($id: ID!) { committeeRuleViolations(unitId: $id) { unit { id } officialMemberCount violations } }`;
type Unit = {
  orgUnit: {
    officialMemberCount: number;
    committeeTerm: { name: string } | null;
    committeeTerms: { name: string; startsOn: string; endsOn: string | null; positions: { position: string; endsOn: string | null }[] }[];
    positions: { position: string; startsOn: string; decisionNumber: string; member: { id: string; fullName: string } }[];
    committeeRule: { officialMemberCount: number; electsCommittee: boolean; violations: string[] } | null;
  };
};

const changes = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  positions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM committee_position`.execute(federation.organization.db)).rows[0]!.n),
  terms: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM committee_term`.execute(federation.organization.db)).rows[0]!.n),
});
const appoint = (unitId: string, memberId: string, position: string, startsOn = '2020-08-01') =>
  federation.post<{ appointPosition: { id: string } }>(APPOINT, { input: { unitId, memberId, position, startsOn, decisionNumber: '12-QĐ/ĐU' } });

describe('committees and positions', () => {
  const [secretary, deputy, third, fourth] = membersOf(small).map((member) => member.id);
  let deputyPosition = '';

  it('opens a term and appoints a secretary and a deputy in a cell under 9 official members', async () => {
    expect(officialOf(small)).toBeLessThan(9);
    const term = await federation.post<{ openCommitteeTerm: { name: string; endsOn: string | null } }>(OPEN, {
      input: { unitId: small, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', decisionNumber: '5-QĐ/ĐU' },
    });
    expect(term.errors).toBeUndefined();
    expect(term.data!.openCommitteeTerm).toEqual({ name: 'Nhiệm kỳ 2020–2025', endsOn: null, id: expect.any(String), startsOn: '2020-08-01' });
    expect((await appoint(small, secretary!, 'SECRETARY')).errors).toBeUndefined();
    const second = await appoint(small, deputy!, 'DEPUTY_SECRETARY');
    expect(second.errors).toBeUndefined();
    deputyPosition = second.data!.appointPosition.id;

    const answer = await federation.post<Unit>(UNIT, { id: small, asOf: '2021-01-01' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.orgUnit.positions.map((row) => [row.position, row.member.id])).toEqual([
      ['SECRETARY', secretary],
      ['DEPUTY_SECRETARY', deputy],
    ]);
    // The member's name comes from membership, through the entity reference.
    expect(answer.data!.orgUnit.positions[0]!.member.fullName).toBe(demo.members.find((member) => member.id === secretary)!.fullName.normalize('NFC'));
    expect(answer.data!.orgUnit.committeeTerm).toEqual({ name: 'Nhiệm kỳ 2020–2025' });
    // Organization's count (from its copy of placements) agrees with membership's.
    expect(answer.data!.orgUnit.committeeRule).toEqual({ officialMemberCount: officialOf(small), electsCommittee: false, violations: [] });
    expect(answer.data!.orgUnit.officialMemberCount).toBe(officialOf(small));
  });

  it.each([
    ['a committee member in a cell under 9 official members', () => appoint(small, third!, 'COMMITTEE_MEMBER'), 'CONFLICT', /dưới 9/, 'COMMITTEE_UNDER_NINE'],
    ['a standing committee in a cell', () => appoint(small, third!, 'STANDING_COMMITTEE_MEMBER'), 'BAD_USER_INPUT', /ban thường vụ/, 'CELL_HAS_NO_STANDING_COMMITTEE'],
    ['a second deputy under 9', () => appoint(small, third!, 'DEPUTY_SECRETARY'), 'CONFLICT', /một phó bí thư/, 'ONE_DEPUTY_UNDER_NINE'],
    ['a second secretary', () => appoint(small, third!, 'SECRETARY'), 'CONFLICT', /đã có bí thư/, undefined],
    ['a member holding a position already', () => appoint(small, deputy!, 'SECRETARY', '2021-01-01'), 'CONFLICT', /đang giữ chức phó bí thư/, undefined],
    ['a date outside any term', () => appoint(small, fourth!, 'DEPUTY_SECRETARY', '2019-01-01'), 'BAD_USER_INPUT', /chưa có nhiệm kỳ/, undefined],
    ['a member of another cell', () => appoint(small, membersOf(large)[0]!.id, 'DEPUTY_SECRETARY'), 'BAD_USER_INPUT', /không sinh hoạt/, undefined],
    ['a member who does not exist', () => appoint(small, demoId('member', 9999), 'DEPUTY_SECRETARY'), 'BAD_USER_INPUT', /không sinh hoạt/, undefined],
    ['a term starting before the current one', () => federation.post(OPEN, { input: { unitId: small, name: 'Nhiệm kỳ cũ', startsOn: '2015-08-01', decisionNumber: '1-QĐ' } }), 'BAD_USER_INPUT', /sau nhiệm kỳ/, undefined],
    ['a term before the unit existed', () => federation.post(OPEN, { input: { unitId: large, name: 'Nhiệm kỳ 1985', startsOn: '1985-01-01', decisionNumber: '1-QĐ' } }), 'BAD_USER_INPUT', /chưa thành lập/, undefined],
  ])('refuses %s with a clear error, and changes nothing', async (_case, attempt, code, message, rule) => {
    const before = await changes();
    const response = await attempt();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(message);
    if (rule) expect(response.errors?.[0]?.extensions?.rule).toBe(rule);
    expect(await changes()).toEqual(before);
  });

  it('refuses callers outside the unit as if it did not exist, and roles that may only read', async () => {
    const before = await changes();
    const outside = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => appoint(small, third!, 'DEPUTY_SECRETARY'));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reader = await federation.as(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: small }), () => appoint(small, third!, 'DEPUTY_SECRETARY'));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await federation.as(callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }), () => federation.post(VIOLATIONS, { id: ward }));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await changes()).toEqual(before);
  });

  it('reports a cell of 9 or more official members without a committee, until one is elected', async () => {
    expect(officialOf(large)).toBeGreaterThanOrEqual(9);
    const [first, second] = membersOf(large).map((member) => member.id);
    expect((await federation.post(OPEN, { input: { unitId: large, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', decisionNumber: '6-QĐ/ĐU' } })).errors).toBeUndefined();
    expect((await appoint(large, first!, 'SECRETARY')).errors).toBeUndefined();
    const violations = async () =>
      (await federation.post<{ committeeRuleViolations: { unit: { id: string }; officialMemberCount: number; violations: string[] }[] }>(VIOLATIONS, { id: ward })).data!.committeeRuleViolations;
    const found = await violations();
    expect(found.find((row) => row.unit.id === large)).toEqual({ unit: { id: large }, officialMemberCount: officialOf(large), violations: ['NO_COMMITTEE_FROM_NINE'] });
    expect(found.find((row) => row.unit.id === unit(103))?.violations).toContain('NO_SECRETARY'); // nobody appointed there
    expect(found.find((row) => row.unit.id === small)).toBeUndefined(); // follows the rule

    expect((await appoint(large, second!, 'COMMITTEE_MEMBER')).errors).toBeUndefined();
    expect((await violations()).find((row) => row.unit.id === large)).toBeUndefined();
  });

  it('answers as of a date: positions end with their term or their own end, and stay in history', async () => {
    const ended = await federation.post<{ endPosition: { endsOn: string; endDecisionNumber: string } }>(END, { input: { id: deputyPosition, endsOn: '2023-01-01', decisionNumber: '20-QĐ/ĐU' } });
    expect(ended.data!.endPosition).toMatchObject({ endsOn: '2023-01-01', endDecisionNumber: '20-QĐ/ĐU' });
    const twice = await federation.post(END, { input: { id: deputyPosition, endsOn: '2023-02-01', decisionNumber: '21-QĐ/ĐU' } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await appoint(small, third!, 'DEPUTY_SECRETARY', '2023-01-01')).errors).toBeUndefined();

    const next = await federation.post(OPEN, { input: { unitId: small, name: 'Nhiệm kỳ 2025–2030', startsOn: '2025-08-01', decisionNumber: '30-QĐ/ĐU' } });
    expect(next.errors).toBeUndefined();
    const held = async (asOf: string) => (await federation.post<Unit>(UNIT, { id: small, asOf })).data!.orgUnit.positions.map((row) => [row.position, row.member.id]);
    expect(await held('2022-12-31')).toEqual([
      ['SECRETARY', secretary],
      ['DEPUTY_SECRETARY', deputy],
    ]);
    expect(await held('2023-01-01')).toEqual([
      ['SECRETARY', secretary],
      ['DEPUTY_SECRETARY', third],
    ]);
    expect(await held('2025-08-01')).toEqual([]); // the new term has no positions yet
    const history = await federation.post<Unit>(UNIT, { id: small });
    expect(history.data!.orgUnit.committeeTerm).toEqual({ name: 'Nhiệm kỳ 2025–2030' });
    expect(history.data!.orgUnit.committeeTerms).toEqual([
      {
        name: 'Nhiệm kỳ 2020–2025',
        startsOn: '2020-08-01',
        endsOn: '2025-08-01',
        positions: [
          { position: 'SECRETARY', endsOn: '2025-08-01' },
          { position: 'DEPUTY_SECRETARY', endsOn: '2023-01-01' },
          { position: 'DEPUTY_SECRETARY', endsOn: '2025-08-01' },
        ],
      },
      { name: 'Nhiệm kỳ 2025–2030', startsOn: '2025-08-01', endsOn: null, positions: [] },
    ]);
  });

  it('lists the positions a member held, on the member, newest first', async () => {
    const MEMBER = `query ($id: ID!) { member(id: $id) { id committeePositions { position startsOn endsOn unit { id } } } }`;
    const response = await federation.post<{ member: { committeePositions: { position: string; startsOn: string; endsOn: string | null; unit: { id: string } }[] } }>(MEMBER, { id: deputy });
    expect(response.errors).toBeUndefined();
    expect(response.data!.member.committeePositions).toEqual([{ position: 'DEPUTY_SECRETARY', startsOn: '2020-08-01', endsOn: '2023-01-01', unit: { id: small } }]);
  });

  it('allows a standing committee in a grassroots committee, which the cell rule does not concern', async () => {
    const member = membersOf(unit(103))[0]!.id;
    expect((await federation.post(OPEN, { input: { unitId: ward, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-07-01', decisionNumber: '3-QĐ/HU' } })).errors).toBeUndefined();
    expect((await appoint(ward, member, 'STANDING_COMMITTEE_MEMBER')).errors).toBeUndefined();
    const answer = await federation.post<Unit>(UNIT, { id: ward });
    expect(answer.data!.orgUnit.committeeRule).toBeNull();
    expect(answer.data!.orgUnit.positions.map((row) => row.position)).toEqual(['STANDING_COMMITTEE_MEMBER']);
  });

  it('ends the committee of a unit that is dissolved, on the day it ends', async () => {
    const cell = unit(103);
    const [secretaryOf103] = membersOf(cell).map((member) => member.id);
    expect((await federation.post(OPEN, { input: { unitId: cell, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', decisionNumber: '7-QĐ/ĐU' } })).errors).toBeUndefined();
    expect((await appoint(cell, secretaryOf103!, 'SECRETARY')).errors).toBeUndefined();
    const dissolved = await federation.post('mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }', {
      input: { id: cell, successorId: small, effectiveDate: '2024-03-01', decisionNumber: '40-QĐ/ĐU' },
    });
    expect(dissolved.errors).toBeUndefined();
    const answer = await federation.post<Unit>(UNIT, { id: cell, asOf: '2024-02-29' });
    expect(answer.data!.orgUnit.positions.map((row) => row.position)).toEqual(['SECRETARY']);
    expect(answer.data!.orgUnit.committeeTerms).toEqual([{ name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', endsOn: '2024-03-01', positions: [{ position: 'SECRETARY', endsOn: '2024-03-01' }] }]);
    await federation.catchUp();
  });

  it('audits every change', async () => {
    const rows = await sql<{ operation: string; n: string }>`
      SELECT operation, count(*) AS n FROM audit_log WHERE operation IN ('openCommitteeTerm', 'appointPosition', 'endPosition') GROUP BY operation ORDER BY operation`.execute(federation.organization.db);
    expect(Object.fromEntries(rows.rows.map((row) => [row.operation, Number(row.n)]))).toEqual({ appointPosition: 7, endPosition: 1, openCommitteeTerm: 6 });
  });
});
