import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * An appointment is checked against where the member was on its start date, from organization's dated
 * copy of membership's placements (kept from MemberPlaced and MembersMoved, exactly once).
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const cell = unit(101); // Chi bộ Tổ dân phố số 1
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const [longServing] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');

const APPOINT = `mutation ($input: AppointPositionInput!) { appointPosition(input: $input) { id position startsOn member { id } } }`;
const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const EVENT = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;

let federation: TestFederation;
let newcomer = '';
beforeAll(async () => {
  federation = await startTestFederation(() => districtBoard);
  const term = await federation.post(`mutation ($input: OpenCommitteeTermInput!) { openCommitteeTerm(input: $input) { id } }`, {
    input: { unitId: cell, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', decisionNumber: '5-QĐ/ĐU' },
  });
  expect(term.errors).toBeUndefined();
  // Admitted into the cell on 1 March 2021 (membership publishes MemberPlaced from that date).
  const created = await federation.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName: 'Phạm Văn Mới', dateOfBirth: '1990-05-05' }, cellId: cell, admittedOn: '2021-03-01' },
  });
  expect(created.errors).toBeUndefined();
  newcomer = created.data!.createMember.id;
  // A long-serving member who died on 1 June 2021.
  const died = await federation.post(EVENT, { input: { memberId: longServing!.id, kind: 'DIED', occurredOn: '2021-06-01' } });
  expect(died.errors).toBeUndefined();
  await federation.catchUp();
});
afterAll(async () => federation?.close());

const appoint = (memberId: string, position: string, startsOn: string) =>
  federation.post<{ appointPosition: { position: string; startsOn: string } }>(APPOINT, { input: { unitId: cell, memberId, position, startsOn, decisionNumber: '12-QĐ/ĐU' } });
const changes = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(federation.organization.db)).rows[0]!.n),
  positions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM committee_position`.execute(federation.organization.db)).rows[0]!.n),
});
const replicaRows = async () =>
  (
    await sql<Record<string, unknown>>`
      SELECT member_id, cell_id, status, valid_from::text, valid_to::text FROM member_placement_replica
      ORDER BY member_id, valid_from NULLS FIRST, cell_id, status`.execute(federation.organization.db)
  ).rows;

describe('a committee appointment as of its start date', () => {
  it.each([
    ['a member who joined the cell after the start date', () => newcomer, 'DEPUTY_SECRETARY', '2021-02-28'],
    ['a member who had died before the start date', () => longServing!.id, 'SECRETARY', '2021-07-01'],
  ])('refuses %s, naming the date, and changes nothing', async (_case, member, position, startsOn) => {
    const before = await changes();
    const response = await appoint(member(), position, startsOn);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(response.errors?.[0]?.message).toContain(`không sinh hoạt trong Chi bộ`);
    expect(response.errors?.[0]?.message).toContain(startsOn);
    expect(await changes()).toEqual(before);
  });

  it('accepts a member placed in the cell on the start date, and one who was still alive then', async () => {
    const joined = await appoint(newcomer, 'DEPUTY_SECRETARY', '2021-03-01');
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.appointPosition).toMatchObject({ position: 'DEPUTY_SECRETARY', startsOn: '2021-03-01' });
    const alive = await appoint(longServing!.id, 'SECRETARY', '2021-05-31');
    expect(alive.errors).toBeUndefined();
  });
});

describe('the dated copy of placements', () => {
  it('holds each change from its effective date and is rebuilt the same from an empty copy', async () => {
    const rows = await replicaRows();
    expect(rows.filter((row) => row.member_id === newcomer)).toEqual([{ member_id: newcomer, cell_id: cell, status: 'PROBATIONARY', valid_from: '2021-03-01', valid_to: null }]);
    expect(rows.filter((row) => row.member_id === longServing!.id)).toEqual([
      { member_id: longServing!.id, cell_id: cell, status: 'OFFICIAL', valid_from: null, valid_to: '2021-06-01' },
      { member_id: longServing!.id, cell_id: cell, status: 'DECEASED', valid_from: '2021-06-01', valid_to: null },
    ]);
    // Replay from an empty copy.
    await sql`DELETE FROM member_placement_replica`.execute(federation.organization.db);
    await sql`DELETE FROM consumer_position WHERE producer = 'membership'`.execute(federation.organization.db);
    await federation.catchUp();
    expect(await replicaRows()).toEqual(rows);
  });
});
