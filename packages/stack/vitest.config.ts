// Imported by path: Vite bundles config files and would leave a workspace package's .ts unloadable.
import { nodeProject } from '../testing/src/vitest-project.ts';

// These tests start and kill whole processes; on a loaded 2-core machine that takes a while.
export default nodeProject(import.meta.url, { testTimeout: 120_000 });
