import { runLoad, type LoadResult } from '../load.ts';
import type { BenchSystem, MemorySample } from './system.ts';

/**
 * The peak the soak doubles: a province the size of Nghệ An (DOMAIN.md: 193,584 members in 7,893
 * cells, about 500 grassroots committees) on its busiest evening, the monthly meeting day (many cells
 * meet on the 3rd). Half the cell secretaries record their meeting within the same two hours, about
 * 30 requests each (home, members, meeting, attendance, checks): 4,000 × 30 / 7,200 s ≈ 17 req/s;
 * the committees' clerks, 60 requests each in that window: 500 × 60 / 7,200 s ≈ 4 req/s. About
 * 20 requests per second; the soak runs the clerk mix at twice that.
 */
export const EXPECTED_PEAK_PER_SECOND = 20;
export const SOAK_RATE = 2 * EXPECTED_PEAK_PER_SECOND;

export interface ProcessMemory {
  process: string;
  /** After warm-up, after a full collection. */
  heapStart: number;
  heapEnd: number;
  heapMax: number;
  rssStart: number;
  rssEnd: number;
  rssMax: number;
}

export interface SoakResult {
  seconds: number;
  rate: number;
  load: LoadResult;
  samples: MemorySample[];
  memory: ProcessMemory[];
}

/**
 * A warm-up (every cache a process keeps for good filled: query plans, connection pools, JIT), then
 * the clerk mix at `rate` for `seconds`, each process's memory sampled every `sampleSeconds`.
 */
export async function runSoak(system: BenchSystem, options: { seconds: number; rate?: number; sampleSeconds?: number; warmUpSeconds?: number; log?: (line: string) => void }): Promise<SoakResult> {
  const rate = options.rate ?? SOAK_RATE;
  const log = options.log ?? (() => undefined);
  // autocannon's clients each wait for their answer: one per request a second keeps the rate offered
  // even when answers take a second.
  const connections = Math.max(8, rate);
  const warmUp = options.warmUpSeconds ?? 10;
  log(`soak: warm-up ${warmUp} s at ${rate} req/s…`);
  await runLoad('gateway', system.gatewayUrl, system.workload.mixCall, { connections, seconds: warmUp, rate });
  const samples: MemorySample[] = [];
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  samples.push(...(await system.memory(0)));
  let sampling = true;
  const sampler = (async () => {
    const every = (options.sampleSeconds ?? 10) * 1000;
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, every));
      if (!sampling) break;
      samples.push(...(await system.memory(elapsed())));
      const last = samples.slice(-system.processes.length);
      log(`soak ${elapsed()} s: ${last.map((sample) => `${sample.process} heap ${mb(sample.heapUsed)} rss ${mb(sample.rss)}`).join(', ')}`);
    }
  })();
  log(`soak: ${options.seconds} s at ${rate} req/s…`);
  const load = await runLoad('gateway', system.gatewayUrl, system.workload.mixCall, { connections, seconds: options.seconds, rate });
  sampling = false;
  await sampler;
  samples.push(...(await system.memory(elapsed())));
  const memory = system.processes.map((child): ProcessMemory => {
    const own = samples.filter((sample) => sample.process === child.name);
    return {
      process: child.name,
      heapStart: own[0]!.heapUsed,
      heapEnd: own.at(-1)!.heapUsed,
      heapMax: Math.max(...own.map((sample) => sample.heapUsed)),
      rssStart: own[0]!.rss,
      rssEnd: own.at(-1)!.rss,
      rssMax: Math.max(...own.map((sample) => sample.rss)),
    };
  });
  return { seconds: options.seconds, rate, load, samples, memory };
}

export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The soak's report: the load's numbers and, per process, memory at the start, the end and the most. */
export function renderSoak(result: SoakResult, startedAt: string): string {
  const lines = [
    `## Soak: ${result.seconds} s of the clerk mix at ${result.rate} req/s (twice the assumed peak of ${EXPECTED_PEAK_PER_SECOND} req/s), ${startedAt}`,
    '',
    `requests ${result.load.requests}, errors ${result.load.errors}, throughput ${result.load.throughput.toFixed(1)} req/s, p50 ${result.load.latency.p50.toFixed(1)} ms, p95 ${result.load.latency.p95.toFixed(1)} ms, p99 ${result.load.latency.p99.toFixed(1)} ms`,
    '',
    '| process | heap after GC: start | end | max | growth | RSS: start | end | max |',
    '|---|---|---|---|---|---|---|---|',
    ...result.memory.map((row) => `| ${row.process} | ${mb(row.heapStart)} | ${mb(row.heapEnd)} | ${mb(row.heapMax)} | ${mb(row.heapEnd - row.heapStart)} | ${mb(row.rssStart)} | ${mb(row.rssEnd)} | ${mb(row.rssMax)} |`),
    '',
    'Samples (heap after GC, MB) every few seconds:',
    '',
    `| s | ${result.memory.map((row) => row.process).join(' | ')} |`,
    `|---|${result.memory.map(() => '---').join('|')}|`,
    ...[...new Set(result.samples.map((sample) => sample.at))].map(
      (at) => `| ${at} | ${result.memory.map((row) => (result.samples.find((sample) => sample.at === at && sample.process === row.process)?.heapUsed ?? 0) / 2 ** 20).map((value) => value.toFixed(1)).join(' | ')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
