import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createKysely, freePort, workspaceRoot } from '@dangvien/db';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { eventually, postGraphQL, signIn, testServerUrl } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend, type ServiceName } from './backend.ts';
import { consistencyReport } from './consistency.ts';
import { eventFeedSecret } from './secrets.ts';

/**
 * SIGTERM through the real processes: a request in flight when the signal comes finishes with its whole
 * answer (its transaction committed, not cut), no new request is taken, and the process exits cleanly.
 * A row lock held by the test keeps the request in flight for as long as the test wants.
 */
type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw SQL on the membership database
let backend: Backend;
let membershipDb: Db;
let wardClerk: Record<string, string>;
const demo = demoDataSet();
const ward = demoId('unit', 10);
const cell = demo.orgUnits.find((unit) => unit.parentId === ward && demo.members.some((member) => member.cellId === unit.id))!;
const member = demo.members.find((candidate) => candidate.cellId === cell.id)!;

const logFile = path.join(workspaceRoot(), '.test-results', 'shutdown-system.log');
beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  backend = await startBackend({
    // The test's own operations (the ward clerk's roster as written here), not the front ends' manifest.
    uiOperations: 'any',
    serverUrl: testServerUrl(),
    databasePrefix: `shutdown_${randomUUID().slice(0, 8)}_`,
    fresh: true,
    dropOnStop: true,
    seedDemo: true,
    ports: { gateway: await freePort(), organization: await freePort(), membership: await freePort(), evaluation: await freePort() },
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });
  membershipDb = createKysely(backend.databaseUrls.membership);
  wardClerk = await signIn(backend.gatewayUrl, 'danguy.thitran');
});
afterAll(async () => {
  await membershipDb?.destroy();
  await backend?.stop();
});

/** Holds `lock` (SQL run inside a transaction) until the returned release is called; the transaction then rolls back. */
async function holdLock(lock: ReturnType<typeof sql>): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const done = membershipDb.connection().execute(async (connection) => {
    await sql`BEGIN`.execute(connection);
    await lock.execute(connection);
    locked();
    await released;
    await sql`ROLLBACK`.execute(connection);
  });
  await taken;
  return async () => {
    release();
    await done;
  };
}

/** Until another session of the membership database waits on a lock: the request is in flight, stuck behind ours. */
const someoneWaits = () =>
  eventually(async () => {
    const waiting = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(membershipDb);
    return waiting.rows[0]!.n > 0;
  }, true, 30_000);

/** Until the service no longer accepts connections: it is draining. */
const refusesConnections = (name: ServiceName) =>
  eventually(async () => {
    try {
      await fetch(`http://127.0.0.1:${backend.ports[name]}/health`, { signal: AbortSignal.timeout(1000) });
      return false;
    } catch {
      return true;
    }
  }, true, 30_000);

describe('SIGTERM', () => {
  it('the gateway answers a request in flight in full, takes no new one, and exits 0', async () => {
    // A subgraph deadline longer than this test's lock, so the answer waits for the lock, not for the deadline.
    await backend.restart('gateway', { GRAPHQL_SUBGRAPH_TIMEOUT_MS: '9000' });
    wardClerk = await signIn(backend.gatewayUrl, 'danguy.thitran');
    const release = await holdLock(sql`LOCK TABLE member_placement IN ACCESS EXCLUSIVE MODE`);
    const roster = postGraphQL<{ orgUnit: { members: { id: string }[] } }>(
      backend.gatewayUrl,
      'query ($id: ID!) { orgUnit(id: $id) { name members(first: 500) { id fullName latestReview { grade } } } }',
      { id: cell.id },
      wardClerk,
    );
    await someoneWaits();
    const gateway = backend.process('gateway');
    gateway.child.kill('SIGTERM');
    await refusesConnections('gateway');
    expect(gateway.child.exitCode).toBeNull(); // still draining the roster
    await release();
    const answer = await roster;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.orgUnit.members.map((row) => row.id)).toContain(member.id);
    expect(await gateway.exited).toBe(0);
    await backend.restart('gateway');
    wardClerk = await signIn(backend.gatewayUrl, 'danguy.thitran');
  });

  it('a subgraph commits the change in flight (with its audit record), stops its consumers, and exits 0', async () => {
    const occupation = `Kỹ sư ${randomUUID().slice(0, 6)}`;
    const release = await holdLock(sql`SELECT 1 FROM member WHERE id = ${member.id} FOR UPDATE`);
    const update = postGraphQL<{ updateMemberProfile: { occupation: string } }>(
      backend.gatewayUrl,
      'mutation ($id: ID!, $input: MemberProfileInput!) { updateMemberProfile(id: $id, input: $input) { occupation } }',
      { id: member.id, input: { occupation } },
      wardClerk,
    );
    await someoneWaits();
    const membership = backend.process('membership');
    membership.child.kill('SIGTERM');
    await refusesConnections('membership');
    expect(membership.child.exitCode).toBeNull();
    await release();
    const answer = await update;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updateMemberProfile.occupation).toBe(occupation);
    expect(await membership.exited).toBe(0);
    const stored = await sql<{ occupation: string }>`SELECT occupation FROM member WHERE id = ${member.id}`.execute(membershipDb);
    expect(stored.rows[0]!.occupation).toBe(occupation);
    const audited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${member.id}`.execute(membershipDb);
    expect(audited.rows[0]!.n).toBeGreaterThan(0);

    await backend.restart('membership');
    await eventually(async () => (await consistencyReport(backend.subgraphUrls, eventFeedSecret())).ok, true);
  });
});
