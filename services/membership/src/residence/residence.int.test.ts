import type { Caller } from '@dangvien/auth';
import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Regulation 213-QĐ/TW through the gateway: working members introduced to where they live (dated),
 * the ward's list, its six-monthly meetings with attendance, the yearly residence comment delivered
 * to the workplace, change notices both ways, and the HD 33 exceptions.
 */
const workplaceCell = demoId('unit', 101); // where they do party activity
const ward = demoId('unit', 11); // Đảng bộ xã Xuân Hồng: where they live
const residenceCell = demoId('unit', 111);
const otherResidenceCell = demoId('unit', 112);
const workplace = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
const residenceWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: ward });
const residenceSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: residenceCell });
const otherSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: otherResidenceCell });
let federation: TestFederation;

const post = <T = Record<string, unknown>>(who: Caller, query: string, variables: Record<string, unknown> = {}) => federation.as(who, () => federation.post<T>(query, variables));
const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

const LINK = `mutation ($input: LinkResidenceInput!) { linkResidence(input: $input) { id memberName validFrom residenceWard { id } residenceCell { id } } }`;
const MEETING = `mutation ($input: RecordResidenceMeetingInput!) { recordResidenceMeeting(input: $input) { id halfYear presentCount absentCount } }`;
const COMMENT = `mutation ($input: RecordResidenceCommentInput!) { recordResidenceComment(input: $input) { year recordedOn deliveredOn residenceCell { id } } }`;
const DELIVER = `mutation ($input: DeliverResidenceCommentInput!) { deliverResidenceComment(input: $input) { year deliveredOn } }`;
const NOTICE = `mutation ($input: SendResidenceChangeNoticeInput!) { sendResidenceChangeNotice(input: $input) { kind direction occurredOn memberName } }`;
const EXEMPT = `mutation ($input: RecordResidenceExemptionInput!) { recordResidenceExemption(input: $input) { ground validFrom } }`;
const WARD_LIST = `query ($id: ID!, $asOf: String) { orgUnit(id: $id) { residentWorkingMembers(asOf: $asOf) { memberName member { id } workplaceCell { id } residenceCell { id } validFrom validTo } } }`;
type WardList = { orgUnit: { residentWorkingMembers: { memberName: string; member: { id: string } | null; workplaceCell: { id: string } | null; residenceCell: { id: string }; validFrom: string; validTo: string | null }[] } };

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.membership.db)).rows[0]!.n);
const counts = async () => ({
  links: await count('residence_link'),
  meetings: await count('residence_meeting'),
  attendance: await count('residence_meeting_attendance'),
  comments: await count('residence_comment'),
  notices: await count('residence_notice'),
  exemptions: await count('residence_exemption'),
  audit: await count('audit_log'),
  outbox: await count('outbox_event'),
});
const published = async (type: string, memberId: string | undefined) =>
  (await sql<{ payload: Record<string, unknown> }>`SELECT payload FROM outbox_event WHERE type = ${type} AND aggregate_id = ${memberId}`.execute(federation.membership.db)).rows.map((row) => row.payload);

const ids: Record<string, string> = {};
async function createMember(key: string, fullName: string, dateOfBirth: string, admittedOn = '2012-05-05'): Promise<void> {
  const response = await post<{ createMember: { id: string } }>(workplace, `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
    input: { profile: { fullName, dateOfBirth }, cellId: workplaceCell, admittedOn },
  });
  expect(response.errors).toBeUndefined();
  ids[key] = response.data!.createMember.id;
}

beforeAll(async () => {
  federation = await startTestFederation(() => workplace);
  await createMember('hung', 'Bùi Văn Hùng', '1978-07-07');
  await createMember('nga', 'Đinh Thị Nga', '1983-08-08');
  await createMember('student', 'Mai Văn Quý', '1999-09-09', '2019-05-05');
});
afterAll(async () => federation?.close());

describe('introduction to the residence, and the ward’s list', () => {
  it('the workplace committee links working members to their residential cell, from a date; evaluation is told', async () => {
    const linked = await post<{ linkResidence: Record<string, unknown> }>(workplace, LINK, { input: { memberId: ids.hung, residenceCellId: residenceCell, validFrom: '2025-01-15', introductionNumber: '21-GGT/ĐU' } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkResidence).toMatchObject({ memberName: 'Bùi Văn Hùng', validFrom: '2025-01-15', residenceWard: { id: ward }, residenceCell: { id: residenceCell } });
    expect((await post(workplace, LINK, { input: { memberId: ids.nga, residenceCellId: residenceCell, validFrom: '2025-02-01' } })).errors).toBeUndefined();
    expect(await published('ResidenceLinked', ids.hung)).toEqual([{ memberId: ids.hung, residenceCellId: residenceCell, validFrom: '2025-01-15' }]);
  });

  it('the ward lists them on any date, by name, with their workplace cell (the member record stays with the workplace)', async () => {
    const list = async (asOf: string) => (await post<WardList>(residenceWard, WARD_LIST, { id: ward, asOf })).data!.orgUnit.residentWorkingMembers;
    expect(await list('2025-01-14')).toEqual([]);
    expect((await list('2025-01-20')).map((row) => row.memberName)).toEqual(['Bùi Văn Hùng']);
    const now = await list('2025-03-01');
    expect(now.map((row) => row.memberName)).toEqual(['Bùi Văn Hùng', 'Đinh Thị Nga']);
    expect(now[0]).toMatchObject({ member: null, workplaceCell: { id: workplaceCell }, residenceCell: { id: residenceCell }, validTo: null });
    // The workplace sees the same link on the member.
    const member = await post<{ member: { residenceLinks: { residenceCell: { id: string } }[] } }>(workplace, `query ($id: ID!) { member(id: $id) { residenceLinks { residenceCell { id } } } }`, { id: ids.hung });
    expect(member.data!.member.residenceLinks).toEqual([{ residenceCell: { id: residenceCell } }]);
  });
});

describe('the six-monthly meetings', () => {
  it('records who of the linked members came; the others are absent', async () => {
    const meeting = await post<{ recordResidenceMeeting: { halfYear: string; presentCount: number; absentCount: number } }>(residenceWard, MEETING, {
      input: { wardId: ward, heldOn: '2025-06-20', presentMemberIds: [ids.hung], note: 'Hội nghị 6 tháng đầu năm' },
    });
    expect(meeting.errors).toBeUndefined();
    expect(meeting.data!.recordResidenceMeeting).toMatchObject({ halfYear: '2025-H1', presentCount: 1, absentCount: 1 });
    const attendance = await post<{ member: { residenceLinks: { attendance: { halfYear: string; present: boolean }[] }[] } }>(
      workplace,
      `query ($id: ID!) { member(id: $id) { residenceLinks { attendance { halfYear present } } } }`,
      { id: ids.nga },
    );
    expect(attendance.data!.member.residenceLinks[0]!.attendance).toEqual([{ halfYear: '2025-H1', present: false }]);
  });

  const refusals: [string, Caller, () => Record<string, unknown>, string][] = [
    ['a second meeting in the same half-year', residenceWard, () => ({ wardId: ward, heldOn: '2025-05-02', presentMemberIds: [] }), 'CONFLICT'],
    ['someone not linked to the ward on that day', residenceWard, () => ({ wardId: ward, heldOn: '2025-12-10', presentMemberIds: [ids.student] }), 'BAD_USER_INPUT'],
    ['a ward outside the caller’s subtree', workplace, () => ({ wardId: ward, heldOn: '2025-12-10', presentMemberIds: [] }), 'NOT_FOUND'],
    ['a cell secretary (the ward convenes)', residenceSecretary, () => ({ wardId: residenceCell, heldOn: '2025-12-10', presentMemberIds: [] }), 'FORBIDDEN'],
  ];
  it.each(refusals)('refuses %s and changes nothing', async (_case, who, input, expected) => {
    const before = await counts();
    expect(code(await post(who, MEETING, { input: input() }))).toBe(expected);
    expect(await counts()).toEqual(before);
  });
});

describe('the yearly comment from the residence', () => {
  it('the residential cell records it with the Front committee’s opinion; the ward delivers it to the workplace', async () => {
    const recorded = await post<{ recordResidenceComment: Record<string, unknown> }>(residenceSecretary, COMMENT, {
      input: { memberId: ids.hung, year: 2025, comment: 'Gương mẫu, tham gia sinh hoạt đầy đủ', frontCommitteeOpinion: 'Ban công tác Mặt trận nhất trí', recordedOn: '2025-11-28' },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordResidenceComment).toMatchObject({ year: 2025, recordedOn: '2025-11-28', deliveredOn: null, residenceCell: { id: residenceCell } });
    expect(await published('ResidenceCommentRecorded', ids.hung)).toEqual([{ memberId: ids.hung, year: 2025, residenceCellId: residenceCell, recordedOn: '2025-11-28' }]);
    const delivered = await post<{ deliverResidenceComment: { deliveredOn: string } }>(residenceWard, DELIVER, { input: { memberId: ids.hung, year: 2025, deliveredOn: '2025-12-05' } });
    expect(delivered.errors).toBeUndefined();
    const seen = await post<{ member: { residenceLinks: { comments: { year: number; comment: string; deliveredOn: string }[] }[] } }>(
      workplace,
      `query ($id: ID!) { member(id: $id) { residenceLinks { comments { year comment deliveredOn } } } }`,
      { id: ids.hung },
    );
    expect(seen.data!.member.residenceLinks[0]!.comments).toEqual([{ year: 2025, comment: 'Gương mẫu, tham gia sinh hoạt đầy đủ', deliveredOn: '2025-12-05' }]);
  });

  const refusals: [string, Caller, () => Record<string, unknown>, string][] = [
    ['a second comment for the same year', residenceSecretary, () => ({ memberId: ids.hung, year: 2025, comment: 'Lần hai', frontCommitteeOpinion: 'Đồng ý', recordedOn: '2025-12-01' }), 'CONFLICT'],
    ['another residential cell', otherSecretary, () => ({ memberId: ids.nga, year: 2025, comment: 'Tốt', frontCommitteeOpinion: 'Đồng ý', recordedOn: '2025-12-01' }), 'NOT_FOUND'],
    ['a comment recorded outside its year', residenceSecretary, () => ({ memberId: ids.nga, year: 2025, comment: 'Tốt', frontCommitteeOpinion: 'Đồng ý', recordedOn: '2026-01-10' }), 'BAD_USER_INPUT'],
    ['a year before the member lived there', residenceSecretary, () => ({ memberId: ids.nga, year: 2024, comment: 'Tốt', frontCommitteeOpinion: 'Đồng ý', recordedOn: '2024-12-01' }), 'NOT_FOUND'],
    ['a comment without the Front committee’s opinion', residenceSecretary, () => ({ memberId: ids.nga, year: 2025, comment: 'Tốt', frontCommitteeOpinion: ' ', recordedOn: '2025-12-01' }), 'BAD_USER_INPUT'],
  ];
  it.each(refusals)('refuses %s and changes nothing', async (_case, who, input, expected) => {
    const before = await counts();
    expect(code(await post(who, COMMENT, { input: input() }))).toBe(expected);
    expect(await counts()).toEqual(before);
  });
});

describe('change notices both ways', () => {
  it('the workplace tells the residence of a changed post; the link stays', async () => {
    const sent = await post<{ sendResidenceChangeNotice: Record<string, unknown> }>(workplace, NOTICE, { input: { memberId: ids.hung, kind: 'CHANGED_POST', occurredOn: '2026-02-01', note: 'Bổ nhiệm Phó Giám đốc' } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendResidenceChangeNotice).toEqual({ kind: 'CHANGED_POST', direction: 'TO_RESIDENCE', occurredOn: '2026-02-01', memberName: 'Bùi Văn Hùng' });
    const notices = await post<{ orgUnit: { residenceNotices: { kind: string; memberName: string }[] } }>(residenceWard, `query ($id: ID!) { orgUnit(id: $id) { residenceNotices { kind memberName } } }`, { id: ward });
    expect(notices.data!.orgUnit.residenceNotices).toEqual([{ kind: 'CHANGED_POST', memberName: 'Bùi Văn Hùng' }]);
  });

  it('the residence tells the workplace the member moved house: the link ends that day; a new introduction follows', async () => {
    expect(code(await post(workplace, NOTICE, { input: { memberId: ids.hung, kind: 'MOVED_HOUSE', occurredOn: '2026-03-01' } }))).toBe('NOT_FOUND'); // moving house is the residence's to report
    const moved = await post<{ sendResidenceChangeNotice: { direction: string } }>(residenceWard, NOTICE, { input: { memberId: ids.hung, kind: 'MOVED_HOUSE', occurredOn: '2026-03-01' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.sendResidenceChangeNotice.direction).toBe('TO_WORKPLACE');
    const workplaceNotices = await post<{ orgUnit: { residenceNotices: { kind: string }[] } }>(workplace, `query ($id: ID!) { orgUnit(id: $id) { residenceNotices { kind } } }`, { id: demoId('unit', 10) });
    expect(workplaceNotices.data!.orgUnit.residenceNotices.map((notice) => notice.kind)).toEqual(['MOVED_HOUSE', 'CHANGED_POST']);
    const list = async (asOf: string) => (await post<WardList>(residenceWard, WARD_LIST, { id: ward, asOf })).data!.orgUnit.residentWorkingMembers.map((row) => row.memberName);
    expect(await list('2026-02-28')).toEqual(['Bùi Văn Hùng', 'Đinh Thị Nga']);
    expect(await list('2026-03-01')).toEqual(['Đinh Thị Nga']);
    expect((await post(workplace, LINK, { input: { memberId: ids.hung, residenceCellId: demoId('unit', 121), validFrom: '2026-03-10' } })).errors).toBeUndefined();
    expect((await published('ResidenceLinked', ids.hung)).map((payload) => payload.residenceCellId)).toEqual(expect.arrayContaining([residenceCell, null, demoId('unit', 121)]));
  });

  it('an expulsion ends the link, and the residence is told', async () => {
    const expelled = await post(workplace, NOTICE, { input: { memberId: ids.nga, kind: 'EXPELLED', occurredOn: '2026-04-01' } });
    expect(expelled.errors).toBeUndefined();
    const links = await post<{ member: { residenceLinks: { validTo: string; endReason: string }[] } }>(workplace, `query ($id: ID!) { member(id: $id) { residenceLinks { validTo endReason } } }`, { id: ids.nga });
    expect(links.data!.member.residenceLinks).toEqual([{ validTo: '2026-04-01', endReason: 'EXPELLED' }]);
  });

  it('a name removal recorded in the member’s history tells the residence by itself, and ends the link', async () => {
    await createMember('removed', 'Lương Văn Phúc', '1975-05-05');
    expect((await post(workplace, LINK, { input: { memberId: ids.removed, residenceCellId: otherResidenceCell, validFrom: '2025-04-01' } })).errors).toBeUndefined();
    const removal = await post(workplace, `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { status } }`, {
      input: { memberId: ids.removed, kind: 'NAME_REMOVED', occurredOn: '2026-06-15', decisionNumber: '40-QĐ/ĐU', details: { reason: 'Bỏ sinh hoạt 3 tháng không có lý do' } },
    });
    expect(removal.errors).toBeUndefined();
    const notices = await post<{ orgUnit: { residenceNotices: { kind: string; memberName: string; occurredOn: string }[] } }>(
      otherSecretary,
      `query ($id: ID!) { orgUnit(id: $id) { residenceNotices { kind memberName occurredOn } } }`,
      { id: otherResidenceCell },
    );
    expect(notices.data!.orgUnit.residenceNotices).toEqual([{ kind: 'NAME_REMOVED', memberName: 'Lương Văn Phúc', occurredOn: '2026-06-15' }]);
    const links = await post<{ member: { residenceLinks: { validTo: string; endReason: string }[] } }>(workplace, `query ($id: ID!) { member(id: $id) { residenceLinks { validTo endReason } } }`, { id: ids.removed });
    expect(links.data!.member.residenceLinks).toEqual([{ validTo: '2026-06-15', endReason: 'NAME_REMOVED' }]);
  });

  it('a transfer out of the system is told to the residence, and ends the link', async () => {
    const issued = await post(workplace, `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`, {
      input: { memberId: ids.hung, kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', externalOrganization: 'Đảng bộ tỉnh Ninh Bình', letterNumber: '31-GGT/ĐU', letterIssuedOn: '2026-05-01' },
    });
    expect(issued.errors).toBeUndefined();
    const notices = await post<{ orgUnit: { residenceNotices: { kind: string; memberName: string }[] } }>(
      callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 12) }),
      `query ($id: ID!) { orgUnit(id: $id) { residenceNotices { kind memberName } } }`,
      { id: demoId('unit', 12) },
    );
    expect(notices.data!.orgUnit.residenceNotices).toEqual([{ kind: 'TRANSFERRED', memberName: 'Bùi Văn Hùng' }]);
    expect((await post<WardList>(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 12) }), WARD_LIST, { id: demoId('unit', 12) })).data!.orgUnit.residentWorkingMembers).toEqual([]);
  });
});

describe('the HD 33 exceptions', () => {
  it('a full-time student is not introduced to the residence: the link is refused and nothing changes', async () => {
    const exempt = await post<{ recordResidenceExemption: Record<string, unknown> }>(workplace, EXEMPT, { input: { memberId: ids.student, ground: 'FULL_TIME_STUDENT', validFrom: '2025-09-01', validTo: '2029-06-30' } });
    expect(exempt.errors).toBeUndefined();
    expect(exempt.data!.recordResidenceExemption).toEqual({ ground: 'FULL_TIME_STUDENT', validFrom: '2025-09-01' });
    const before = await counts();
    const refused = await post(workplace, LINK, { input: { memberId: ids.student, residenceCellId: residenceCell, validFrom: '2026-01-05' } });
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('Hướng dẫn 33');
    expect(await counts()).toEqual(before);
  });

  it('an exception recorded for a linked member ends the link that day', async () => {
    await createMember('soldier', 'Tạ Văn Cường', '1990-10-10');
    expect((await post(workplace, LINK, { input: { memberId: ids.soldier, residenceCellId: residenceCell, validFrom: '2025-03-01' } })).errors).toBeUndefined();
    expect((await post(workplace, EXEMPT, { input: { memberId: ids.soldier, ground: 'TROOPS_IN_BARRACKS', validFrom: '2025-10-01' } })).errors).toBeUndefined();
    const list = async (asOf: string) => (await post<WardList>(residenceWard, WARD_LIST, { id: ward, asOf })).data!.orgUnit.residentWorkingMembers.map((row) => row.memberName);
    expect(await list('2025-09-30')).toContain('Tạ Văn Cường');
    expect(await list('2025-10-01')).not.toContain('Tạ Văn Cường');
  });

  it('only the workplace side of the member may link or exempt them', async () => {
    const before = await counts();
    expect(code(await post(residenceWard, LINK, { input: { memberId: ids.student, residenceCellId: residenceCell, validFrom: '2026-01-05' } }))).toBe('NOT_FOUND');
    expect(code(await post(callerWith({ role: 'CELL_SECRETARY', scopeUnitId: workplaceCell }), EXEMPT, { input: { memberId: ids.student, ground: 'MOBILE_WORK', validFrom: '2026-01-05' } }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('introduction to the ward, which assigns the cell', () => {
  const ASSIGN = `mutation ($input: AssignResidenceCellInput!) { assignResidenceCell(input: $input) { memberName residenceWard { id } residenceCell { id } validFrom } }`;

  it('the workplace introduces a member to the ward; the ward lists them without a cell, then assigns one of its cells', async () => {
    await createMember('lan', 'Hà Thị Lan', '1985-03-03');
    await createMember('tuan', 'Kiều Văn Tuấn', '1980-04-04');
    expect((await post(workplace, LINK, { input: { memberId: ids.tuan, residenceCellId: residenceCell, validFrom: '2025-02-10' } })).errors).toBeUndefined();
    const linked = await post<{ linkResidence: Record<string, unknown> }>(workplace, LINK, { input: { memberId: ids.lan, residenceCellId: ward, validFrom: '2025-02-10', introductionNumber: '22-GGT/ĐU' } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkResidence).toMatchObject({ memberName: 'Hà Thị Lan', residenceWard: { id: ward }, residenceCell: null });
    const waiting = (await post<WardList>(residenceWard, WARD_LIST, { id: ward, asOf: '2025-03-01' })).data!.orgUnit.residentWorkingMembers.find((row) => row.memberName === 'Hà Thị Lan');
    expect(waiting).toMatchObject({ residenceCell: null, workplaceCell: { id: workplaceCell } });

    const before = await counts();
    const refusals: [Caller, Record<string, unknown>, string][] = [
      [workplace, { memberId: ids.lan, residenceCellId: residenceCell }, 'NOT_FOUND'], // the workplace does not assign the residence's cell
      [residenceSecretary, { memberId: ids.lan, residenceCellId: residenceCell }, 'NOT_FOUND'], // nor does a cell
      [residenceWard, { memberId: ids.lan, residenceCellId: demoId('unit', 121) }, 'BAD_USER_INPUT'], // a cell of another ward
      [residenceWard, { memberId: ids.tuan, residenceCellId: otherResidenceCell }, 'CONFLICT'], // already in a cell
    ];
    for (const [who, input, expected] of refusals) expect(code(await post(who, ASSIGN, { input }))).toBe(expected);
    expect(await counts()).toEqual(before);

    const assigned = await post<{ assignResidenceCell: Record<string, unknown> }>(residenceWard, ASSIGN, { input: { memberId: ids.lan, residenceCellId: otherResidenceCell } });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignResidenceCell).toEqual({ memberName: 'Hà Thị Lan', residenceWard: { id: ward }, residenceCell: { id: otherResidenceCell }, validFrom: '2025-02-10' });
    expect((await published('ResidenceLinked', ids.lan)).map((payload) => String(payload.residenceCellId)).sort()).toEqual([ward, otherResidenceCell].sort());
    const cellList = await post<WardList>(otherSecretary, WARD_LIST, { id: otherResidenceCell, asOf: '2025-03-01' });
    expect(cellList.data!.orgUnit.residentWorkingMembers.map((row) => row.memberName)).toEqual(['Hà Thị Lan']);
  });
});
