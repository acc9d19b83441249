import { nodeProject } from '@dangvien/testing/vitest';

// The whole system in a real browser: slow to start, so one file shares one stack; the production
// build is made once for all files (build-once.ts).
export default nodeProject(import.meta.url, { testTimeout: 60_000, hookTimeout: 300_000, globalSetup: ['./src/build-once.ts'] });
