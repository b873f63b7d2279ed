#!/usr/bin/env node
// `npm run bench:extensions`: <rs-extension-table> beside @vaadin/grid in headless Chromium, for
// 1,000 and 10,000 extensions from the memory adapter: time to first rows, sort, scroll to the
// end, filter as you type, and DOM nodes. Bundles bench/extension-table/page.ts (production Lit,
// minified; Vaadin only here, never in the widget bundle), serves it on 127.0.0.1, prints a table
// and writes it into docs/performance.md under "## Extension table" (other sections are kept).
//
//   node scripts/bench-extension-table.mjs [--iterations 7] [--no-write]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from './browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'docs', 'performance.md');
const HEADING = '## Extension table';
const flag = process.argv.indexOf('--iterations');
const ITERATIONS = flag > 0 ? Number(process.argv[flag + 1]) : 7;
const WRITE = !process.argv.includes('--no-write');
const VERBOSE = process.argv.includes('--verbose');
const SIZES = [1000, 10000];
const PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Extension table benchmark</title><link rel="icon" href="data:,"><body><script type="module" src="page.js"></script></body></html>';

async function bundle(dir) {
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'extension-table', 'page.ts')],
    outdir: dir,
    bundle: true,
    splitting: true,
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
        'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript',
        // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const show = (measurement, value) => (measurement.startsWith('DOM') ? String(Math.round(value)) : value.toFixed(1));

/** One line per size and measurement, Ringside and Vaadin side by side. */
function table(figures) {
  const lines = ['| rows | measurement | `<rs-extension-table>` median | first run | `<vaadin-grid>` median | first run |', '|---:|---|---:|---:|---:|---:|'];
  for (const size of SIZES) {
    for (const measurement of [...new Set(figures.filter((figure) => figure.rows === size).map((figure) => figure.measurement))]) {
      const of = (widget) => figures.find((figure) => figure.rows === size && figure.measurement === measurement && figure.widget === widget);
      const [ours, theirs] = [of('rs-extension-table'), of('vaadin-grid')];
      const unit = measurement.startsWith('DOM') ? '' : ' (ms)';
      lines.push(
        `| ${size.toLocaleString('en')} | ${measurement}${unit} | ${show(measurement, median(ours.samples))} | ${show(measurement, ours.first)} | ${show(
          measurement,
          median(theirs.samples)
        )} | ${show(measurement, theirs.first)} |`
      );
    }
  }
  return lines.join('\n');
}

function withSection(markdown, section) {
  const [before, after = ''] = markdown.split(`${HEADING}\n`);
  if (markdown === before) return `${markdown.trimEnd()}\n\n${section}`;
  const next = after.search(/^## /m);
  return `${before}${section}${next < 0 ? '' : `\n${after.slice(next)}`}`;
}

const executablePath = ensureChrome();
const dir = await mkdtemp(join(tmpdir(), 'bench-extensions-'));
let server;
let browser;
try {
  await bundle(dir);
  let url;
  ({ server, url } = await serve(dir));
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  const page = await browser.newPage({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || (VERBOSE && message.type() === 'debug')) console.error(`page ${message.type()}: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  const hang = new Promise((_, reject) => setTimeout(() => reject(new Error('the benchmark did not finish in 5 minutes')), VERBOSE ? 60_000 : 300_000).unref());
  const figures = await Promise.race([page.evaluate((options) => window.runExtensionBenchmarks(options), { sizes: SIZES, iterations: ITERATIONS }), hang]);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const result = table(figures);
  const section = `${HEADING}

Measured by \`npm run bench:extensions\` (\`scripts/bench-extension-table.mjs\`) on ${new Date()
    .toISOString()
    .slice(0, 10)}, headless Chromium ${browser.version()}
(playwright-core), Node ${process.version}, ${cpu} (${cpus().length} logical CPUs, shared with other work while measuring).
\`<rs-extension-table>\` and \`@vaadin/grid\` (sort columns, a \`dataProvider\`) render the same extensions in the same page, one after the
other, each from its own \`createMemoryAdapter({ extensions: N, latency: 0 })\`: both ask the adapter for pages, sort
orders and the search, so both do the same data work. The page is a minified production build. Each widget ran
${ITERATIONS + 1} times per size; the median is of runs 2…${ITERATIONS + 1}, "first run" is run 1 (code not yet optimized, and the adapter
sorting by name for the first time; later runs reuse its remembered order). Times are from \`performance.now()\` until a
mutation observer sees the expected rows in the DOM, so they are script time without a frame's wait:

- first rows visible: from appending the widget until the first extension shows;
- sort by name: from clicking the "Name" header until the alphabetically first extension is the first row;
- scroll to the end: from setting the scroll position to the end (Vaadin: \`scrollToIndex\`) until the last extension shows;
- filter as you type: from typing "ann" one letter at a time (each letter a new search) until the first match shows;
- DOM nodes: every node of the widget, shadow roots included, with the end of the list shown.

${result}

Sorting and filtering are the adapter's work for both widgets; the widget's own part is the same
for 1,000 and 10,000 rows (it renders one window of rows). A first sort of 10,000 extensions by
name costs the memory adapter one collator sort (about 13 ms in Node on this machine, measured
apart); after that it reuses the order while no sort key changed. The machine's two cores were
shared with other work, so single figures move by a few ms between runs; compare within one run.
`;
  console.log(`${HEADING}\n\n${result}\n`);
  if (WRITE) {
    const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Performance\n';
    writeFileSync(REPORT, withSection(existing, section));
    console.log(`Wrote ${REPORT.slice(ROOT.length + 1)}`);
  }
} finally {
  await browser?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
}
