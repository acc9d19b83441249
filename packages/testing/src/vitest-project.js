import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url));

/**
 * The vitest project of one workspace package, named after it: `*.test.ts` are unit tests,
 * `*.int.test.ts` need the database server the global setup provides. Both run here.
 */
export function nodeProject(configUrl: string, overrides: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  const packageJson = JSON.parse(readFileSync(new URL('./package.json', configUrl), 'utf8')) as { name: string };
  return defineProject({
    test: {
      name: packageJson.name,
      root: fileURLToPath(new URL('.', configUrl)),
      include: ['src/**/*.test.ts'],
      environment: 'node',
      globalSetup: [globalSetup],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
