import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import { testServerUrl } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mb, runSoak, SOAK_RATE, type SoakResult } from './soak.ts';
import { startBenchSystem, type BenchSystem } from './system.ts';

/**
 * The soak's CI version: 60 s of the clerk mix at twice the assumed peak (soak.ts), through the three
 * subgraphs and the gateway as processes. No request may fail, and no process may keep more memory
 * at the end than after warm-up, beyond MAX_HEAP_GROWTH.
 *
 * Why 24 MB: after the warm-up every cache a process keeps for good is full (the mix has four
 * operations, so four query plans; connection pools at their size), and the samples are taken after a
 * full collection, so a process that forgets each request ends where it started, give or take what
 * V8 keeps of compiled code (a few MB, measured below 5 MB). A process that kept something of every
 * request (its answer, a roster of 8 members is about 2 KB, or its context with DataLoaders, more)
 * would keep over 2,400 × 10 KB ≈ 24 MB after these 60 s: that is what the bound catches, without
 * failing on collection noise.
 */
const SECONDS = 60;
const MAX_HEAP_GROWTH = 24 * 2 ** 20;

let system: BenchSystem;
let result: SoakResult;
const logFile = path.join(workspaceRoot(), '.test-results', 'soak.log');

beforeAll(async () => {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = (line: string) => appendFileSync(logFile, `${line}\n`);
  system = await startBenchSystem({ serverUrl: testServerUrl(), prefix: `soak_${randomUUID().slice(0, 8)}_`, log });
  result = await runSoak(system, { seconds: SECONDS, sampleSeconds: 10, log });
  log(JSON.stringify({ load: result.load, memory: result.memory }));
});
afterAll(async () => system?.stop());

describe(`soak: ${SECONDS} s of the clerk mix at ${SOAK_RATE} req/s`, () => {
  it('answers every request without an error', () => {
    // How many were sent depends on how busy the machine is (autocannon waits for each answer): not asserted.
    expect(result.load.requests).toBeGreaterThan(0);
    expect(result.load.errors).toBe(0);
  });

  it('keeps each process’s memory flat', () => {
    for (const row of result.memory) {
      expect(row.heapEnd - row.heapStart, `${row.process}: ${mb(row.heapStart)} → ${mb(row.heapEnd)}`).toBeLessThan(MAX_HEAP_GROWTH);
    }
  });
});
