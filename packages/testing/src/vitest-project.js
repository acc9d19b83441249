// Plain JavaScript (typed by vitest-project.d.ts): vitest loads config files through Node, which cannot
// load a workspace package's TypeScript, so every package reaches this by name, not by path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url));

/**
 * The vitest project of one workspace package, named after it: `*.test.ts` are unit tests,
 * `*.int.test.ts` need the database server the global setup provides. Both run here.
 * @param {string} configUrl
 * @param {import('vitest/config').UserWorkspaceConfig['test']} [overrides]
 * @returns {import('vitest/config').UserWorkspaceConfig}
 */
export function nodeProject(configUrl, overrides = {}) {
  const { globalSetup: ownSetup = [], ...rest } = overrides;
  const packageJson = JSON.parse(readFileSync(new URL('./package.json', configUrl), 'utf8'));
  return defineProject({
    test: {
      name: packageJson.name,
      root: fileURLToPath(new URL('.', configUrl)),
      include: ['src/**/*.test.ts'],
      environment: 'node',
      // A package's own global setup runs after the shared one (the database server).
      globalSetup: [globalSetup, ...[ownSetup].flat()],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...rest,
    },
  });
}
