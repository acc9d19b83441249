import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@dangvien/ui', include: ['src/**/*.test.ts'], environment: 'node' },
});
