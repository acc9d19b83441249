import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKysely, freePort, isPortFree, workspaceRoot } from '@dangvien/db';
import { demoDataSet } from '@dangvien/demo-data';
import { insertMembers, type MembershipDatabase } from '@dangvien/membership/bulk';
import { eventually, postGraphQL, signIn } from '@dangvien/testing';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The start command as a user runs it (backend part; the browser test covers the front ends):
 * embedded PostgreSQL on a fresh data dir, demo data on first start, everything gone after SIGTERM,
 * data kept for the next start, and a server left by a killed run taken over.
 */
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'dangvien-up-')), 'postgres');
const running: ChildProcess[] = [];

async function startUp(): Promise<{ child: ChildProcess; env: NodeJS.ProcessEnv; gatewayUrl: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANGVIEN_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    GATEWAY_PORT: String(await freePort()),
    ORGANIZATION_PORT: String(await freePort()),
    MEMBERSHIP_PORT: String(await freePort()),
    EVALUATION_PORT: String(await freePort()),
  };
  for (const key of ['DATABASE_URL', 'ORGANIZATION_DATABASE_URL', 'MEMBERSHIP_DATABASE_URL', 'EVALUATION_DATABASE_URL']) delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/stack/src/up.ts', '--no-frontends'], {
    cwd: workspaceRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('dangvien is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start command exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, env, gatewayUrl: `http://127.0.0.1:${env.GATEWAY_PORT}/graphql` };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));
}

function postmasterPid(): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const countMembers = async (gatewayUrl: string, cellId: string): Promise<number> => {
  const response = await postGraphQL<{ orgUnit: { members: unknown[] } }>(gatewayUrl, 'query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } } }', { id: cellId }, await signIn(gatewayUrl, 'bantochuc.xuantruong'));
  return response.data!.orgUnit.members.length;
};

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  const pid = postmasterPid();
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('the start command', () => {
  const cell = demoDataSet().orgUnits.find((unit) => unit.kind === 'CELL')!;
  const demoCount = demoDataSet().members.filter((member) => member.cellId === cell.id).length;

  it('starts on an empty machine with demo data, and SIGTERM leaves no process and no PostgreSQL behind', async () => {
    const { child, env, gatewayUrl } = await startUp();
    expect(await countMembers(gatewayUrl, cell.id)).toBe(demoCount);
    const pid = postmasterPid()!;
    expect(isAlive(pid)).toBe(true);
    // A change made while running, to see it survive the restart.
    // (through membership's own code, so its event reaches evaluation as any change would)
    const db = createKysely<MembershipDatabase>(`postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/membership`);
    await db.transaction().execute((trx) => insertMembers(trx, [{ id: randomUUID(), full_name: 'Vũ Thị Hạnh', status: 'OFFICIAL', cell_id: cell.id }]));
    await db.destroy();

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(isAlive(pid)).toBe(false);
    for (const port of ['GATEWAY_PORT', 'ORGANIZATION_PORT', 'MEMBERSHIP_PORT', 'EVALUATION_PORT', 'EMBEDDED_POSTGRES_PORT']) {
      expect(await isPortFree(Number(env[port])), port).toBe(true);
    }
  });

  it('reports zero lag and no replica mismatch with the consistency command once the demo has started', async () => {
    const { child, env } = await startUp();
    const statusEnv = {
      ...process.env,
      ORGANIZATION_URL: `http://127.0.0.1:${env.ORGANIZATION_PORT}/graphql`,
      MEMBERSHIP_URL: `http://127.0.0.1:${env.MEMBERSHIP_PORT}/graphql`,
      EVALUATION_URL: `http://127.0.0.1:${env.EVALUATION_PORT}/graphql`,
    };
    const runStatus = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'tools/stack/src/events-status.ts'], { cwd: workspaceRoot(), env: statusEnv, encoding: 'utf8' });
    // The consumers poll their producers: give them a moment after the start.
    await eventually(async () => runStatus().status, 0, 20_000);
    const result = runStatus();
    expect(result.stdout).toContain('OK: no lag, every replica matches its source.');
    expect(result.stdout).toMatch(new RegExp(`tree: organization → membership\\s+${demoDataSet().orgUnits.length}\\s+${demoDataSet().orgUnits.length}\\s+yes`));
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('keeps the data on the next start, without seeding again', async () => {
    const { child, gatewayUrl } = await startUp();
    expect(await countMembers(gatewayUrl, cell.id)).toBe(demoCount + 1);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('takes over from a run that was killed outright (SIGKILL left PostgreSQL running)', async () => {
    const first = await startUp();
    const leftover = postmasterPid()!;
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(isAlive(leftover)).toBe(true);
    // Its services notice their parent is gone and stop by themselves.
    for (const port of ['GATEWAY_PORT', 'ORGANIZATION_PORT', 'MEMBERSHIP_PORT', 'EVALUATION_PORT']) {
      await expect.poll(() => isPortFree(Number(first.env[port])), { timeout: 10_000 }).toBe(true);
    }
    const second = await startUp();
    expect(isAlive(leftover)).toBe(false);
    expect(await countMembers(second.gatewayUrl, cell.id)).toBe(demoCount + 1);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  });
});
