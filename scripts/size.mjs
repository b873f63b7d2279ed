#!/usr/bin/env node
// `npm run size`: what Ringside costs a page, and whether it stays within budget.
//
// For each entry point of @ringside/widgets, the entry bundled with everything it needs (Lit,
// @lit/context, i18next, @ringside/core) and minified, the way a host's bundler would bundle the
// npm build; chart.js, which the balance card loads only when its chart opens, is counted apart as
// the lazy chunk. Then the bundled ringside.js for <script type="module"> pages, as Vite builds it
// for the demo server (packages/server/bundle/build.mjs).
//
// Prints the table, writes docs/size-report.md and docs/size-report.json (only when a size
// changed, so the committed report moves with the code, not with the calendar), and exits 1 when
// an entry is over its budget.
//
//   npm run size                 build what is needed, measure, report, check budgets
//   npm run size -- --no-build   measure the dist/ that is there (CI after `npm run build`)
//   npm run size -- --no-write   do not touch docs/
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { buildPackages } from './build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_MD = join(ROOT, 'docs', 'size-report.md');
const REPORT_JSON = join(ROOT, 'docs', 'size-report.json');
const WIDGETS_DIR = join(ROOT, 'packages', 'widgets');

/**
 * Budgets, in bytes of gzip (kB = 1000 bytes), of what a page loads up front (lazy chunks such as
 * chart.js are not counted). The one place to change them.
 */
const BUDGETS = {
  '@ringside/widgets/rs-balance-card': 30_000,
  // Lit, @lit/context and i18next (22.7 kB) plus the wizard, @ringside/period and their strings.
  '@ringside/widgets/rs-period-wizard': 45_000,
  // Lit, @lit/context and i18next plus the table, its data provider, form and strings (Vaadin's grid alone is about 59 kB).
  '@ringside/widgets/rs-extension-table': 40_000,
  // Measured 40.7 kB: the shared base (22.7 kB) plus list, form, conversation and English strings.
  '@ringside/widgets/rs-ticket-list': 44_000,
  // Measured 41.9 kB: the shared base (22.7 kB) plus list, editor (members, picker, included groups,
  // conflict view) and English strings; German and Arabic are lazy (8.0 kB).
  '@ringside/widgets/rs-huntgroup-editor': 45_000,
  // Measured 35.9 kB: the shared base plus form, amount and card/bank checks, idempotent attempts and
  // English strings (German and Arabic lazy, 7.3 kB). The demo tokenizer is a separate import (4.3 kB).
  '@ringside/widgets/rs-payment-form': 38_000,
  // Measured 34.3 kB: the shared base plus stored methods, auto-pay and English strings.
  '@ringside/widgets/rs-payment-methods': 37_000,
};

const KB = 1000;
const formatKb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;

function compress(code) {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length,
  };
}

const sum = (sizes) => sizes.reduce((total, size) => ({ min: total.min + size.min, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }), { min: 0, gzip: 0, brotli: 0 });

/**
 * Splits a build's chunks into what loads with an entry (the entry and its static imports, in
 * turn) and what it may load later (its dynamic imports and their static imports, less what is
 * already loaded). `chunks` maps a file to `{ staticImports, dynamicImports }`.
 */
function splitInitialAndLazy(entryFile, chunks) {
  const closure = (starts, seen = new Set()) => {
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of chunks.get(file)?.staticImports ?? []) visit(imported);
    };
    starts.forEach(visit);
    return seen;
  };
  const initial = closure([entryFile]);
  const lazy = new Set();
  let frontier = [...initial];
  while (frontier.length) {
    const dynamic = frontier.flatMap((file) => chunks.get(file)?.dynamicImports ?? []).filter((file) => !initial.has(file) && !lazy.has(file));
    const reached = [...closure(dynamic)].filter((file) => !initial.has(file) && !lazy.has(file));
    reached.forEach((file) => lazy.add(file));
    frontier = reached;
  }
  return { initial: [...initial], lazy: [...lazy] };
}

/** Which package (or workspace package) a bundled input file belongs to. */
function packageOf(input) {
  const path = input.replace(/\\/g, '/');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const workspace = path.match(/packages\/([^/]+)\//);
  return workspace ? `@ringside/${workspace[1]}` : path;
}

/** One widgets entry, bundled like a host's bundler would bundle the npm build. */
async function measureWidgetEntry(specifier) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: { contents: `export * from '${specifier}';\nimport '${specifier}';`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The npm build (dist, `default`), and Lit's production build (never `development`).
    conditions: ['production', 'module'],
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: join(ROOT, 'tmp', 'size'),
    metafile: true,
    logLevel: 'error',
  });
  const code = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file.text]));
  const chunks = new Map(
    Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, output]) => [
        file,
        {
          output,
          staticImports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
          dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
        },
      ]),
  );
  const entryFile = [...chunks.keys()].find((file) => chunks.get(file).output.entryPoint === '<stdin>');
  const { initial, lazy } = splitInitialAndLazy(entryFile, chunks);
  const byPackage = {};
  for (const file of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(chunks.get(file).output.inputs)) {
      const name = packageOf(input);
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
    }
  }
  const lazyPackages = new Set(lazy.flatMap((file) => Object.keys(chunks.get(file).output.inputs).map(packageOf)));
  return {
    initial: sum(initial.map((file) => compress(code.get(file)))),
    lazy: lazy.length ? sum(lazy.map((file) => compress(code.get(file)))) : null,
    lazyContents: [...lazyPackages].sort(),
    byPackage: Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1])),
  };
}

/**
 * ringside.js, built as served (in memory; public/ is not touched). On its own, without the
 * OpenAPI client entry: what a provider's page loads is ringside.js and the chunks it imports.
 */
async function measureBundle() {
  const { bundleConfig, ENTRIES } = await import(pathToFileURL(join(ROOT, 'packages', 'server', 'bundle', 'build.mjs')).href);
  const { build } = await import('vite');
  const config = bundleConfig({ sourcemap: false, entries: { ringside: ENTRIES.ringside } });
  config.build.write = false;
  const outputs = await build(config);
  const output = (Array.isArray(outputs) ? outputs[0] : outputs).output.filter((item) => item.type === 'chunk');
  const chunks = new Map(output.map((chunk) => [chunk.fileName, { code: chunk.code, staticImports: chunk.imports, dynamicImports: chunk.dynamicImports }]));
  const measure = (entryFile) => {
    const { initial, lazy } = splitInitialAndLazy(entryFile, chunks);
    return {
      initial: sum(initial.map((file) => compress(chunks.get(file).code))),
      lazy: lazy.length ? sum(lazy.map((file) => compress(chunks.get(file).code))) : null,
    };
  };
  return measure('ringside.js');
}

function widgetEntries() {
  const pkg = JSON.parse(readFileSync(join(WIDGETS_DIR, 'package.json'), 'utf8'));
  return Object.keys(pkg.exports)
    .filter((subpath) => !subpath.includes('*') && !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
}

function renderMarkdown(report) {
  const lines = [
    '# Bundle size report',
    '',
    `Written by \`npm run size\` (scripts/size.mjs) on ${report.date}; the report changes only when a size does.`,
    'Sizes in kB of 1000 bytes, minified; gzip level 9 and brotli quality 11. "Up front" is the entry',
    'and the chunks it imports statically; "lazy" is what loads later (chart.js, when a chart opens).',
    '',
    '| entry | what | up front min | up front gzip | up front brotli | lazy gzip |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const row of report.entries) {
    lines.push(
      `| \`${row.entry}\` | ${row.what} | ${formatKb(row.initial.min)} | **${formatKb(row.initial.gzip)}** | ${formatKb(row.initial.brotli)} | ${row.lazy ? formatKb(row.lazy.gzip) : '–'} |`,
    );
  }
  lines.push('', '## Budgets', '');
  for (const budget of report.budgets) {
    const verdict = budget.ok ? `within budget (${formatKb(budget.limit - budget.actual)} to spare)` : `**over budget by ${formatKb(budget.actual - budget.limit)}**`;
    lines.push(`- \`${budget.entry}\` up front, chart.js excluded: ${formatKb(budget.actual)} gzip of ${formatKb(budget.limit)}: ${verdict}.`);
  }
  const card = report.entries.find((row) => row.entry === '@ringside/widgets/rs-balance-card');
  if (card?.byPackage) {
    lines.push('', `## What \`${card.entry}\` carries up front`, '', 'Minified bytes per package, before compression.', '', '| package | min |', '|---|---:|');
    for (const [name, bytes] of Object.entries(card.byPackage)) if (bytes >= 50) lines.push(`| ${name} | ${formatKb(bytes)} |`);
    if (card.lazyContents?.length) lines.push('', `Lazy chunk: ${card.lazyContents.join(', ')} (${formatKb(card.lazy.gzip)} gzip).`);
  }
  return `${lines.join('\n')}\n`;
}

function printTable(report) {
  const rows = report.entries.map((row) => [row.entry, formatKb(row.initial.min), formatKb(row.initial.gzip), formatKb(row.initial.brotli), row.lazy ? formatKb(row.lazy.gzip) : '-']);
  const header = ['entry (up front)', 'min', 'gzip', 'brotli', 'lazy gzip'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const budget of report.budgets) {
    console.log(`${budget.ok ? 'ok  ' : 'OVER'}  ${budget.entry}: ${formatKb(budget.actual)} gzip, budget ${formatKb(budget.limit)}`);
  }
}

/** Sizes without the date, to tell whether anything changed since the committed report. */
const comparable = (report) => JSON.stringify({ ...report, date: undefined });

async function main(args) {
  if (!args.includes('--no-build')) buildPackages(['@ringside/widgets'], { withDependencies: true });
  for (const needed of ['core', 'widgets']) {
    if (!existsSync(join(ROOT, 'packages', needed, 'dist', 'index.js'))) throw new Error(`packages/${needed}/dist is missing: run npm run build first.`);
  }
  const entries = [];
  for (const specifier of widgetEntries()) {
    const measured = await measureWidgetEntry(specifier);
    const what = specifier.endsWith('/define')
      ? 'registers every widget'
      : specifier.includes('/rs-')
        ? `registers \`<${specifier.split('/').pop()}>\``
        : 'all classes and provideRingside(), registers nothing';
    entries.push({ entry: specifier, what, ...measured });
  }
  entries.push({ entry: 'ringside.js', what: 'bundled for `<script type="module">`, every widget registered', ...(await measureBundle()) });

  const budgets = Object.entries(BUDGETS).map(([entry, limit]) => {
    const row = entries.find((candidate) => candidate.entry === entry);
    if (!row) throw new Error(`A budget names ${entry}, which was not measured.`);
    return { entry, limit, actual: row.initial.gzip, ok: row.initial.gzip <= limit };
  });
  const report = { date: new Date().toISOString().slice(0, 10), entries, budgets };
  printTable(report);

  if (!args.includes('--no-write')) {
    const previous = existsSync(REPORT_JSON) ? JSON.parse(readFileSync(REPORT_JSON, 'utf8')) : null;
    if (previous && comparable(previous) === comparable(report)) {
      console.log(`\nSizes unchanged since ${previous.date}; ${relative(ROOT, REPORT_MD)} left as it is.`);
    } else {
      mkdirSync(dirname(REPORT_MD), { recursive: true });
      writeFileSync(REPORT_JSON, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(REPORT_MD, renderMarkdown(report));
      console.log(`\nWrote ${relative(ROOT, REPORT_MD)} and ${relative(ROOT, REPORT_JSON)}.`);
    }
  }
  const over = budgets.filter((budget) => !budget.ok);
  if (over.length) {
    console.error(`\n${over.length} entr${over.length === 1 ? 'y is' : 'ies are'} over budget (see BUDGETS in scripts/size.mjs).`);
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
