#!/usr/bin/env node
// Times the widgets in headless Chromium: bundles bench/widgets.bench.ts (production Lit, minified),
// serves it on 127.0.0.1, calls window.runBenchmarks() in the page, prints a table and writes it into
// docs/performance.md under "## Widgets in Chromium" (other sections are kept).
//
//   node bench/widgets.mjs [--iterations 50]
import { join } from 'node:path';
import { machine, ROOT, runInChromium, writeReportSection } from './harness.mjs';

const HEADING = '## Widgets in Chromium';
const flag = process.argv.indexOf('--iterations');
const ITERATIONS = flag > 0 ? Number(process.argv[flag + 1]) : 50;
const WARMUPS = 5;

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

await runInChromium({
  entry: join(ROOT, 'bench', 'widgets.bench.ts'),
  title: 'Ringside widget benchmark',
  // Reduced motion: the chart draws at once instead of animating for 300 ms.
  pageOptions: { reducedMotion: 'reduce' },
  showConsole: (message) => message.type() === 'error' || message.text().startsWith('[ringside]'),
  run: async (page, browser) => {
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const results = await page.evaluate((options) => window.runBenchmarks(options), { iterations: ITERATIONS, warmups: WARMUPS });
    const [timingTable, countTable] = tables(results);
    const section = `${HEADING}

Measured by \`node bench/widgets.mjs\` (part of \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}, headless Chromium ${browser.version()}
(playwright-core), Node ${process.version}, ${machine()}).
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
    writeReportSection(HEADING, section);
  },
});
