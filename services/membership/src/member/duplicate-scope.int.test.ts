import { replicateOrgUnits } from '@dangvien/org-replica';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';
import { DUPLICATE_ELSEWHERE_MESSAGE } from './member.repository.ts';

/**
 * No membership oracle: a CCCD (or party card) already on a member outside the caller's scope is refused
 * with one neutral sentence (no name, no unit, the same for every such record), nothing is written,
 * and the attempt reaches the audit log of the levels that see the other record, as a data-quality item.
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

const counts = async () => {
  const row = (await sql<{ members: string; audit: string }>`SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM audit_log WHERE operation <> 'duplicateRefused') AS audit`.execute(subgraph.db)).rows[0]!;
  return { members: Number(row.members), audit: Number(row.audit) };
};

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

describe('a duplicate outside the caller’s scope', () => {
  it.each([
    ['createMember with the CCCD of the member elsewhere', () => [CREATE, { input: { profile: { fullName: 'Lý Thị Dò', dateOfBirth: '1979-02-02', citizenId: '036179000999' }, cellId: home, admittedOn: '2010-01-01' } }], 'citizenId'],
    ['updateMemberProfile with the CCCD elsewhere', () => [UPDATE, { id: mine, input: { citizenId: '036179000999', dateOfBirth: '1979-01-01' } }], 'citizenId'],
    ['updateMemberProfile with the card elsewhere', () => [UPDATE, { id: mine, input: { partyCardNumber: '36.009999' } }], 'partyCardNumber'],
  ] as const)('%s', async (_label, request, refusedOn) => {
    const [query, variables] = request() as unknown as readonly [string, Record<string, unknown>];
    const before = await counts();
    const response = await subgraph.post(query, variables, secretary);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: refusedOn });
    expect(response.errors![0]!.message).not.toMatch(/Đặng|Xa|036179000999|36\.009999|Chi bộ|Đảng bộ/);
    expect(await counts()).toEqual(before);
  });

  it('says the same for a number that is elsewhere as the index race does, and reports it to the level above', async () => {
    const response = await subgraph.post(CREATE, { input: { profile: { fullName: 'Lý Thị Dò', dateOfBirth: '1979-02-02', citizenId: '036179000999' }, cellId: home, admittedOn: '2010-01-01' } }, secretary);
    expect(response.errors?.[0]?.message).toMatch(/^Không ghi được số CCCD này\./);
    // The secretary's audit log shows nothing; the administrator over the other member sees the item.
    const AUDIT = `query ($id: ID) { membershipAuditLog(entityId: $id) { operation entityId after actor } }`;
    const own = await subgraph.post<{ membershipAuditLog: { operation: string }[] }>(AUDIT, { id: outsider }, secretary);
    expect(own.data!.membershipAuditLog).toEqual([]);
    const above = await subgraph.post<{ membershipAuditLog: { operation: string; entityId: string; after: string; actor: string }[] }>(AUDIT, { id: outsider }, admin);
    const items = above.data!.membershipAuditLog.filter((record) => record.operation === 'duplicateRefused');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(items[0]!.after)).toMatchObject({ field: 'citizenId', refusedOperation: 'createMember', cellId: home });
    expect(items[0]!.actor).toContain(secretary.subject);
  });

  it('a duplicate the caller may read is still named, so the clerk can fix it', async () => {
    const response = await subgraph.post(CREATE, { input: { profile: { fullName: 'Lý Thị Dò', dateOfBirth: '1979-02-02', citizenId: '036179000999' }, cellId: home, admittedOn: '2010-01-01' } }, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('036179000999');
  });

  it('an import’s dry run says the same sentence for each such row, and reports it above', async () => {
    const csv = ['Họ và tên;Ngày sinh;Số CCCD;Ngày vào Đảng', 'Lý Thị Dò;02/02/1979;036179000999;01/01/2010'].join('\r\n');
    const started = await subgraph.post<{ importMembers: { id: string } }>(
      `mutation ($input: MemberImportInput!) { importMembers(input: $input) { id } }`,
      { input: { file: { name: 'ds.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, unitId: home, mode: 'VALID_ONLY', dryRun: true } },
      secretary,
    );
    expect(started.errors).toBeUndefined();
    type Job = { status: string; problems: { row: number; code: string; problem: string }[] };
    let job: Job;
    for (;;) {
      const polled = await subgraph.post<{ memberImportJob: Job }>(`query ($id: ID!) { memberImportJob(id: $id) { status problems { row code problem } } }`, { id: started.data!.importMembers.id }, secretary);
      job = polled.data!.memberImportJob;
      if (!['VALIDATING', 'RUNNING'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const problem = job.problems.find((candidate) => candidate.row === 2)!;
    expect(problem.problem).toBe(DUPLICATE_ELSEWHERE_MESSAGE.citizenId);
    const above = await subgraph.post<{ membershipAuditLog: { operation: string; after: string }[] }>(`query ($id: ID) { membershipAuditLog(entityId: $id) { operation after } }`, { id: outsider }, admin);
    expect(above.data!.membershipAuditLog.map((record) => JSON.parse(record.after) as { refusedOperation?: string }).some((after) => after.refusedOperation === 'importMembers')).toBe(true);
  });
});
