// Vitest global setup of the browser tests: the front ends are built once for the whole run (each
// test file then starts its own back end and serves this same production build).
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import { buildFrontends } from '@dangvien/stack';

export default async function buildOnce(): Promise<void> {
  // While iterating on one module: build it yourself (pnpm --filter <module> build) and skip this.
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const logDir = path.join(workspaceRoot(), '.test-results');
  mkdirSync(logDir, { recursive: true });
  await buildFrontends((line) => appendFileSync(path.join(logDir, 'e2e-build.log'), `${line}\n`));
}
