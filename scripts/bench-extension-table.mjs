#!/usr/bin/env node
// `npm run bench:extensions`: <rs-extension-table> beside @vaadin/grid in headless Chromium, for
// 1,000 and 10,000 extensions from the memory adapter: time to first rows, sort, scroll to the
// end, filter as you type, and DOM nodes. Bundles bench/extension-table/page.ts (production Lit,
// minified; Vaadin only here, never in the widget bundle), serves it on 127.0.0.1, prints a table
// and writes it into docs/performance.md under "## Extension table" (other sections are kept).
//
//   node scripts/bench-extension-table.mjs [--iterations 7] [--no-write]
import { join } from 'node:path';
import { machine, ROOT, runInChromium, writeReportSection } from '../bench/harness.mjs';

const HEADING = '## Extension table';
const flag = process.argv.indexOf('--iterations');
const ITERATIONS = flag > 0 ? Number(process.argv[flag + 1]) : 7;
const WRITE = !process.argv.includes('--no-write');
const VERBOSE = process.argv.includes('--verbose');
const SIZES = [1000, 10000];

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

await runInChromium({
  entry: join(ROOT, 'bench', 'extension-table', 'page.ts'),
  title: 'Extension table benchmark',
  pageOptions: { reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } },
  showConsole: (message) => message.type() === 'error' || (VERBOSE && message.type() === 'debug'),
  hangAfter: VERBOSE ? 60_000 : 300_000,
  run: async (page, browser) => {
    const figures = await page.evaluate((options) => window.runExtensionBenchmarks(options), { sizes: SIZES, iterations: ITERATIONS });
    const result = table(figures);
    const section = `${HEADING}

Measured by \`npm run bench:extensions\` (\`scripts/bench-extension-table.mjs\`) on ${new Date()
      .toISOString()
      .slice(0, 10)}, headless Chromium ${browser.version()}
(playwright-core), Node ${process.version}, ${machine()}, shared with other work while measuring).
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
    if (WRITE) writeReportSection(HEADING, section);
  },
});
