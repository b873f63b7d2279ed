// The whole test suite, as `npm test` and CI run it: type check, Node unit tests, browser tests
// in Chromium, and story tests. Ends with one "N passed, N failed" line; fails when any test
// fails, any step breaks, or no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChrome } from './browser.mjs';

const resultsDir = mkdtempSync(join(tmpdir(), 'ringside-test-'));
const chrome = ensureChrome();
const env = { ...process.env, CHROME_PATH: chrome, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) problems.push(`${label} exited with ${result.status ?? result.signal}`);
  console.log(`◀ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
  return result.status === 0;
}

function addVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function addWtr(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.passed;
  totals.failed += report.failed;
  totals.skipped += report.skipped;
  if (report.erroredFiles) problems.push(`${report.erroredFiles} browser test file(s) could not run`);
}

const bin = (name) => join('node_modules', '.bin', name);

run('Type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

const nodeResults = join(resultsDir, 'node.json');
run('Node unit tests (vitest)', bin('vitest'), ['run', '--project', 'node', '--reporter=default', '--reporter=json', `--outputFile.json=${nodeResults}`]);
addVitest(nodeResults);

const browserResults = join(resultsDir, 'browser.json');
run('Browser tests in Chromium (web-test-runner)', bin('web-test-runner'), [], { RS_RESULTS_FILE: browserResults });
addWtr(browserResults);

if (existsSync('.storybook')) {
  const storyResults = join(resultsDir, 'stories.json');
  run('Story tests in Chromium (Storybook + vitest)', bin('vitest'), ['run', '--project', 'storybook', '--reporter=default', '--reporter=json', `--outputFile.json=${storyResults}`]);
  addVitest(storyResults);
}

// End to end, as users meet the product: built bundles, strict CSP, the reference server. Each
// packages/*/test/*.e2e.mjs file is a program that prints "N checks passed" and exits 0 or 1.
const e2eFiles = readdirSync('packages').flatMap((name) => {
  const dir = join('packages', name, 'test');
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.e2e.mjs')).map((file) => join(dir, file)) : [];
});
for (const file of e2eFiles.sort()) {
  console.log(`\n▶ End to end in Chromium: ${file}`);
  const started = Date.now();
  const e2e = spawnSync(process.execPath, [file], { env, encoding: 'utf8' });
  process.stdout.write(e2e.stdout);
  process.stderr.write(e2e.stderr);
  totals.passed += Number(/(\d+) checks passed/.exec(e2e.stdout)?.[1] ?? 0);
  const skipped = Number(/(\d+) checks skipped/.exec(e2e.stdout)?.[1] ?? 0);
  totals.skipped += skipped;
  if (e2e.status !== 0) {
    totals.failed += 1;
    problems.push(`${file} failed`);
  }
  console.log(`◀ ${file}: ${e2e.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

rmSync(resultsDir, { recursive: true, force: true });

const ran = totals.passed + totals.failed;
if (ran === 0) problems.push('no test ran');
console.log('');
for (const problem of problems) console.log(`✗ ${problem}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(problems.length || totals.failed ? 1 : 0);
