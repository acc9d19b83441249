import { defineProject } from 'vitest/config';

// Unit tests of pure modules only; the explorer's behaviour is covered by e2e/ against the gateway.
export default defineProject({
  test: { name: '@dangvien/frontend-explorer', include: ['src/**/*.test.ts'], environment: 'node' },
});
