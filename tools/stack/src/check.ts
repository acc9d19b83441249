import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';

/**
 * `pnpm check` (and `npm test`, and CI): type check every package, lint, check the committed
 * supergraph and generated types are fresh and the import structure holds, run every vitest project (unit, integration, browser), then print one line:
 * `N passed, N failed` — each test case counts, and each of the other steps counts as one.
 */
const root = workspaceRoot();
// A package's own folder: root dev dependencies are linked under node_modules/ (some, like
// dependency-cruiser, do not export their package.json to require.resolve).
const bin = (pkg: string, file: string): string => path.join(root, 'node_modules', pkg, file);
const resultsDir = path.join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, args: string[], cwd = root): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

const packageDirs = ['packages', 'services', 'frontends', 'tools', 'examples']
  .flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(group, name)))
  .concat(['gateway', 'e2e', 'deploy'])
  .filter((dir) => existsSync(path.join(root, dir, 'tsconfig.json')));
for (const dir of packageDirs) step(`typecheck ${dir}`, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', dir]);
// Type-aware lint of the whole workspace holds every package's program at once: past Node's default 4 GB heap.
step('lint', ['--max-old-space-size=8192', bin('eslint', 'bin/eslint.js'), '.']);
step('supergraph is fresh', ['--import', 'tsx', 'gateway/src/compose.ts', '--check']);
step('generated types are fresh', ['--import', 'tsx', 'tools/stack/src/codegen/codegen.ts', '--check']);
step('no hand-written copy of a GraphQL type', ['--import', 'tsx', 'tools/stack/src/codegen/codegen.ts', '--restatements']);
step('import structure (no cycles, no service imports another or the demo data, no relative import across packages)', [
  bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
  '--config',
  '.dependency-cruiser.cjs',
  'packages',
  'services',
  'frontends',
  'tools',
  'examples',
  'gateway',
  'bench',
  'e2e',
  'deploy',
]);

const report = path.join(resultsDir, 'vitest.json');
rmSync(report, { force: true });
console.log('\n▶ vitest (all projects)');
spawnSync(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { name: string; status: string; message: string; assertionResults: { status: string }[] }[];
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that fails outside its test cases (it does not load, or its beforeAll throws and its
  // cases are skipped) has no failed case: count the file, or a broken suite would vanish.
  for (const file of results.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
      failed += 1;
      failures.push(`suite ${path.relative(root, file.name)}: ${file.message.split('\n')[0]}`);
    }
  }
} else {
  failed += 1;
  failures.push('vitest produced no report');
}

if (failures.length > 0) console.log(`\nFailed:\n- ${failures.join('\n- ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
