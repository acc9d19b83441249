// Imported by path: Vite bundles config files and would leave a workspace package's .ts unloadable.
import { nodeProject } from '../packages/testing/src/vitest-project.ts';

// The whole system in a real browser: slow to start, so one file shares one stack.
export default nodeProject(import.meta.url, { testTimeout: 60_000, hookTimeout: 300_000 });
