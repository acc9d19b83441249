import { replicateOrgUnits } from '@dangvien/org-replica';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';

/**
 * No membership oracle: a CCCD (or party card) already on a member outside the caller's scope is not
 * refused (a refusal would tell the caller the number belongs to a Party member elsewhere). The record
 * is written as any other, and the pair reaches the audit log of the levels that see the other record,
 * as a possible duplicate (data quality). A repeat inside what the caller may read is still refused,
 * named, so the clerk can correct it.
 */
let subgraph: TestSubgraph<MembershipDatabase>;
const home = demoId('unit', 101);
const elsewhere = demoId('unit', 102);
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: home });
const admin = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });
const CREATE = `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: MemberProfileInput!) { updateMemberProfile(id: $id, input: $input) { id } }`;
let outsider: string;
let mine: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  const other = await subgraph.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName: 'Đặng Thị Xa', dateOfBirth: '1979-09-09', citizenId: '036179000999', partyCardNumber: '36.009999' }, cellId: elsewhere, admittedOn: '2005-05-05' },
  }, admin);
  expect(other.errors).toBeUndefined();
  outsider = other.data!.createMember.id;
  const own = await subgraph.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName: 'Lưu Văn Gần', dateOfBirth: '1981-01-01' }, cellId: home, admittedOn: '2006-06-06' },
  }, admin);
  expect(own.errors).toBeUndefined();
  mine = own.data!.createMember.id;
});
afterAll(async () => subgraph.close());

const AUDIT = `query ($id: ID) { membershipAuditLog(entityId: $id) { operation entityId after actor } }`;
type AuditLine = { operation: string; entityId: string; after: string; actor: string };
const possibleDuplicatesOf = async (memberId: string) => {
  const above = await subgraph.post<{ membershipAuditLog: AuditLine[] }>(AUDIT, { id: memberId }, admin);
  return above.data!.membershipAuditLog.filter((record) => record.operation === 'possibleDuplicate').map((record) => ({ ...(JSON.parse(record.after) as { field: string; memberId: string; byOperation: string }), actor: record.actor }));
};
let numbers = 0;
/** A member of the other cell holding a new CCCD and card number, created by the administrator. */
const outsiderHolding = async (): Promise<{ id: string; citizenId: string; card: string }> => {
  numbers += 1;
  const citizenId = `0361790010${String(numbers).padStart(2, '0')}`;
  const card = `36.0100${String(numbers).padStart(2, '0')}`;
  const created = await subgraph.post<{ createMember: { id: string } }>(CREATE, {
    input: { profile: { fullName: `Đặng Thị Xa ${numbers}`, dateOfBirth: '1979-09-09', citizenId, partyCardNumber: card }, cellId: elsewhere, admittedOn: '2005-05-05' },
  }, admin);
  expect(created.errors).toBeUndefined();
  return { id: created.data!.createMember.id, citizenId, card };
};
const memberCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM member`.execute(subgraph.db)).rows[0]!.n);

describe('a duplicate outside the caller’s scope', () => {
  it('createMember with the CCCD of a member elsewhere is written like any record, and the pair is reported above', async () => {
    const before = await memberCount();
    const response = await subgraph.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Lý Thị Dò', dateOfBirth: '1979-02-02', citizenId: '036179000999' }, cellId: home, admittedOn: '2010-01-01' } }, secretary);
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response)).not.toMatch(/Đặng|Xa|Chi bộ|Đảng bộ/);
    expect(await memberCount()).toBe(before + 1);
    // The secretary sees nothing of the other record; the administrator over both sees the pair.
    const own = await subgraph.post<{ membershipAuditLog: AuditLine[] }>(AUDIT, { id: outsider }, secretary);
    expect(own.data!.membershipAuditLog).toEqual([]);
    expect(await possibleDuplicatesOf(outsider)).toContainEqual(expect.objectContaining({ field: 'citizenId', memberId: response.data!.createMember.id, byOperation: 'createMember' }));
    expect((await possibleDuplicatesOf(outsider)).at(-1)!.actor).toContain(secretary.subject);
  });

  it('a fresh number and a number elsewhere get the same answer', async () => {
    const fresh = await subgraph.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Tạ Văn Mới', dateOfBirth: '1979-03-03', sex: 'MALE', citizenId: '036079000555' }, cellId: home, admittedOn: '2010-01-01' } }, secretary);
    const other = await outsiderHolding();
    const taken = await subgraph.post<{ createMember: { id: string } }>(CREATE, { input: { profile: { fullName: 'Tạ Thị Trùng', dateOfBirth: '1979-02-02', citizenId: other.citizenId }, cellId: home, admittedOn: '2010-01-01' } }, secretary);
    expect(fresh.errors).toBeUndefined();
    expect(taken.errors).toBeUndefined();
    expect(Object.keys(taken.data!.createMember)).toEqual(Object.keys(fresh.data!.createMember));
  });

  it.each([
    ['the CCCD elsewhere', (other: { citizenId: string }) => ({ citizenId: other.citizenId, dateOfBirth: '1979-01-01', sex: 'FEMALE' }), 'citizenId'],
    ['the card elsewhere', (other: { card: string }) => ({ partyCardNumber: other.card }), 'partyCardNumber'],
  ] as const)('updateMemberProfile with %s is saved, and reported above', async (_label, input, field) => {
    const other = await outsiderHolding();
    const response = await subgraph.post(UPDATE, { id: mine, input: input(other) }, secretary);
    expect(response.errors).toBeUndefined();
    expect(await possibleDuplicatesOf(other.id)).toContainEqual(expect.objectContaining({ field, memberId: mine, byOperation: 'updateMemberProfile' }));
  });

  it('a duplicate the caller may read is refused and named, so the clerk can fix it; nothing is written', async () => {
    const before = await memberCount();
    const response = await subgraph.post(CREATE, { input: { profile: { fullName: 'Lý Thị Dò', dateOfBirth: '1979-02-02', citizenId: '036179000999' }, cellId: home, admittedOn: '2010-01-01' } }, admin);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'citizenId' });
    expect(response.errors?.[0]?.message).toContain('036179000999');
    expect(await memberCount()).toBe(before);
  });

  it('an import’s dry run finds no problem with such a row; the import writes it and reports the pair above', async () => {
    const other = await outsiderHolding();
    const csv = ['Họ và tên;Ngày sinh;Số CCCD;Ngày vào Đảng', `Lý Thị Nhập;02/02/1979;${other.citizenId};01/01/2010`].join('\r\n');
    type Job = { status: string; createdCount: number | null; problems: { row: number; code: string; problem: string }[] };
    const run = async (dryRun: boolean): Promise<Job> => {
      const started = await subgraph.post<{ importMembers: { id: string } }>(
        `mutation ($input: MemberImportInput!) { importMembers(input: $input) { id } }`,
        { input: { file: { name: 'ds.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, unitId: home, mode: 'VALID_ONLY', dryRun } },
        secretary,
      );
      expect(started.errors).toBeUndefined();
      for (;;) {
        const polled = await subgraph.post<{ memberImportJob: Job }>(`query ($id: ID!) { memberImportJob(id: $id) { status createdCount problems { row code problem } } }`, { id: started.data!.importMembers.id }, secretary);
        if (!['VALIDATING', 'RUNNING'].includes(polled.data!.memberImportJob.status)) return polled.data!.memberImportJob;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const checked = await run(true);
    expect(checked.problems.filter((problem) => problem.row === 2)).toEqual([]);
    const imported = await run(false);
    expect(imported.status).toBe('DONE');
    expect(imported.createdCount).toBe(1);
    expect((await possibleDuplicatesOf(other.id)).some((item) => item.byOperation === 'importMembers')).toBe(true);
  });
});
