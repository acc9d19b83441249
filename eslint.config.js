import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.test-results/**', '**/.__mf__temp/**', 'gateway/supergraph.graphql', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']", message: 'No .only in tests.' },
      ],
    },
  },
  {
    // Type-aware rules: promises must be awaited or explicitly voided.
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/vite.config.ts', '**/vitest.config.ts', 'vitest.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    // Migrations are frozen in time and typed Kysely<any> on purpose (they must not import app types).
    files: ['services/*/src/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['frontends/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // One data layer, one form approach, one table: modules take them from the kit, which is a
    // Module Federation singleton, so the shell and every module share one cache and one copy.
    files: ['frontends/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tanstack/*', 'react-hook-form', '@hookform/*'], message: 'Use the data layer, forms and tables of @dangvien/ui.' },
            { group: ['react-router', 'react-router/*'], message: 'Import routing from @dangvien/ui: one router for the shell and every module.' },
          ],
        },
      ],
    },
  },
);
