import { nodeProject } from '@dangvien/testing/vitest';

// The whole system in a real browser: slow to start, so one file shares one stack.
export default nodeProject(import.meta.url, { testTimeout: 60_000, hookTimeout: 300_000 });
