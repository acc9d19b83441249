import { nodeProject } from '@dangvien/testing/vitest';

export default nodeProject(import.meta.url, { testTimeout: 120_000 });
