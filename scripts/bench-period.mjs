#!/usr/bin/env node
// Measures @ringside/period: evaluations per second of compiled matchers (simple and complex
// expressions; runtime zone, UTC and an IANA zone) and parse throughput. Prints a table and
// writes it into docs/performance.md under "## Period evaluation" (other sections are kept).
//
//   node scripts/bench-period.mjs            # about 1 s per case
//   node scripts/bench-period.mjs --quick    # about 0.2 s per case, for a smoke run
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'docs', 'performance.md');
const HEADING = '## Period evaluation';
const CASE_MS = process.argv.includes('--quick') ? 200 : 1000;

const SIMPLE = 'wd {mo-fr} hr {9-16}';
const COMPLEX = [
  'mo {nov-feb} md {1-15} wd {mo-fr} hr {20-7}',
  'mo {mar-oct} wd {sa su} hr {9-11 13-16} min {0-29 45-59}',
  'mo {dec} md {24-26 31} hr {8} min {30-59}',
  'wk {2 4} wd {fr} hr {22-2}',
].join(', ');

async function loadPeriod() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-period-'));
  const outfile = join(dir, 'period.mjs');
  try {
    await esbuild.build({
      entryPoints: [join(ROOT, 'packages/period/src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      outfile,
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Distinct instants a few minutes apart over a year, so no per-second cache helps. */
function instants() {
  const start = Date.UTC(2025, 0, 1);
  return Float64Array.from({ length: 4096 }, (_, index) => start + index * 7_717_000);
}

/** Calls `run(i)` in batches until CASE_MS has passed; returns calls per second. */
function measure(run) {
  for (let index = 0; index < 20_000; index++) run(index);
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < CASE_MS) {
    for (let index = 0; index < 10_000; index++) run(calls + index);
    calls += 10_000;
    elapsed = performance.now() - started;
  }
  return (calls / elapsed) * 1000;
}

function formatRate(perSecond) {
  return Math.round(perSecond).toLocaleString('en-US');
}

const period = await loadPeriod();
const times = instants();
const mask = times.length - 1;
let sink = 0;

const rows = [];
for (const [name, text] of [
  ['simple', SIMPLE],
  ['complex', COMPLEX],
]) {
  const matcher = period.compile(text);
  const zones = [
    ['runtime zone', undefined],
    ['UTC', 'UTC'],
    ['America/New_York', 'America/New_York'],
  ];
  for (const [label, zone] of zones) {
    const rate = measure((index) => {
      if (matcher(times[index & mask], zone)) sink++;
    });
    rows.push([`compile(${name})(at, ${zone === undefined ? '' : `'${zone}'`})`.replace(', )', ')'), label, rate]);
  }
}
rows.push([
  'matches(simple text, at) (cached compile)',
  'runtime zone',
  measure((index) => {
    if (period.matches(SIMPLE, times[index & mask])) sink++;
  }),
]);
for (const [name, text] of [
  ['simple', SIMPLE],
  ['complex', COMPLEX],
]) {
  rows.push([
    `parse(${name})`,
    '—',
    measure(() => {
      if (period.parse(text).ok) sink++;
    }),
  ]);
}
if (sink < 0) console.log(sink);

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const table = [
  '| operation | zone | per second |',
  '|---|---|---:|',
  ...rows.map(([operation, zone, rate]) => `| \`${operation}\` | ${zone} | ${formatRate(rate)} |`),
].join('\n');

const section = `${HEADING}

Measured by \`node scripts/bench-period.mjs\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${cpu} (${cpus().length} logical CPUs), runtime zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}.
Each matcher is called with 4,096 distinct instants in turn.

- simple: \`${SIMPLE}\`
- complex: \`${COMPLEX}\`

${table}

Without a zone the local time comes from \`Date\` getters and \`'UTC'\` from the UTC getters;
any other zone goes through a cached \`Intl.DateTimeFormat\` and \`formatToParts\`, which
dominates the cost. Calls with the same instant (to the second) and zone reuse the last result.
`;

console.log(`${HEADING}\n\n${table}\n`);

const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Performance\n';
const start = existing.indexOf(`${HEADING}\n`);
let updated;
if (start < 0) {
  updated = `${existing.trimEnd()}\n\n${section}`;
} else {
  const next = existing.indexOf('\n## ', start + HEADING.length);
  updated = existing.slice(0, start) + section + (next < 0 ? '' : `\n${existing.slice(next + 1)}`);
}
writeFileSync(REPORT, updated.endsWith('\n') ? updated : `${updated}\n`);
console.log(`Wrote ${REPORT.slice(ROOT.length + 1)}`);
