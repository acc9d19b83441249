import { defineConfig } from 'vitest/config';

// Every workspace package with tests has its own vitest.config.ts; this runs them all.
export default defineConfig({
  test: {
    projects: ['{packages,services,frontends,tools,examples}/*/vitest.config.ts', '{gateway,e2e,bench,deploy}/vitest.config.ts'],
  },
});
