import { defineProject } from 'vitest/config';

// Unit tests of the harness's arithmetic only: benchmarks themselves are never timed assertions.
export default defineProject({
  test: { name: '@dangvien/bench', include: ['src/**/*.test.ts'], environment: 'node' },
});
