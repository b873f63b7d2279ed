// The page side of the widget benchmark (bench/widgets.mjs bundles and drives it): renders the
// widgets in this document and times them with performance.now(). It only records; nothing is asserted.
import '@ringside/widgets/define';
import { createMemoryAdapter } from '@ringside/adapter-memory';
import { loadLocale } from '@ringside/core';
import type { RsBalanceCard, RsProvider } from '@ringside/widgets';

interface Timing {
  widget: string;
  measurement: string;
  locale: string;
  /** The page's first run, before any warm-up. */
  first: number;
  /** Milliseconds of the measured runs, in the order they ran. */
  samples: number[];
}

interface NodeCount {
  widget: string;
  state: string;
  locale: string;
  elements: number;
  /** Every node: elements, text, and Lit's comment markers. */
  nodes: number;
}

interface BenchmarkResults {
  timings: Timing[];
  counts: NodeCount[];
}

interface BenchmarkOptions {
  iterations: number;
  warmups: number;
}

declare global {
  interface Window {
    runBenchmarks(options: BenchmarkOptions): Promise<BenchmarkResults>;
  }
}

const WIZARD_VALUE = 'wd {mo-fr} hr {9-16}, hr {20-7}';
const WIZARD_NEXT_VALUE = 'wd {mo-fr} hr {8-17}, wd {sa} hr {9-12}';

const adapter = createMemoryAdapter({ latency: 0 });
const balance = adapter.data.balance!;

/** A macrotask, without the 4 ms clamp that nested setTimeout calls get. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once `done()` holds, checking after every change in the element's shadow root. Mutation
 * callbacks are microtasks, so the time stops right after the change instead of a task later,
 * and no frame (style, layout, paint) gets into the measurement.
 */
function until(element: HTMLElement, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!done()) return;
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  });
}

function mount(locale: string, widget: HTMLElement, withAdapter: boolean): RsProvider {
  const provider = document.createElement('rs-provider');
  provider.locale = locale;
  if (withAdapter) provider.adapter = adapter;
  provider.append(widget);
  document.body.append(provider);
  return provider;
}

function countNodes(widget: string, state: string, locale: string, root: ShadowRoot): NodeCount {
  const walker = document.createTreeWalker(root);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  return { widget, state, locale, elements: root.querySelectorAll('*').length, nodes };
}

const shownAmount = (card: RsBalanceCard) => card.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim();

/** True once chart.js has taken the canvas (it sizes it through `style`) and painted something. */
function chartDrawn(canvas: HTMLCanvasElement | null): boolean {
  if (!canvas?.style.width) return false;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  return new Uint32Array(data.buffer).some((pixel) => pixel !== 0);
}

/** What a run reports: a time since `started`, and the size of a shadow root. */
interface Recorder {
  time(measurement: string, started: number): void;
  count(state: string, root: ShadowRoot): void;
}

/** One run of every balance-card measurement, on a new provider and card. */
async function balanceCardRun(locale: string, record: Recorder): Promise<void> {
  const money = (amount: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: balance.currency }).format(amount);
  let expected = money(balance.balance);
  let started = performance.now();
  const card = document.createElement('rs-balance-card');
  const provider = mount(locale, card, true);
  const root = card.shadowRoot!;
  await until(card, () => shownAmount(card) === expected);
  record.time('first render with data', started);
  started = performance.now();
  card.getBoundingClientRect();
  record.time('style and layout after first render', started);
  record.count('balance shown', root);

  balance.balance = Math.round((balance.balance + 1.11) * 100) / 100;
  expected = money(balance.balance);
  started = performance.now();
  provider.environment.store.invalidate('billing');
  await until(card, () => shownAmount(card) === expected);
  record.time("update after `store.invalidate('billing')`", started);

  started = performance.now();
  root.querySelector<HTMLButtonElement>('button[aria-controls="charges"]')!.click();
  await until(card, () => !!root.querySelector('#charges tbody tr'));
  record.time('open charges: table shown', started);
  await until(card, () => chartDrawn(root.querySelector('canvas')));
  record.time('open charges: chart drawn', started);
  record.count('charges open', root);
  provider.remove();
}

/** One run of every period-wizard measurement, on a new provider and wizard. */
async function periodWizardRun(locale: string, record: Recorder): Promise<void> {
  let started = performance.now();
  const wizard = document.createElement('rs-period-wizard');
  wizard.value = WIZARD_VALUE;
  const provider = mount(locale, wizard, false);
  const root = wizard.shadowRoot!;
  await until(wizard, () => root.querySelectorAll('.periods li').length === 2);
  record.time(`first render of \`${WIZARD_VALUE}\``, started);
  started = performance.now();
  wizard.getBoundingClientRect();
  record.time('style and layout after first render', started);
  record.count('two periods, editor open', root);

  started = performance.now();
  wizard.value = WIZARD_NEXT_VALUE;
  await until(wizard, () => root.querySelector('#expression')?.textContent === WIZARD_NEXT_VALUE);
  record.time(`re-render after setting \`${WIZARD_NEXT_VALUE}\``, started);
  provider.remove();
}

/** Runs `run` warm-ups + iterations times and adds what it reported to `results`. */
async function measure(
  widget: string,
  locale: string,
  run: (locale: string, record: Recorder) => Promise<void>,
  options: BenchmarkOptions,
  results: BenchmarkResults,
): Promise<void> {
  const timings = new Map<string, Timing>();
  const counts = new Map<string, NodeCount>();
  for (let index = 0; index < options.warmups + options.iterations; index++) {
    await run(locale, {
      time(measurement, started) {
        const ms = performance.now() - started;
        const timing = timings.get(measurement) ?? { widget, measurement, locale, first: ms, samples: [] };
        timings.set(measurement, timing);
        if (index >= options.warmups) timing.samples.push(ms);
      },
      count(state, root) {
        if (!counts.has(state)) counts.set(state, countNodes(widget, state, locale, root));
      },
    });
    // The removed widget's style and layout work is done in a frame here, not in the next run.
    await new Promise(requestAnimationFrame);
    await nextTask();
  }
  results.timings.push(...timings.values());
  results.counts.push(...counts.values());
}

window.runBenchmarks = async (options) => {
  const results: BenchmarkResults = { timings: [], counts: [] };
  const original = balance.balance;
  for (const locale of ['en', 'de']) {
    if (locale !== 'en') await loadLocale(locale);
    await measure('rs-balance-card', locale, balanceCardRun, options, results);
    await measure('rs-period-wizard', locale, periodWizardRun, options, results);
  }
  balance.balance = original;
  return results;
};
