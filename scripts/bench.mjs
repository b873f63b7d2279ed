#!/usr/bin/env node
// Runs the benchmarks; each writes its own section of docs/performance.md and prints its table.
//
//   npm run bench                        # period evaluation (Node), then the widgets (Chromium)
//   npm run bench -- --only widgets      # one of them: period | widgets
//
// Other arguments go to each benchmark: --quick (period), --iterations <n> (widgets).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARKS = { period: 'scripts/bench-period.mjs', widgets: 'bench/widgets.mjs' };

const args = process.argv.slice(2);
const only = args.indexOf('--only');
const names = only < 0 ? Object.keys(BENCHMARKS) : [args.splice(only, 2)[1]];
if (!names.every((name) => Object.hasOwn(BENCHMARKS, name ?? ''))) {
  console.error(`--only takes one of: ${Object.keys(BENCHMARKS).join(', ')}.`);
  process.exit(2);
}

for (const name of names) {
  console.log(`\n> ${BENCHMARKS[name]}\n`);
  const { status, signal } = spawnSync(process.execPath, [BENCHMARKS[name], ...args], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${BENCHMARKS[name]} failed (${signal ?? `exit code ${status}`}).`);
    process.exit(status || 1);
  }
}
