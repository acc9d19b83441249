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
const otherCell = unit(102); // Chi bộ Tổ dân phố số 2, same ward
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const [longServing, mover] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');
// Cell 112 has 8 official members until a ninth moves in from cell 111 on 10 April 2021.
const [growingCell, givingCell] = [unit(112), unit(111)];
const growingOfficials = demo.members.filter((member) => member.cellId === growingCell && member.status === 'OFFICIAL');
const ninth = demo.members.find((member) => member.cellId === givingCell && member.status === 'OFFICIAL')!;

const APPOINT = `mutation ($input: AppointPositionInput!) { appointPosition(input: $input) { id position startsOn member { id } } }`;
const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const EVENT = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const OPEN = `mutation ($input: OpenCommitteeTermInput!) { openCommitteeTerm(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`;
const PRESENTED = `mutation ($input: RecordTransferLetterPresentedInput!) { recordTransferLetterPresented(input: $input) { id } }`;

let federation: TestFederation;
let newcomer = '';
beforeAll(async () => {
  federation = await startTestFederation(() => districtBoard);
  expect(growingOfficials).toHaveLength(8);
  for (const unitId of [cell, otherCell, growingCell]) {
    const term = await federation.post(OPEN, { input: { unitId, name: 'Nhiệm kỳ 2020–2025', startsOn: '2020-08-01', decisionNumber: '5-QĐ/ĐU' } });
    expect(term.errors).toBeUndefined();
  }
  // Admitted into the cell on 1 March 2021 (membership publishes MemberPlaced from that date).
  const created = await federation.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName: 'Phạm Văn Mới', dateOfBirth: '1990-05-05' }, cellId: cell, admittedOn: '2021-03-01' },
  });
  expect(created.errors).toBeUndefined();
  newcomer = created.data!.createMember.id;
  // A long-serving member who died on 1 June 2021.
  const died = await federation.post(EVENT, { input: { memberId: longServing!.id, kind: 'DIED', occurredOn: '2021-06-01' } });
  expect(died.errors).toBeUndefined();
  // Another moved to the neighbouring cell on 10 April 2021 (transfer letter presented that day).
  const letter = await federation.post<{ issueTransferLetter: { id: string } }>(ISSUE, {
    input: { memberId: mover!.id, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', toCellId: otherCell, letterNumber: '07-GGT/ĐU', letterIssuedOn: '2021-04-01' },
  });
  expect(letter.errors).toBeUndefined();
  const presented = await federation.post(PRESENTED, { input: { transferId: letter.data!.issueTransferLetter.id, presentedOn: '2021-04-10' } });
  expect(presented.errors).toBeUndefined();
  const ninthLetter = await federation.post<{ issueTransferLetter: { id: string } }>(ISSUE, {
    input: { memberId: ninth.id, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', toCellId: growingCell, letterNumber: '08-GGT/ĐU', letterIssuedOn: '2021-04-01' },
  });
  expect(ninthLetter.errors).toBeUndefined();
  const ninthArrived = await federation.post(PRESENTED, { input: { transferId: ninthLetter.data!.issueTransferLetter.id, presentedOn: '2021-04-10' } });
  expect(ninthArrived.errors).toBeUndefined();
  await federation.catchUp();
});
afterAll(async () => federation?.close());

const appoint = (memberId: string, position: string, startsOn: string, unitId = cell) =>
  federation.post<{ appointPosition: { position: string; startsOn: string } }>(APPOINT, { input: { unitId, memberId, position, startsOn, decisionNumber: '12-QĐ/ĐU' } });
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
    ['a member who had moved to another cell before the start date', () => mover!.id, 'SECRETARY', '2021-04-10'],
    ['a member who moved into the cell only after the start date', () => mover!.id, 'SECRETARY', '2021-04-09', otherCell],
  ])('refuses %s, naming the date, and changes nothing', async (_case, member, position, startsOn, unitId = cell) => {
    const before = await changes();
    const response = await appoint(member(), position, startsOn, unitId);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(response.errors?.[0]?.message).toContain(`không sinh hoạt trong Chi bộ`);
    expect(response.errors?.[0]?.message).toContain(startsOn);
    expect(await changes()).toEqual(before);
  });

  it('accepts a member placed in the cell on the start date (admitted or moved in that day), and one who was still alive then', async () => {
    const joined = await appoint(newcomer, 'DEPUTY_SECRETARY', '2021-03-01');
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.appointPosition).toMatchObject({ position: 'DEPUTY_SECRETARY', startsOn: '2021-03-01' });
    const alive = await appoint(longServing!.id, 'SECRETARY', '2021-05-31');
    expect(alive.errors).toBeUndefined();
    const arrived = await appoint(mover!.id, 'SECRETARY', '2021-04-10', otherCell);
    expect(arrived.errors).toBeUndefined();
  });
});

describe('the Charter’s nine-member rule on the start date (art. 24: a cell elects a committee from 9 official members)', () => {
  it('refuses a committee member dated while the cell had 8 official members, naming the date and the count, and changes nothing', async () => {
    const before = await changes();
    const response = await appoint(growingOfficials[0]!.id, 'COMMITTEE_MEMBER', '2021-04-09', growingCell);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'COMMITTEE_UNDER_NINE', officialMemberCount: 8 });
    expect(response.errors?.[0]?.message).toContain('Ngày 2021-04-09');
    expect(await changes()).toEqual(before);
  });

  it('accepts the same appointment dated the day the ninth official member arrived', async () => {
    const response = await appoint(growingOfficials[0]!.id, 'COMMITTEE_MEMBER', '2021-04-10', growingCell);
    expect(response.errors).toBeUndefined();
    expect(response.data!.appointPosition).toMatchObject({ position: 'COMMITTEE_MEMBER', startsOn: '2021-04-10' });
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
    expect(rows.filter((row) => row.member_id === mover!.id)).toEqual([
      { member_id: mover!.id, cell_id: cell, status: 'OFFICIAL', valid_from: null, valid_to: '2021-04-10' },
      { member_id: mover!.id, cell_id: otherCell, status: 'OFFICIAL', valid_from: '2021-04-10', valid_to: null },
    ]);
    // Replay from an empty copy.
    await sql`DELETE FROM member_placement_replica`.execute(federation.organization.db);
    await sql`DELETE FROM consumer_position WHERE producer = 'membership'`.execute(federation.organization.db);
    await federation.catchUp();
    expect(await replicaRows()).toEqual(rows);
  });
});
