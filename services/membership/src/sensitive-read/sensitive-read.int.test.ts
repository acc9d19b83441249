import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The processing log of sensitive personal data, through the gateway on the demo data: one row per
 * request and member listing the fields served (CCCD, ethnicity, religion), written by membership;
 * the register export too; readable by the levels that oversee those members.
 */
const demo = demoDataSet();
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;
const members = demo.members.filter((member) => member.cellId === cell.id);
const province = demoId('unit', 1);
const districtOf = (unitId: string): string => {
  let unit = demo.orgUnits.find((candidate) => candidate.id === unitId)!;
  while (unit.parentId && unit.parentId !== province) unit = demo.orgUnits.find((candidate) => candidate.id === unit.parentId)!;
  return unit.id;
};
const district = districtOf(cell.id);
const otherDistrict = demo.orgUnits.find((unit) => unit.parentId === province && unit.id !== district)!.id;
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
const analyst = callerWith({ role: 'ANALYST', scopeUnitId: province });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

type Row = { request_id: string; actor_subject: string; operation: string; member_id: string; fields: string[] };
const rows = async (): Promise<Row[]> => (await sql<Row>`SELECT request_id, actor_subject, operation, member_id, fields FROM sensitive_read_log ORDER BY id`.execute(federation.membership.db)).rows;
let before = 0;
beforeEach(async () => {
  before = (await rows()).length;
});
const newRows = async (): Promise<Row[]> => (await rows()).slice(before);

const ROSTER = `query CellRegister($id: ID!) { orgUnit(id: $id) { members(first: 100) { id fullName citizenId ethnicity again: ethnicity religion } } }`;

describe('the sensitive-read log', () => {
  it('one row per request and member, listing the fields served, named after the operation', async () => {
    const response = await federation.post(ROSTER, { id: cell.id });
    expect(response.errors).toBeUndefined();
    const logged = await newRows();
    expect(logged.map((row) => row.member_id).sort()).toEqual(members.map((member) => member.id).sort());
    for (const row of logged) {
      expect(row.fields).toEqual(['citizenId', 'ethnicity', 'religion']);
      expect(row.actor_subject).toBe(board.subject);
      expect(row.operation).toMatch(/^CellRegister/);
    }
    expect(new Set(logged.map((row) => row.request_id)).size).toBe(1);
  });

  it('only the fields read', async () => {
    await federation.post(`query OnlyEthnicity($id: ID!) { orgUnit(id: $id) { members(first: 100) { ethnicity } } }`, { id: cell.id });
    expect(new Set((await newRows()).map((row) => row.fields.join(',')))).toEqual(new Set(['ethnicity']));
  });

  it('nothing when no sensitive field is read, or the caller may not read them (served as null)', async () => {
    await federation.post(`query Names($id: ID!) { orgUnit(id: $id) { members(first: 100) { fullName } } }`, { id: cell.id });
    const hidden = await federation.as(analyst, () => federation.post<{ orgUnit: { members: { citizenId: string | null }[] } }>(ROSTER, { id: cell.id }));
    expect(hidden.data!.orgUnit.members.every((member) => member.citizenId === null)).toBe(true);
    expect(await newRows()).toEqual([]);
  });

  it('the register export: one row per member in the file, with the three fields', async () => {
    const response = await federation.post(`query Export($unitId: ID!) { memberRegisterExport(unitId: $unitId) { rowCount } }`, { unitId: cell.id });
    expect(response.errors).toBeUndefined();
    const logged = await newRows();
    expect(logged).toHaveLength((response.data as { memberRegisterExport: { rowCount: number } }).memberRegisterExport.rowCount);
    expect(logged.every((row) => row.operation.startsWith('Export') && row.fields.join(',') === 'citizenId,ethnicity,religion')).toBe(true);
  });

  it('a search by CCCD: the member it finds is logged as a read of the CCCD, whether or not the answer shows the number', async () => {
    // The demo members have no CCCD: give one a number agreeing with the birth date and sex.
    const member = members[0]!;
    const [year] = member.birthDate.split('-');
    const centuryAndSex = (Number(year) >= 2000 ? 2 : 0) + (member.sex === 'FEMALE' ? 1 : 0);
    const holder = { id: member.id, fullName: member.fullName, citizenId: `036${centuryAndSex}${year!.slice(2)}004321` };
    const saved = await federation.post(`mutation ($id: ID!, $input: MemberProfileInput!) { updateMemberProfile(id: $id, input: $input) { id } }`, { id: holder.id, input: { citizenId: holder.citizenId } });
    expect(saved.errors).toBeUndefined();
    before = (await rows()).length;
    const search = await federation.post<{ searchMembers: { nodes: { id: string }[] } }>(`query FindByCccd($cccd: String!) { searchMembers(citizenId: $cccd) { nodes { id fullName } } }`, { cccd: holder.citizenId });
    expect(search.data!.searchMembers.nodes.map((member) => member.id)).toEqual([holder.id]);
    const duplicates = await federation.post<{ possibleDuplicates: { member: { id: string } }[] }>(`query CheckCccd($cccd: String!) { possibleDuplicates(citizenId: $cccd) { member { id } reasons } }`, { cccd: holder.citizenId });
    expect(duplicates.data!.possibleDuplicates.map((found) => found.member.id)).toEqual([holder.id]);
    const logged = await newRows();
    expect(logged.map((row) => [row.operation.split('__')[0], row.member_id, row.fields.join(',')])).toEqual([
      ['FindByCccd', holder.id, 'citizenId'],
      ['CheckCccd', holder.id, 'citizenId'],
    ]);
    // A search by name reads no CCCD.
    await federation.post(`query FindByName($name: String!) { searchMembers(name: $name) { nodes { id fullName } } }`, { name: holder.fullName });
    expect((await newRows()).length).toBe(2);
  });

  it('sensitiveReadLog: the district board sees reads of its members; another district and other roles see none', async () => {
    await federation.post(ROSTER, { id: cell.id });
    const member = members[0]!.id;
    const QUERY = `query ($memberId: ID) { sensitiveReadLog(memberId: $memberId, first: 200) { actor actorRoles operation memberId fields readAt } }`;
    type Log = { sensitiveReadLog: { actor: string; actorRoles: string[]; operation: string; memberId: string; fields: string[] }[] };
    const own = await federation.post<Log>(QUERY, { memberId: member });
    expect(own.errors?.map((error) => error.message)).toBeUndefined();
    expect(own.data!.sensitiveReadLog[0]).toMatchObject({ memberId: member, actorRoles: ['DISTRICT_BOARD'], fields: ['citizenId', 'ethnicity', 'religion'] });
    expect(own.data!.sensitiveReadLog[0]!.actor).toContain(board.subject);
    const all = await federation.post<Log>(QUERY, {});
    expect(all.data!.sensitiveReadLog.length).toBeGreaterThanOrEqual(members.length);
    for (const who of [callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: otherDistrict }), callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell.id }), analyst]) {
      const seen = await federation.as(who, () => federation.post<Log>(QUERY, {}));
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.sensitiveReadLog).toEqual([]);
    }
  });

  it('is append-only', async () => {
    await expect(sql`UPDATE sensitive_read_log SET fields = '{}'`.execute(federation.membership.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM sensitive_read_log`.execute(federation.membership.db)).rejects.toThrow(/append-only/);
  });
});
