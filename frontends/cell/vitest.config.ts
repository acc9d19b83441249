import { defineProject } from 'vitest/config';

// Unit tests of pure modules only; browser behaviour is covered by e2e/ against preview builds.
export default defineProject({
  test: { name: '@dangvien/frontend-cell', include: ['src/**/*.test.ts', '*.test.ts'], environment: 'node' },
});
