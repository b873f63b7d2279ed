#!/usr/bin/env node
// `npm run bench:extensions`: <rs-extension-table> beside @vaadin/grid in headless Chromium, for
// 1,000 and 10,000 extensions from the memory adapter: time to first rows, sort, scroll to the
// end, filter as you type, and DOM nodes. Bundles bench/extension-table/page.ts (production Lit,
// minified; Vaadin only here, never in the widget bundle), serves it on 127.0.0.1, prints a table
// and writes it into docs/performance.md under "## Extension table" (other sections are kept).
//
//   node scripts/bench-extension-table.mjs [--iterations 7] [--pages 15] [--no-write]
import { join } from 'node:path';
import { machine, ROOT, runInChromium, writeReportSection } from '../bench/harness.mjs';

const HEADING = '## Extension table';
const option = (name, fallback) => {
  const flag = process.argv.indexOf(name);
  return flag > 0 ? Number(process.argv[flag + 1]) : fallback;
};
const ITERATIONS = option('--iterations', 7);
const PAGES = option('--pages', 15);
const WRITE = !process.argv.includes('--no-write');
const VERBOSE = process.argv.includes('--verbose');
const SIZES = [1000, 10000];
const WIDGETS = ['rs-extension-table', 'vaadin-grid'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const show = (measurement, value) => (measurement.startsWith('DOM') ? String(Math.round(value)) : value.toFixed(1));

/** The pages' figures of one widget, size and measurement together: every page's first run, and every later run. */
function pool(figures) {
  const pooled = new Map();
  for (const figure of figures) {
    const key = `${figure.widget}|${figure.rows}|${figure.measurement}`;
    const entry = pooled.get(key) ?? { ...figure, firsts: [], samples: [] };
    entry.firsts.push(figure.first);
    entry.samples.push(...figure.samples);
    pooled.set(key, entry);
  }
  return [...pooled.values()];
}

/** One line per size and measurement, Ringside and Vaadin side by side. */
function table(figures) {
  const lines = ['| rows | measurement | `<rs-extension-table>` median | first run | `<vaadin-grid>` median | first run |', '|---:|---|---:|---:|---:|---:|'];
  for (const size of SIZES) {
    for (const measurement of [...new Set(figures.filter((figure) => figure.rows === size).map((figure) => figure.measurement))]) {
      const of = (widget) => figures.find((figure) => figure.rows === size && figure.measurement === measurement && figure.widget === widget);
      const cells = [of('rs-extension-table'), of('vaadin-grid')].flatMap((figure) =>
        [median(figure.samples), median(figure.firsts)].map((value) => show(measurement, value))
      );
      const unit = measurement.startsWith('DOM') ? '' : ' (ms)';
      lines.push(`| ${size.toLocaleString('en')} | ${measurement}${unit} | ${cells.join(' | ')} |`);
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
  run: async (firstPage, browser, openPage) => {
    await firstPage.context().close();
    // Each widget and size in fresh pages of their own, so the first run of each starts as cold as a visitor's first view.
    const figures = [];
    for (const size of SIZES) {
      for (let round = 0; round < PAGES; round++) {
        for (const widget of WIDGETS) {
          const page = await openPage();
          figures.push(
            ...(await page.evaluate((options) => window.runExtensionBenchmarks(options), { sizes: [size], widgets: [widget], iterations: ITERATIONS }))
          );
          await page.context().close();
        }
      }
    }
    const result = table(pool(figures));
    const section = `${HEADING}

Measured by \`npm run bench:extensions\` (\`scripts/bench-extension-table.mjs\`) on ${new Date()
      .toISOString()
      .slice(0, 10)}, headless Chromium ${browser.version()}
(playwright-core), Node ${process.version}, ${machine()}).
\`<rs-extension-table>\` and \`@vaadin/grid\` (sort columns, a \`dataProvider\`) render the same extensions, each from its own
\`createMemoryAdapter({ extensions: N, latency: 0 })\`: both ask the adapter for pages, sort orders and the search, so both
do the same data work. The page is a minified production build. Every widget and size runs in ${PAGES} fresh pages (each
a new browser context, so no code, style or font-shaping cache is warmed by the other widget), ${ITERATIONS + 1} times per
page: "first run" is the median of the pages' run 1 (code not yet optimized, text not yet shaped, the adapter sorting
by name for the first time), "median" is the median of every later run. Each step starts after the previous one was
painted (two frames), as a user's next action would. A step's time runs from \`performance.now()\` until a mutation
observer sees the expected rows and the page's style and layout are brought up to date (forced), so it is script,
style and layout time, without waiting for a frame:

- first rows visible: from appending the widget until the first extension shows;
- sort by name: from clicking the "Name" header until the alphabetically first extension is the first row;
- scroll to the end: from setting the scrolling element's position to its end (and sending its scroll event at once
  rather than with the next frame) until the last extension shows;
- filter as you type, per letter: "a", "an", "ann" typed one at a time, each after the previous letter's matches were
  painted, each timed from the input until its first match and its count show; the mean of the three searches;
- DOM nodes: every node of the widget, shadow roots included, with the end of the list shown.

${result}

Sorting and filtering are the adapter's work for both widgets; the widget's own part is the same
for 1,000 and 10,000 rows (it renders one window of rows). A first sort of 10,000 extensions by
name costs the memory adapter one collator sort (about 16–20 ms in Node on this machine, measured
apart), in both widgets' first run; after that it reuses the order while no sort key changed. So
the first-run sort at 10,000 rows is above one 16 ms frame for both widgets, while every later sort
and filter is well within it. A real backend sorts in its database. Single figures move by a
millisecond or two between runs of the benchmark; compare within one run.
`;
    console.log(`${HEADING}\n\n${result}\n`);
    if (WRITE) writeReportSection(HEADING, section);
  },
});
