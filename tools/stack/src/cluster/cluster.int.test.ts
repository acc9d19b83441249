import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKysely, freePort, startEmbeddedPostgres, SUBGRAPHS, workspaceRoot, type EmbeddedServer, type SubgraphName } from '@dangvien/db';
import { demoId } from '@dangvien/demo-data';
import { insertMembers, type MembershipDatabase } from '@dangvien/membership/bulk';
import { eventually, postGraphQL, signIn } from '@dangvien/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceName } from '../backend.ts';
import { consistencyReport } from '../consistency.ts';
import { startCluster, type Cluster } from './cluster.ts';

/**
 * The multi-server layout under load and failure: each subgraph on its own embedded PostgreSQL server,
 * two replicas of each subgraph and two gateways behind round-robin proxies. A cell secretary's clerk
 * mix runs (4 clients) while a district board dissolves a cell of 250 members; one replica of each
 * subgraph and one gateway are killed (SIGKILL, mid-request and mid-transaction) and started again.
 * Then: every client operation succeeded (a request in flight at a kill failed and was retried, none
 * other failed), each meeting recorded once, the dissolution applied exactly once (each member moved
 * once, one MembersMoved, one PlacementsUpdated), every consumer at its producer's head and every
 * replica equal to its source.
 */
interface Attempt {
  operation: string;
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  problem?: string;
}

const CLIENTS = 4;
const EXTRA_MEMBERS = 250;
const AGENDA = 'Sinh hoạt chi bộ (thử nhiều máy chủ)';
/**
 * A request in flight at a kill fails; after that failure the gateway skips the subgraph 1 s (its
 * breaker) and the proxy the dead replica 1 s. Requests starting within this of a kill may fail too
 * (the failure itself comes up to a request's latency after the kill on a busy machine).
 */
const KILL_GRACE_MS = 4000;
const [CELL, DISSOLVED, SUCCESSOR] = [demoId('unit', 101), demoId('unit', 111), demoId('unit', 112)];

const logFile = path.join(workspaceRoot(), '.test-results', 'cluster.log');
const log = (line: string) => appendFileSync(logFile, `${line}\n`);
let dataParent: string;
const servers: EmbeddedServer[] = [];
let cluster: Cluster;

beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  dataParent = mkdtempSync(path.join(tmpdir(), 'dangvien-cluster-'));
  // Three servers, as the issue asks: one per subgraph (the identity database beside organization's).
  servers.push(
    ...(await Promise.all(SUBGRAPHS.map(async (name) => startEmbeddedPostgres({ dataDir: path.join(dataParent, name), port: await freePort(), log: (line) => log(`[postgres ${name}] ${line}`) })))),
  );
  cluster = await startCluster({
    serverUrls: Object.fromEntries(SUBGRAPHS.map((name, index) => [name, servers[index]!.url])) as Record<SubgraphName, string>,
    seedDemo: true,
    env: { GRAPHQL_UI_OPERATIONS: 'any', GRAPHQL_RATE_LIMIT_PER_MINUTE: '100000' },
    log,
  });
  const membership = createKysely<MembershipDatabase>(cluster.databaseUrls.membership, { maxConnections: 2 });
  try {
    // A cell with hundreds of members, so that applying its dissolution takes a while.
    await membership.transaction().execute((trx) =>
      insertMembers(trx, Array.from({ length: EXTRA_MEMBERS }, (_, n) => ({ id: randomUUID(), full_name: `Trần Văn Cụm ${n + 1}`, status: 'OFFICIAL' as const, cell_id: DISSOLVED }))),
    );
  } finally {
    await membership.destroy();
  }
  await eventually(async () => (await consistencyReport(cluster.subgraphUrls, cluster.eventFeedSecret)).ok, true, 60_000);
}, 300_000);

afterAll(async () => {
  await cluster?.stop();
  for (const server of servers) await server.stop();
  if (dataParent) rmSync(dataParent, { recursive: true, force: true });
});

const ROSTER = `query ClusterRoster($id: ID!, $year: Int!) {
  orgUnit(id: $id) { id name members(first: 500) { id fullName status latestReview { year grade } } meetings(year: $year) { heldOn kind } }
}`;
const SEARCH = `query ClusterSearch($name: String!) { searchMembers(name: $name, first: 20) { nodes { id fullName cell { id name } } hasNextPage } }`;
const MEMBER_PAGE = `query ClusterMember($id: ID!) { member(id: $id) { id fullName status cell { id name } events { kind occurredOn } reviews { year grade } } }`;
const RECORD_MEETING = `mutation ClusterMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Meeting slots of the cell not yet taken: days of this year before today, both kinds. */
async function freeSlots(): Promise<{ heldOn: string; kind: string }[]> {
  const taken = await withClient(cluster.databaseUrls.evaluation, async (client) =>
    new Set((await client.query<{ slot: string }>(`SELECT held_on || ' ' || kind AS slot FROM meeting WHERE cell_id = $1`, [CELL])).rows.map((row) => row.slot)),
  );
  const slots: { heldOn: string; kind: string }[] = [];
  const year = new Date().getUTCFullYear();
  for (let day = new Date(Date.now() - 86_400_000); day.getUTCFullYear() === year && day.getUTCMonth() + day.getUTCDate() > 1; day.setUTCDate(day.getUTCDate() - 1)) {
    const heldOn = day.toISOString().slice(0, 10);
    for (const kind of ['REGULAR', 'THEMATIC']) if (!taken.has(`${heldOn} ${kind}`)) slots.push({ heldOn, kind });
  }
  return slots;
}

describe('two replicas of everything, each subgraph on its own PostgreSQL server', () => {
  it('keeps serving the clerk mix and applies a dissolution exactly once while one replica of each is killed and restarted', async () => {
    const clerk = await signIn(cluster.gatewayUrl, 'bithu.tdp1');
    const board = await signIn(cluster.gatewayUrl, 'bantochuc.xuantruong');
    const year = new Date().getUTCFullYear();
    const roster = await postGraphQL<{ orgUnit: { members: { id: string; status: string }[] } }>(cluster.gatewayUrl, ROSTER, { id: CELL, year }, clerk);
    const members = roster.data!.orgUnit.members;
    const attendance = members.filter((member) => member.status !== 'EXEMPT').map((member) => ({ memberId: member.id, status: 'PRESENT' }));
    const slots = await freeSlots();

    const attempts: Attempt[] = [];
    const recorded = new Map<string, string>(); // clientRequestId → meeting id
    let operations = 0;
    /** One client operation, sent again (same idempotency key for a meeting) until it succeeds. */
    const perform = async (): Promise<void> => {
      const draw = operations++ % 20;
      let call: { operation: string; query: string; variables: Record<string, unknown> };
      if (draw === 0) {
        const slot = slots.shift()!;
        call = { operation: 'recordMeeting', query: RECORD_MEETING, variables: { input: { cellId: CELL, ...slot, agenda: AGENDA, attendance, clientRequestId: randomUUID() } } };
      } else if (draw % 3 === 0) call = { operation: 'search', query: SEARCH, variables: { name: 'Nguyễn' } };
      else if (draw % 3 === 1) call = { operation: 'roster', query: ROSTER, variables: { id: CELL, year } };
      else call = { operation: 'memberPage', query: MEMBER_PAGE, variables: { id: members[draw % members.length]!.id } };
      for (let attempt = 0; attempt < 12; attempt++) {
        const startedAt = Date.now();
        let problem: string | undefined;
        try {
          const answer = await postGraphQL<{ recordMeeting?: { id: string } }>(cluster.gatewayUrl, call.query, call.variables, clerk);
          if (answer.status !== 200 || answer.errors) problem = `HTTP ${answer.status} ${(answer.errors ?? []).map((error) => error.extensions?.code).join(',')}`;
          else if (answer.data?.recordMeeting) recorded.set(String((call.variables.input as { clientRequestId: string }).clientRequestId), answer.data.recordMeeting.id);
        } catch (error) {
          problem = `transport: ${error instanceof Error ? error.message : String(error)}`;
        }
        attempts.push({ operation: call.operation, startedAt, finishedAt: Date.now(), ok: !problem, problem });
        if (!problem) return;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      throw new Error(`${call.operation} did not succeed in 12 attempts`);
    };
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) await perform();
    });

    const kills: { name: ServiceName; at: number }[] = [];
    const kill = async (name: ServiceName) => {
      kills.push({ name, at: Date.now() });
      await cluster.kill(name, 0);
      log(`killed ${name}-1`);
    };
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const dissolved = await postGraphQL<{ dissolveOrgUnit: { id: string } }>(
        cluster.gatewayUrl,
        'mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }',
        { input: { id: DISSOLVED, successorId: SUCCESSOR, effectiveDate: '2025-07-01', decisionNumber: '77-QĐ/HU' } },
        board,
      );
      expect(dissolved.errors).toBeUndefined();
      const operationId = dissolved.data!.dissolveOrgUnit.id;
      // Membership's first replica dies while the replicas race to apply the dissolution.
      await kill('membership');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await kill('evaluation');
      await kill('organization');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await kill('gateway');
      const servedBefore = Object.fromEntries(kills.map(({ name }) => [name, [...cluster.proxies[name].served.values()][0]!]));
      await Promise.all(kills.map(({ name }) => cluster.start(name, 0)));
      log('restarted');
      await new Promise((resolve) => setTimeout(resolve, 4000));
      running = false;
      await Promise.all(clients);
      // The restarted replicas serve again.
      for (const { name } of kills) expect([...cluster.proxies[name].served.values()][0]!, name).toBeGreaterThan(servedBefore[name]!);

      // The clients: every operation done; only attempts in flight at a kill (or right after) failed.
      const failed = attempts.filter((attempt) => !attempt.ok);
      log(JSON.stringify({ attempts: attempts.length, operations, failed: failed.length, problems: [...new Set(failed.map((attempt) => attempt.problem))] }));
      expect(attempts.filter((attempt) => attempt.ok).length).toBe(operations);
      expect(operations).toBeGreaterThan(20);
      const atAKill = (attempt: Attempt) => kills.some((k) => attempt.startedAt <= k.at + KILL_GRACE_MS && attempt.finishedAt >= k.at);
      expect(failed.filter((attempt) => !atAKill(attempt))).toEqual([]);

      // Each meeting once, whatever its retries.
      const meetings = await withClient(cluster.databaseUrls.evaluation, async (client) => (await client.query<{ id: string }>(`SELECT id FROM meeting WHERE agenda = $1`, [AGENDA])).rows.map((row) => row.id));
      expect(recorded.size).toBeGreaterThan(0);
      expect(meetings.sort()).toEqual([...recorded.values()].sort());

      // The dissolution: completed, each member moved once, each reaction published once.
      await eventually(
        async () => (await postGraphQL<{ operation: { status: string } }>(cluster.gatewayUrl, 'query ($id: ID!) { operation(id: $id) { status } }', { id: operationId }, board)).data?.operation?.status,
        'COMPLETED',
        60_000,
      );
      await withClient(cluster.databaseUrls.membership, async (client) => {
        const moved = await client.query<{ member_id: string; n: number }>(`SELECT member_id, count(*)::int AS n FROM member_placement WHERE operation_id = $1 GROUP BY member_id`, [operationId]);
        expect(moved.rows.length).toBeGreaterThanOrEqual(EXTRA_MEMBERS);
        expect(moved.rows.filter((row) => row.n !== 1)).toEqual([]);
        const left = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE cell_id = $1`, [DISSOLVED]);
        expect(left.rows[0]!.n).toBe(0);
        const published = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'MembersMoved' AND payload->>'operationId' = $1`, [operationId]);
        expect(published.rows[0]!.n).toBe(1);
      });
      await withClient(cluster.databaseUrls.evaluation, async (client) => {
        const published = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'PlacementsUpdated' AND payload->>'operationId' = $1`, [operationId]);
        expect(published.rows[0]!.n).toBe(1);
      });
      // Every consumer at its producer's head, every replica equal to its source.
      await eventually(async () => (await consistencyReport(cluster.subgraphUrls, cluster.eventFeedSecret)).ok, true, 60_000);
    } finally {
      running = false;
      await Promise.allSettled(clients);
    }
  }, 240_000);
});
