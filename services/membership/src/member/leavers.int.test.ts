import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Records outlive their cell (issue 19): in Xuân Hồng (ward 11), xóm 1 (cell 111) has a member who
 * died, one who was expelled and one transferred out of the system (to another province); then the
 * cell is dissolved into xóm 2. Each record stays readable, with its whole history, by the ward, the
 * district and the province; a sibling ward (Xuân Trường township, 10) sees nothing, exactly as for an
 * id that does not exist. Xóm 3 (113), whose transferred-out member had left first, is merged into a
 * cell of another ward (Xuân Ninh, 12): that ward, as the successor's superior, reads the record too.
 */
const unit = (n: number) => demoId('unit', n);
const province = unit(1);
const admin = callerWith({ role: 'ADMIN', scopeUnitId: province });
const district = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(11) });
const siblingWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) });
const successorWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(12) });
const otherDistrict = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) });
const cell = unit(111);
const otherCell = unit(113);
const MISSING = '20000000-0000-4000-8000-999999999999';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => admin);
});
afterAll(async () => federation?.close());

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status } }`;
const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`;
const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }`;
/** What the ward's and the cell's member pages ask for. */
const MEMBER = `query ($id: ID!) { member(id: $id) {
  id fullName status admittedOn partyAge underInspection cell { id name }
  events { kind occurredOn decisionNumber disciplineLevel }
  placements { cell { id name } validFrom validTo }
  transfers { direction letterNumber fromCell { id name } toCell { id name } externalOrganization }
} }`;
interface RecordPage {
  id: string;
  fullName: string;
  status: string;
  cell: { id: string; name: string } | null;
  events: { kind: string; occurredOn: string; decisionNumber: string | null; disciplineLevel: string | null }[];
  placements: { cell: { id: string; name: string } | null; validFrom: string | null; validTo: string | null }[];
  transfers: { direction: string; letterNumber: string; fromCell: { id: string; name: string } | null; toCell: { id: string } | null; externalOrganization: string | null }[];
}
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { id fullName status } } }`;

async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await federation.post<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const ids = { died: '', expelled: '', transferred: '', earlier: '' };

async function create(fullName: string, cellId: string): Promise<string> {
  const created = await ok<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName, dateOfBirth: '1960-03-12', sex: 'MALE' }, cellId, admittedOn: '1990-05-19' } });
  return created.createMember.id;
}

beforeAll(async () => {
  ids.died = await create('Trần Văn Mất', cell);
  ids.expelled = await create('Lê Văn Khai', cell);
  ids.transferred = await create('Phạm Thị Chuyển', cell);
  ids.earlier = await create('Đoàn Văn Đi', otherCell);
  await ok(RECORD, { input: { memberId: ids.died, kind: 'DIED', occurredOn: '2026-02-10' } });
  await ok(RECORD, { input: { memberId: ids.expelled, kind: 'DISCIPLINE', occurredOn: '2026-03-02', decisionNumber: '12-QĐ/UBKT', details: { disciplineLevel: 'EXPULSION' } } });
  const out = { kind: 'OFFICIAL', reason: 'PERMANENT_MOVE', externalOrganization: 'Đảng bộ tỉnh Thái Bình' };
  await ok(ISSUE, { input: { ...out, memberId: ids.transferred, letterNumber: '21-GGT/ĐU', letterIssuedOn: '2026-04-01' } });
  await ok(ISSUE, { input: { ...out, memberId: ids.earlier, letterNumber: '22-GGT/ĐU', letterIssuedOn: '2026-01-15' } });
  await federation.catchUp();
  await ok(DISSOLVE, { input: { id: cell, successorId: unit(112), effectiveDate: '2026-06-01', decisionNumber: '30-QĐ/ĐU' } });
  await ok(DISSOLVE, { input: { id: otherCell, successorId: unit(121), effectiveDate: '2026-06-01', decisionNumber: '31-QĐ/ĐU' } });
  await federation.catchUp();
});

const read = (who: ReturnType<typeof callerWith>, id: string) => federation.as(who, () => ok<{ member: RecordPage | null }>(MEMBER, { id })).then((data) => data.member);

describe('a member who left, after the cell is dissolved', () => {
  it('is readable with the whole history by the ward, the district and the province', async () => {
    for (const who of [ward, district, admin]) {
      const died = await read(who, ids.died);
      expect(died).toMatchObject({ id: ids.died, fullName: 'Trần Văn Mất', status: 'DECEASED', cell: { id: cell, name: 'Chi bộ xóm 1' } });
      expect(died!.events.map((event) => [event.kind, event.occurredOn])).toEqual([
        ['ADMITTED', '1990-05-19'],
        ['DIED', '2026-02-10'],
      ]);
      expect(died!.placements).toEqual([{ cell: { id: cell, name: 'Chi bộ xóm 1' }, validFrom: expect.any(String), validTo: null }]);

      const expelled = await read(who, ids.expelled);
      expect(expelled).toMatchObject({ status: 'LEFT', cell: { id: cell } });
      expect(expelled!.events.at(-1)).toEqual({ kind: 'DISCIPLINE', occurredOn: '2026-03-02', decisionNumber: '12-QĐ/UBKT', disciplineLevel: 'EXPULSION' });

      const transferred = await read(who, ids.transferred);
      expect(transferred).toMatchObject({ status: 'PROBATIONARY', cell: null });
      expect(transferred!.placements).toEqual([{ cell: { id: cell, name: 'Chi bộ xóm 1' }, validFrom: expect.any(String), validTo: '2026-04-01' }]);
      expect(transferred!.transfers).toEqual([{ direction: 'OUT', letterNumber: '21-GGT/ĐU', fromCell: { id: cell, name: 'Chi bộ xóm 1' }, toCell: null, externalOrganization: 'Đảng bộ tỉnh Thái Bình' }]);
    }
  });

  it('is not readable by a sibling ward or another district: the same answer as an id that does not exist', async () => {
    for (const who of [siblingWard, otherDistrict]) {
      expect(await read(who, MISSING)).toBeNull();
      for (const id of [ids.died, ids.expelled, ids.transferred, ids.earlier]) expect(await read(who, id)).toBeNull();
    }
  });

  it('takes no new decision for the member transferred out, saying why; a sibling ward gets the answer for a missing member', async () => {
    const decision = { input: { memberId: ids.transferred, kind: 'EXEMPT', occurredOn: '2026-07-01', decisionNumber: '40-QĐ/ĐU' } };
    const refused = await federation.as(ward, () => federation.post(RECORD, decision));
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('ra ngoài hệ thống');
    const outside = await federation.as(siblingWard, () => federation.post(RECORD, decision));
    const missing = await federation.as(siblingWard, () => federation.post(RECORD, { input: { ...decision.input, memberId: MISSING } }));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outside.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect((await read(ward, ids.transferred))!.status).toBe('PROBATIONARY');
  });

  it('is readable by the unit that took over the cell and its superiors, and by the ward that held the cell then', async () => {
    for (const who of [successorWard, ward, district]) {
      const record = await read(who, ids.earlier);
      expect(record).toMatchObject({ id: ids.earlier, fullName: 'Đoàn Văn Đi', cell: null });
      expect(record!.transfers).toHaveLength(1);
      expect(record!.placements.map((placement) => placement.validTo)).toEqual(['2026-01-15']);
    }
    // The dissolved cell itself lay in another ward: the successor's ward reads the record, not the cell.
    const seenBySuccessor = await read(successorWard, ids.earlier);
    expect(seenBySuccessor!.placements[0]!.cell).toBeNull();
    expect(seenBySuccessor!.transfers[0]!.fromCell).toBeNull();
  });

  it('answers the Member entity the same way, sent straight to the subgraph', async () => {
    const representations = [ids.died, ids.expelled, ids.transferred, MISSING].map((id) => ({ __typename: 'Member', id }));
    const asWard = await federation.membership.post<{ _entities: ({ id: string } | null)[] }>(ENTITIES, { representations }, ward);
    expect(asWard.errors).toBeUndefined();
    expect(asWard.data!._entities.map((entity) => entity?.id ?? null)).toEqual([ids.died, ids.expelled, ids.transferred, null]);
    const asSibling = await federation.membership.post<{ _entities: ({ id: string } | null)[] }>(ENTITIES, { representations }, siblingWard);
    expect(asSibling.data!._entities).toEqual([null, null, null, null]);
  });
});
