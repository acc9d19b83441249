import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, workspaceRoot, type EmbeddedServer } from '@dangvien/db';
import { consistencyReport } from '@dangvien/stack';
import { eventually } from '@dangvien/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchSystem, type BenchSystem } from './system.ts';

/**
 * PostgreSQL stopped and started again under the clerk mix, on an embedded server of this test's own
 * (the machine's shared server at 5432 serves other tests). Meanwhile every request fails at once with
 * DATABASE_UNAVAILABLE; afterwards every request succeeds, nothing having been restarted; no meeting
 * is half written, and the events end in step (what `pnpm events:status` checks).
 */
interface Answer {
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  codes: string[];
  meetingId?: string;
}

const CLIENTS = 6;
const logFile = path.join(workspaceRoot(), '.test-results', 'postgres-restart.log');
const log = (line: string) => appendFileSync(logFile, `${line}\n`);
let dataParent: string;
let port: number;
let postgres: EmbeddedServer;
let system: BenchSystem;

const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dataParent, 'pg'), port, log });

beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  dataParent = mkdtempSync(path.join(tmpdir(), 'dangvien-pg-restart-'));
  port = await freePort();
  postgres = await startPostgres();
  system = await startBenchSystem({ serverUrl: postgres.url, prefix: 'restart_', log });
}, 300_000);
afterAll(async () => {
  await system?.stop();
  await postgres?.stop();
  rmSync(dataParent, { recursive: true, force: true });
});

async function send(): Promise<Answer> {
  const call = system.workload.mixCall();
  const startedAt = Date.now();
  try {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: { recordMeeting?: { id: string } }; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? '?');
    return { startedAt, finishedAt: Date.now(), ok: response.ok && codes.length === 0, codes, meetingId: body.data?.recordMeeting?.id };
  } catch (error) {
    return { startedAt, finishedAt: Date.now(), ok: false, codes: [`transport: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

describe('PostgreSQL restarted under the clerk mix', () => {
  it('fails fast and clearly while it is down, answers again once it is back, and loses or repeats no event', async () => {
    const answers: Answer[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) answers.push(await send());
    });
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const stoppedAt = Date.now();
    await postgres.stop();
    const downFrom = Date.now();
    log('postgres stopped');
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const restartFrom = Date.now();
    postgres = await startPostgres();
    const backAt = Date.now();
    log('postgres started');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    running = false;
    await Promise.all(clients);

    const before = answers.filter((answer) => answer.finishedAt < stoppedAt);
    const down = answers.filter((answer) => answer.startedAt > downFrom && answer.finishedAt < restartFrom);
    // The pool drops the connections the restart closed as it meets them: a moment after the server is back.
    const after = answers.filter((answer) => answer.startedAt > backAt + 2000);
    log(JSON.stringify({ before: before.length, down: down.length, after: after.length, downCodes: [...new Set(down.flatMap((answer) => answer.codes))] }));
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((answer) => !answer.ok)).toEqual([]);
    // Many answers in 8 s from 6 clients, each waiting for its answer: none waits for a deadline.
    expect(down.length).toBeGreaterThan(CLIENTS * 2);
    expect(down.filter((answer) => answer.ok)).toEqual([]);
    // A subgraph whose database is down says so (DATABASE_UNAVAILABLE); one that cannot even answer
    // (a plugin writing its log before the answer fails) is a missing part for the gateway. Nothing else.
    const downCodes = new Set(down.flatMap((answer) => answer.codes));
    expect(downCodes.has('DATABASE_UNAVAILABLE')).toBe(true);
    expect([...downCodes].filter((code) => code !== 'DATABASE_UNAVAILABLE' && code !== 'SUBGRAPH_UNAVAILABLE')).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((answer) => !answer.ok)).toEqual([]);

    // Every meeting the clients were told is saved is there, whole; none is there half written.
    const evaluation = new pg.Client({ connectionString: system.databaseUrls.evaluation });
    await evaluation.connect();
    try {
      const saved = answers.flatMap((answer) => (answer.ok && answer.meetingId ? [answer.meetingId] : []));
      const stored = await evaluation.query<{ id: string; records: number }>(
        `SELECT m.id, (SELECT count(*)::int FROM attendance a WHERE a.meeting_id = m.id) AS records FROM meeting m WHERE m.agenda = 'Sinh hoạt chi bộ (đo hiệu năng)'`,
      );
      expect(saved.length).toBeGreaterThan(0);
      expect(stored.rows.map((row) => row.id)).toEqual(expect.arrayContaining(saved));
      expect(stored.rows.filter((row) => row.records === 0)).toEqual([]);
    } finally {
      await evaluation.end();
    }
    await eventually(async () => (await consistencyReport(system.subgraphUrls, system.eventFeedSecret)).ok, true, 60_000);
  });
});
