/**
 * The import structure, checked in CI (`npm test` runs `depcruise`; see docs/architecture.md):
 * no cycles, services independent of each other and of the demo data, no reaching into another
 * package's files by relative path. Generated files and tests follow the same rules.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A module must not depend on itself through others, types included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'services-independent',
      severity: 'error',
      comment: 'A subgraph talks to another only through the gateway and events, never by import.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'services-without-demo-data',
      severity: 'error',
      comment: 'The demo data set is written by the stack and the test harness, not by a service.',
      from: { path: '^services/' },
      to: { path: '^packages/demo-data/' },
    },
    {
      name: 'no-relative-import-across-packages',
      severity: 'error',
      comment: "Another package is reached by its name and `exports`, never by '../' into its files.",
      from: { path: '^(packages|services|frontends|tools|examples)/([^/]+)/' },
      to: { dependencyTypes: ['local'], pathNot: ['^$1/$2/', 'node_modules'] },
    },
    {
      name: 'gateway-bench-e2e-no-relative-import-out',
      severity: 'error',
      comment: "Another package is reached by its name and `exports`, never by '../' into its files.",
      from: { path: '^(gateway|bench|e2e)/' },
      to: { dependencyTypes: ['local'], pathNot: ['^$1/', 'node_modules'] },
    },
    {
      name: 'provincial-example-uses-only-published-packages',
      severity: 'error',
      comment: 'The provincial example is a template another team copies: outside its tests it may use only what a province installs from the registry.',
      from: { path: '^examples/', pathNot: '(\\.test\\.ts|vitest\\.config\\.ts)$' },
      to: { path: '^(packages|services|frontends|tools|gateway)/', pathNot: '^packages/internal-token-verifier/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data|\\.test-results|\\.__mf__temp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.d.ts'] },
    skipAnalysisNotInRules: true,
  },
};
