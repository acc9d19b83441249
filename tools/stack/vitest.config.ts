import { nodeProject } from '@dangvien/testing/vitest';

// These tests start and kill whole processes; on a loaded 2-core machine that takes a while.
export default nodeProject(import.meta.url, { testTimeout: 120_000 });
