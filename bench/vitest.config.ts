import { nodeProject } from '@dangvien/testing/vitest';

// Unit tests of the harness's arithmetic, and the soak's 60-second version (src/resilience): whole
// processes under the clerk mix. Benchmarks themselves are never timed assertions.
export default nodeProject(import.meta.url, { testTimeout: 180_000, hookTimeout: 180_000 });
