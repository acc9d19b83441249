import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { internalTokenSigner, type Caller } from '@dangvien/auth';
import { createKysely, freePort, workspaceRoot } from '@dangvien/db';
import { demoId } from '@dangvien/demo-data';
import { insertMembers, type MembershipDatabase } from '@dangvien/membership/bulk';
import { eventually, postGraphQL, testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from './backend.ts';
import { consistencyReport } from './consistency.ts';
import { eventFeedSecret } from './secrets.ts';

/**
 * Crashes through the real processes: a consumer killed between applying a dissolution and committing
 * it, a producer killed right after committing one and right before. After restarting, every member
 * has moved exactly once and every replica equals its source.
 */
let backend: Backend;
let membershipDb: Kysely<MembershipDatabase>;
let sign: (caller: Caller, audience: string) => Promise<string>;
const districtBoard: Caller = { subject: 'crash-test', name: 'Ban Tổ chức (thử)', grants: [{ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) }] };
const EXTRA_MEMBERS = 300;

const logFile = path.join(workspaceRoot(), '.test-results', 'crash-system.log');
beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  backend = await startBackend({
    serverUrl: testServerUrl(),
    // Unique names: two runs on one server must not drop each other's databases.
    databasePrefix: `crash_${randomUUID().slice(0, 8)}_`,
    fresh: true,
    dropOnStop: true,
    seedDemo: true,
    ports: { gateway: await freePort(), organization: await freePort(), membership: await freePort(), evaluation: await freePort() },
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });
  membershipDb = createKysely<MembershipDatabase>(backend.databaseUrls.membership);
  sign = await internalTokenSigner(backend.keys.privateKey);
  // A cell with hundreds of members.
  await membershipDb.transaction().execute((trx) =>
    insertMembers(
      trx,
      Array.from({ length: EXTRA_MEMBERS }, (_, n) => ({ id: randomUUID(), full_name: `Nguyễn Văn Thử ${n + 1}`, status: 'OFFICIAL' as const, cell_id: demoId('unit', 101) })),
    ),
  );
  await consistent();
});
afterAll(async () => {
  await membershipDb?.destroy();
  await backend?.stop();
});

async function consistent(): Promise<void> {
  await eventually(async () => (await consistencyReport(backend.subgraphUrls, eventFeedSecret())).ok, true);
}

/** Calls the organization subgraph as the gateway does, for a district board member. */
async function organization<T>(query: string, variables: Record<string, unknown>) {
  return postGraphQL<T>(backend.subgraphUrls.organization, query, variables, { authorization: `Bearer ${await sign(districtBoard, 'organization')}` });
}

const dissolve = (id: string, successorId: string) =>
  organization<{ dissolveOrgUnit: { id: string } }>(
    'mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }',
    { input: { id, successorId, effectiveDate: '2025-07-01', decisionNumber: '99-QĐ/HU' } },
  );

async function operationOf(unitId: string): Promise<string | undefined> {
  const db = createKysely<{ operation: { id: string; subject_id: string } }>(backend.databaseUrls.organization);
  try {
    return (await db.selectFrom('operation').select('id').where('subject_id', '=', unitId).executeTakeFirst())?.id;
  } finally {
    await db.destroy();
  }
}

async function operationStatus(operationId: string): Promise<string | undefined> {
  const response = await organization<{ operation: { status: string } | null }>('query ($id: ID!) { operation(id: $id) { status } }', { id: operationId });
  return response.data?.operation?.status;
}

const membersIn = async (cellId: string): Promise<string[]> =>
  (await membershipDb.selectFrom('member').select('id').where('cell_id', '=', cellId).orderBy('id').execute()).map((row) => row.id);

async function movedExactlyOnce(operationId: string, memberIds: string[], to: string): Promise<void> {
  const placements = await sql<{ member_id: string }>`SELECT member_id FROM member_placement WHERE operation_id = ${operationId} ORDER BY member_id`.execute(membershipDb);
  expect(placements.rows.map((row) => row.member_id)).toEqual(memberIds);
  const open = await sql<{ n: string }>`
    SELECT count(*) AS n FROM member_placement WHERE member_id = ANY(${memberIds}::uuid[]) AND valid_to IS NULL`.execute(membershipDb);
  expect(Number(open.rows[0]!.n)).toBe(memberIds.length); // one current placement each
  expect(await membersIn(to)).toEqual(expect.arrayContaining(memberIds));
}

describe('dissolution through crashes', () => {
  it('a consumer killed before committing the move applies it exactly once after restarting', async () => {
    const [from, to] = [demoId('unit', 101), demoId('unit', 102)];
    const members = await membersIn(from);
    expect(members.length).toBeGreaterThan(EXTRA_MEMBERS);
    await backend.restart('membership', { DANGVIEN_FAILPOINT: 'consume:OrgUnitDissolved:before-commit' });
    const crashed = backend.process('membership');
    expect((await dissolve(from, to)).errors).toBeUndefined();
    await crashed.exited;
    expect(crashed.child.signalCode).toBe('SIGKILL');
    expect(await membersIn(from)).toEqual(members); // its transaction died with it

    await backend.restart('membership');
    const operationId = (await operationOf(from))!;
    await eventually(() => operationStatus(operationId), 'COMPLETED');
    await movedExactlyOnce(operationId, members, to);
    expect(await membersIn(from)).toEqual([]);
    await consistent();
  });

  it('a producer killed right after committing still delivers the dissolution, once', async () => {
    const [from, to] = [demoId('unit', 111), demoId('unit', 112)];
    const members = await membersIn(from);
    await backend.restart('organization', { DANGVIEN_FAILPOINT: 'dissolve:after-commit' });
    const crashed = backend.process('organization');
    await expect(dissolve(from, to)).rejects.toThrow(); // the connection dies with the process
    await crashed.exited;

    await backend.restart('organization');
    const operationId = (await operationOf(from))!;
    expect(operationId).toBeDefined();
    await eventually(() => operationStatus(operationId), 'COMPLETED');
    await movedExactlyOnce(operationId, members, to);
    await consistent();
  });

  it('a producer killed before committing leaves no trace, and the dissolution can be asked again', async () => {
    const [from, to] = [demoId('unit', 121), demoId('unit', 122)];
    const members = await membersIn(from);
    await backend.restart('organization', { DANGVIEN_FAILPOINT: 'dissolve:before-commit' });
    const crashed = backend.process('organization');
    await expect(dissolve(from, to)).rejects.toThrow();
    await crashed.exited;

    await backend.restart('organization');
    expect(await operationOf(from)).toBeUndefined();
    expect(await membersIn(from)).toEqual(members);
    await consistent();
    expect((await dissolve(from, to)).errors).toBeUndefined();
    const operationId = (await operationOf(from))!;
    await eventually(() => operationStatus(operationId), 'COMPLETED');
    await movedExactlyOnce(operationId, members, to);
    await consistent();
  });
});
