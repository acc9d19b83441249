// Imported by path: Vite bundles config files and would leave a workspace package's .ts unloadable.
import { nodeProject } from '../testing/src/vitest-project.ts';

export default nodeProject(import.meta.url);
