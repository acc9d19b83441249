import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import { renderSoak, runSoak } from './soak.ts';
import { startBenchSystem } from './system.ts';

/** `pnpm bench -- --soak [--soak-seconds 600] [--rate 40]`: writes bench/results/latest-soak.md and a JSON beside it. */
export async function runSoakBench(options: { serverUrl: string; seconds: number; rate?: number; log: (line: string) => void }): Promise<void> {
  const startedAt = new Date().toISOString();
  const system = await startBenchSystem({ serverUrl: options.serverUrl, prefix: 'bench_soak_', log: (line) => (/error|Error|failed/.test(line) ? options.log(line) : undefined) });
  try {
    const result = await runSoak(system, { seconds: options.seconds, rate: options.rate, sampleSeconds: options.seconds >= 300 ? 30 : 10, log: options.log });
    const markdown = renderSoak(result, startedAt);
    const dir = path.join(workspaceRoot(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `soak-${startedAt.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(dir, 'latest-soak.md'), markdown);
    console.log(markdown);
    if (result.load.errors > 0) process.exitCode = 1;
  } finally {
    await system.stop();
  }
}
