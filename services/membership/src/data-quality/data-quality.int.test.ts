import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Data quality of a district through the gateway, on the demo data with each problem planted the way
 * real data gets it: a ward clerk recording someone with the CCCD a member of another ward holds (not
 * refused, which would tell the clerk the number belongs to a Party member elsewhere: written, and the
 * pair is for the level that sees both), two records with one name and date of birth, and the members
 * of a cell placed on its ward committee (as old dissolutions and loaded records left them: in no cell).
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const district = unit(2);
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
const otherBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) });
const townshipCommittee = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) });
const communeCommittee = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(11) });
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: district });
const dissolvedCell = unit(113);
const movedMembers = demo.members.filter((member) => member.cellId === dissolvedCell && member.status !== 'LEFT' && member.status !== 'DECEASED').map((member) => member.id).sort();

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const QUALITY = `query DataQuality($unitId: ID!) {
  memberDataQuality(unitId: $unitId) {
    sameCitizenId { members { id citizenId cell { id } } }
    sameNameAndBirth { fullName dateOfBirth members { id cell { id } } }
    membersWithoutCell { member { id } placedAt { id kind } since }
  }
}`;
interface Quality {
  sameCitizenId: { members: { id: string; citizenId: string | null; cell: { id: string } | null }[] }[];
  sameNameAndBirth: { fullName: string; dateOfBirth: string; members: { id: string; cell: { id: string } | null }[] }[];
  membersWithoutCell: { member: { id: string }; placedAt: { id: string; kind: string }; since: string | null }[];
}
async function quality(unitId: string): Promise<Quality> {
  const response = await federation.post<{ memberDataQuality: Quality }>(QUALITY, { unitId });
  expect(response.errors).toBeUndefined();
  return response.data!.memberDataQuality;
}

const CITIZEN_ID = '036075000123';
const ids = { holder: '', second: '', twinA: '', twinB: '' };

describe('data quality of a subtree', () => {
  beforeAll(async () => {
    const create = async (fullName: string, dateOfBirth: string, cellId: string, citizenId?: string) => {
      const response = await federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName, dateOfBirth, sex: 'MALE', citizenId }, cellId, admittedOn: '2010-05-19' } });
      expect(response.errors).toBeUndefined();
      return response.data!.createMember.id;
    };
    ids.holder = await create('Đỗ Văn Căn', '1975-04-04', unit(101), CITIZEN_ID);
    ids.twinA = await create('Vũ Thị Trùng', '1980-08-08', unit(101));
    ids.twinB = await create('vũ thị trùng', '1980-08-08', unit(112));
    await create('Vũ Thị Trùng', '1981-08-08', unit(112)); // same name, another birth date: not a duplicate

    // The commune's clerk records someone with the CCCD the township's member holds: written, nothing said.
    const second = await federation.as(communeCommittee, () =>
      federation.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Đỗ Văn Căng', dateOfBirth: '1975-04-04', sex: 'MALE', citizenId: CITIZEN_ID }, cellId: unit(111), admittedOn: '2012-02-03' } }),
    );
    expect(second.errors).toBeUndefined();
    ids.second = second.data!.createMember.id;

    // Xuân Hồng's third cell's members placed on the commune committee itself, as a dissolution did
    // before successors had to be cells (and as records loaded from the old system still are).
    await federation.membership.db.transaction().execute(async (trx) => {
      await trx.updateTable('member').set({ cell_id: unit(11) }).where('id', 'in', movedMembers).execute();
      await trx.updateTable('member_placement').set({ valid_to: '2025-07-01' }).where('member_id', 'in', movedMembers).where('valid_to', 'is', null).execute();
      await trx
        .insertInto('member_placement')
        .values(movedMembers.map((id) => ({ member_id: id, cell_id: unit(11), valid_from: '2025-07-01', valid_to: null, operation_id: null })))
        .execute();
    });
    await federation.catchUp();
  });

  it('groups the records sharing a CCCD for the district that sees both; the read of the CCCDs is logged', async () => {
    const before = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM sensitive_read_log`.execute(federation.membership.db)).rows[0]!.n);
    const found = await quality(district);
    expect(found.sameCitizenId).toEqual([
      {
        members: [
          { id: ids.holder, citizenId: CITIZEN_ID, cell: { id: unit(101) } },
          { id: ids.second, citizenId: CITIZEN_ID, cell: { id: unit(111) } },
        ],
      },
    ]);
    const logged = await sql<{ member_id: string; fields: string[]; operation: string }>`SELECT member_id, fields, operation FROM sensitive_read_log ORDER BY id OFFSET ${before}`.execute(federation.membership.db);
    expect(logged.rows.map((row) => [row.member_id, row.fields]).sort()).toEqual([[ids.holder, ['citizenId']], [ids.second, ['citizenId']]].sort());
    expect(logged.rows.every((row) => row.operation.startsWith('DataQuality'))).toBe(true);
  });

  it('shows the pair to no level that sees only one of the records, nor to another district or an analyst', async () => {
    for (const [who, unitId] of [
      [townshipCommittee, unit(10)],
      [communeCommittee, unit(11)],
      [otherBoard, unit(3)],
      [analyst, district],
    ] as const) {
      const seen = await federation.as(who, () => quality(unitId));
      expect(seen.sameCitizenId).toEqual([]);
    }
    // Asked for the township only, the district itself sees one record of the pair there: nothing.
    expect((await quality(unit(10))).sameCitizenId).toEqual([]);
    const outside = await federation.as(otherBoard, () => federation.post(QUALITY, { unitId: district }));
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outside.data).toBeNull();
  });

  it('groups members with one name (any case) and birth date, only when the whole group is inside the subtree', async () => {
    const found = await quality(district);
    const twins = found.sameNameAndBirth.filter((group) => group.dateOfBirth === '1980-08-08');
    expect(twins).toHaveLength(1);
    expect(twins[0]!.members.map((member) => member.id).sort()).toEqual([ids.twinA, ids.twinB].sort());
    const township = await federation.as(townshipCommittee, () => quality(unit(10)));
    expect(township.sameNameAndBirth.filter((group) => group.dateOfBirth === '1980-08-08')).toEqual([]);
  });

  it('lists the members of the dissolved cell as placed at the commune committee, in no cell; not to another ward', async () => {
    expect(movedMembers.length).toBeGreaterThan(0);
    const found = await quality(district);
    expect(found.membersWithoutCell.map((item) => item.member.id).sort()).toEqual(movedMembers);
    expect(found.membersWithoutCell.every((item) => item.placedAt.id === unit(11) && item.placedAt.kind === 'GRASSROOTS_COMMITTEE' && item.since === '2025-07-01')).toBe(true);
    const commune = await federation.as(communeCommittee, () => quality(unit(11)));
    expect(commune.membersWithoutCell.map((item) => item.member.id).sort()).toEqual(movedMembers);
    const township = await federation.as(townshipCommittee, () => quality(unit(10)));
    expect(township.membersWithoutCell).toEqual([]);
  });

  it('refuses a bad page size in Vietnamese', async () => {
    const response = await federation.post(`query ($unitId: ID!) { memberDataQuality(unitId: $unitId) { sameNameAndBirth(first: 0) { fullName } } }`, { unitId: district });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/mục/);
  });
});
