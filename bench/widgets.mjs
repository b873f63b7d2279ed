#!/usr/bin/env node
// Times the widgets in headless Chromium: bundles bench/widgets.bench.ts (production Lit, minified),
// serves it on 127.0.0.1, calls window.runBenchmarks() in the page, prints a table and writes it into
// docs/performance.md under "## Widgets in Chromium" (other sections are kept).
//
//   node bench/widgets.mjs [--iterations 50]
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../scripts/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'docs', 'performance.md');
const HEADING = '## Widgets in Chromium';
const flag = process.argv.indexOf('--iterations');
const ITERATIONS = flag > 0 ? Number(process.argv[flag + 1]) : 50;
const WARMUPS = 5;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const PAGE = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Ringside widget benchmark</title><link rel="icon" href="data:,"><body><script type="module" src="widgets.bench.js"></script></body></html>';

async function bundle(dir) {
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'widgets.bench.ts')],
    outdir: dir,
    bundle: true,
    splitting: true, // the charts and the German strings stay lazy chunks, as in a real build
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'production'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    minify: true,
    logLevel: 'error',
  });
  await writeFile(join(dir, 'index.html'), PAGE);
}

function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(dir)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** Nearest-rank percentile of ascending numbers. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value) => value.toFixed(2);

function tables({ timings, counts }) {
  const timingRows = timings.map(({ widget, measurement, locale, first, samples }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return `| \`<${widget}>\` | ${measurement} | ${locale} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(first)} |`;
  });
  const countRows = counts.map(({ widget, state, locale, elements, nodes }) => `| \`<${widget}>\` | ${state} | ${locale} | ${elements} | ${nodes} |`);
  return [
    ['| widget | measurement | locale | median (ms) | p95 (ms) | first run (ms) |', '|---|---|---|---:|---:|---:|', ...timingRows].join('\n'),
    ['| widget | state | locale | elements | nodes |', '|---|---|---|---:|---:|', ...countRows].join('\n'),
  ];
}

/** `markdown` with the section under HEADING replaced by `section`, or with it appended. */
function withSection(markdown, section) {
  const [before, after = ''] = markdown.split(`${HEADING}\n`);
  if (markdown === before) return `${markdown.trimEnd()}\n\n${section}`;
  const next = after.search(/^## /m);
  return `${before}${section}${next < 0 ? '' : `\n${after.slice(next)}`}`;
}

const executablePath = ensureChrome();
const dir = await mkdtemp(join(tmpdir(), 'bench-widgets-'));
let server;
let browser;
try {
  await bundle(dir);
  let url;
  ({ server, url } = await serve(dir));
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  // Reduced motion: the chart draws at once instead of animating for 300 ms.
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().startsWith('[ringside]')) console.error(`page ${message.type()}: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  const isolated = await page.evaluate(() => crossOriginIsolated);
  // A hang guard, not a limit on the figures: a widget that never reaches the awaited state would wait forever.
  const hang = new Promise((_, reject) => setTimeout(() => reject(new Error('runBenchmarks() did not finish in 5 minutes')), 300_000).unref());
  const run = page.evaluate((options) => window.runBenchmarks(options), { iterations: ITERATIONS, warmups: WARMUPS });
  const results = await Promise.race([run, hang]);
  const [timingTable, countTable] = tables(results);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';

  const section = `${HEADING}

Measured by \`node bench/widgets.mjs\` (part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}, headless Chromium ${browser.version()}
(playwright-core), Node ${process.version}, ${cpu} (${cpus().length} logical CPUs).
Each measurement ran ${WARMUPS} times to warm up, then ${ITERATIONS} times; median and p95 are nearest-rank, in ms,
from \`performance.now()\` inside the page (${isolated ? 'cross-origin isolated: 5 µs resolution' : 'not cross-origin isolated: 100 µs resolution'}).
"First run" is the page's very first run of a measurement: code not yet optimized, and in English
the download of the lazy chunks (charges panel, chart.js).
The page is a minified production build (Lit's dev mode off). Every run makes a new \`<rs-provider>\`
with the widget (the card's with \`createMemoryAdapter({ latency: 0 })\`, the wizard's without adapter);
the German runs follow \`await loadLocale('de')\`. Reduced motion is on, so the chart does not animate.

- first render: from creating and appending the provider and the widget until the amount (card) or
  both periods (wizard) are in the shadow root. A mutation observer stops the clock, so this is
  the widget's own work (Lit updates, data, i18n), without style, layout or paint;
- style and layout: the layout forced (\`getBoundingClientRect()\`) right after the first render;
- update: from \`store.invalidate('billing')\`, with a changed balance, until the new amount shows;
- open charges: from clicking "Show charges" until the table has rows, and until chart.js has
  drawn on the canvas (reading its pixels, which also rasterizes them); the table does not wait for the chart;
- re-render: from setting \`value\` until the new expression shows.

${timingTable}

Shadow-root size after the first render, and with the charges open:

${countTable}
`;
  console.log(`${HEADING}\n\n${timingTable}\n\n${countTable}\n`);
  const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Performance\n';
  writeFileSync(REPORT, withSection(existing, section));
  console.log(`Wrote ${REPORT.slice(ROOT.length + 1)}`);
} finally {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
}
