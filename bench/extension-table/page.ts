// The page side of the extension table benchmark (scripts/bench-extension-table.mjs bundles and
// drives it): <rs-extension-table> or @vaadin/grid renders extensions from a memory adapter, run
// after run, in this document (the script opens a fresh page per widget and size). It only
// records; nothing is asserted.
import '@ringside/widgets/rs-provider';
import '@ringside/widgets/rs-extension-table';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import type { Extension, ExtensionQuery, ExtensionSortField, SortDirection } from '@ringside/core';

export interface Figure {
  widget: 'rs-extension-table' | 'vaadin-grid';
  rows: number;
  measurement: string;
  /** The first run, when the adapter sorts or filters that way for the first time (no cached order). */
  first: number;
  samples: number[];
}

declare global {
  interface Window {
    runExtensionBenchmarks(options: { sizes: number[]; widgets: Figure['widget'][]; iterations: number }): Promise<Figure[]>;
  }
}

const COLUMNS: ExtensionSortField[] = ['number', 'name', 'phoneLine', 'primaryGroup', 'published', 'recordedName'];
const SEARCH = 'ann';

/** Resolves when `check` is true, looking again after every DOM change under `roots` (no timer granularity). */
function until(roots: Node[], check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    for (const root of roots) observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Every node in a tree, shadow roots included. */
function countNodes(root: Node): number {
  let count = 0;
  const visit = (node: Node) => {
    count++;
    const shadow = (node as Element).shadowRoot;
    if (shadow) visit(shadow);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return count;
}

/**
 * Scrolls a widget's scrolling element to its end, as dragging the scroll bar there would. The
 * scroll event is sent at once rather than with the next frame, so the time is the widget's
 * answer to it, not a wait for the frame.
 */
function scrollToEnd(scroller: HTMLElement): void {
  scroller.scrollTop = scroller.scrollHeight;
  scroller.dispatchEvent(new Event('scroll'));
}

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');

interface Harness {
  mount(): Promise<void>;
  sortByName(): Promise<void>;
  scrollToEnd(): Promise<void>;
  /** Sets the search to `prefix` (one more letter typed) and waits until its matches show. */
  type(prefix: string): Promise<void>;
  nodes(): number;
  unmount(): void;
}

/** What each step should show: the first and last numbers of the list, asked from the adapter directly. */
async function expectations(adapter: MemoryAdapter) {
  const list = async (query: ExtensionQuery) => {
    const first = await adapter.extensions!.list({ ...query, page: 1, pageSize: 1 });
    const last = await adapter.extensions!.list({ ...query, page: first.total, pageSize: 1 });
    return { first: first.items[0]!.number, last: last.items[0]!.number };
  };
  const byName = [{ field: 'name' as const, direction: 'asc' as const }];
  const searches: Record<string, { first: string; total: number }> = {};
  let previous = (await adapter.extensions!.list({ sort: byName, page: 1, pageSize: 1 })).total;
  for (const prefix of prefixes(SEARCH)) {
    const page = await adapter.extensions!.list({ sort: byName, search: prefix, page: 1, pageSize: 1 });
    // A letter that matches what the list already shows would be timed as nothing.
    if (page.total === previous) throw new Error(`the search "${prefix}" does not change the list; pick another search`);
    searches[prefix] = { first: page.items[0]!.number, total: page.total };
    previous = page.total;
  }
  return { initial: await list({}), sorted: await list({ sort: byName }), searches };
}

/** "ann" → "a", "an", "ann": what the search holds after each letter typed. */
const prefixes = (text: string) => [...text].map((_, index) => text.slice(0, index + 1));

function ringside(adapter: MemoryAdapter, expected: Awaited<ReturnType<typeof expectations>>, host: HTMLElement): Harness {
  let provider: HTMLElement;
  let table: HTMLElement & { shadowRoot: ShadowRoot };
  const shown = () => texts(table.shadowRoot, '.body [role="row"] .cell.number');
  const roots = () => [table.shadowRoot];
  return {
    async mount() {
      provider = Object.assign(document.createElement('rs-provider'), { adapter, storeOptions: { retry: { retries: 0 } } });
      provider.setAttribute('locale', 'en');
      table = document.createElement('rs-extension-table') as HTMLElement & { shadowRoot: ShadowRoot };
      provider.append(table);
      host.append(provider);
      await until(roots(), () => shown()[0] === expected.initial.first);
    },
    async sortByName() {
      const button = [...table.shadowRoot.querySelectorAll<HTMLButtonElement>('button.sort')].find((candidate) => candidate.textContent?.trim() === 'Name')!;
      button.click();
      await until(roots(), () => shown()[0] === expected.sorted.first);
    },
    async scrollToEnd() {
      scrollToEnd(table.shadowRoot.querySelector<HTMLElement>('[part="table"]')!);
      await until(roots(), () => shown().at(-1) === expected.sorted.last);
    },
    async type(prefix: string) {
      const search = table.shadowRoot.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = prefix;
      search.dispatchEvent(new Event('input'));
      const { first, total } = expected.searches[prefix]!;
      const grid = () => table.shadowRoot.querySelector('[role="grid"]');
      await until(roots(), () => grid()?.getAttribute('aria-rowcount') === String(total + 1) && shown()[0] === first);
    },
    nodes: () => countNodes(provider),
    unmount: () => provider.remove(),
  };
}

interface GridElement extends HTMLElement {
  dataProvider: (
    params: { page: number; pageSize: number; sortOrders: { path: string; direction: SortDirection | null }[] },
    callback: (items: object[], size: number) => void
  ) => void;
  clearCache(): void;
  scrollToIndex(index: number): void;
}

/** @vaadin/grid with a data provider over the same adapter: pages, sort and search are the adapter's, as for Ringside. */
function vaadin(adapter: MemoryAdapter, expected: Awaited<ReturnType<typeof expectations>>, host: HTMLElement): Harness {
  let grid: GridElement;
  let search = '';
  const shown = () => {
    // Vaadin keeps rows in its shadow root and their text in slotted light-DOM cells, in reused order.
    const rows = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('tbody#items tr')].filter((row) => !row.hidden);
    rows.sort((a, b) => Number((a as unknown as { index: number }).index) - Number((b as unknown as { index: number }).index));
    return rows.map((row) => (row.querySelector('slot') as HTMLSlotElement | null)?.assignedElements()[0]?.textContent?.trim() ?? '');
  };
  const roots = () => [grid, grid.shadowRoot!];
  const lines = new Map(adapter.data.phoneLines.map((line) => [line.id, line.number]));
  const groups = new Map(adapter.data.huntGroups.map((group) => [group.id, group.name]));
  const flat = (extension: Extension) => ({
    number: extension.number,
    name: extension.name,
    phoneLine: lines.get(extension.phoneLineId ?? '') ?? '—',
    primaryGroup: groups.get(extension.primaryGroupId ?? '') ?? '—',
    published: extension.published ? 'Yes' : 'No',
    recordedName: extension.hasRecordedName ? 'Set' : 'Not set',
  });
  return {
    async mount() {
      grid = document.createElement('vaadin-grid') as unknown as GridElement;
      grid.style.height = '26rem';
      for (const path of COLUMNS) {
        const column = document.createElement('vaadin-grid-sort-column');
        column.setAttribute('path', path);
        grid.append(column);
      }
      grid.dataProvider = (params, callback) => {
        const sort = params.sortOrders
          .filter((order) => order.direction)
          .map((order) => ({ field: order.path as ExtensionSortField, direction: order.direction! }));
        void adapter
          .extensions!.list({ page: params.page + 1, pageSize: params.pageSize, sort, ...(search ? { search } : {}) })
          .then((page) => callback(page.items.map(flat), page.total));
      };
      host.append(grid);
      await until(roots(), () => shown()[0] === expected.initial.first);
    },
    async sortByName() {
      grid.querySelectorAll('vaadin-grid-sorter')[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await until(roots(), () => shown()[0] === expected.sorted.first);
    },
    async scrollToEnd() {
      scrollToEnd(grid.shadowRoot!.querySelector<HTMLElement>('#table')!);
      await until(roots(), () => shown().includes(expected.sorted.last));
    },
    async type(prefix: string) {
      search = prefix;
      grid.clearCache();
      // A new search starts at its top, as <rs-extension-table> does by itself.
      grid.scrollToIndex(0);
      const { first, total } = expected.searches[prefix]!;
      // Vaadin announces the count (with its header row) on its table, as Ringside does on its grid.
      const table = grid.shadowRoot!.querySelector('#table')!;
      await until(roots(), () => table.getAttribute('aria-rowcount') === String(total + 1) && shown()[0] === first);
    },
    nodes: () => countNodes(grid),
    unmount: () => grid.remove(),
  };
}

/** Resolves once two frames have been drawn: a user acts on what they see, so each step starts after the last one was painted. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Times one step until its rows are in the DOM and laid out (style and layout forced, so both widgets pay theirs here, not in the next step). */
async function time(step: () => Promise<void>, label: string): Promise<number> {
  console.debug(`bench: ${label}`);
  const start = performance.now();
  await step();
  void document.documentElement.getBoundingClientRect();
  const took = performance.now() - start;
  performance.measure(label, { start, duration: took });
  return took;
}

const HARNESSES = { 'rs-extension-table': ringside, 'vaadin-grid': vaadin } as const;

window.runExtensionBenchmarks = async ({ sizes, widgets, iterations }) => {
  const host = Object.assign(document.createElement('div'), { style: 'inline-size: 60rem' });
  document.body.append(host);
  const figures: Figure[] = [];
  for (const rows of sizes) {
    for (const widget of widgets) {
      const make = HARNESSES[widget];
      // One adapter per widget and size: the first run pays the adapter's first sort by name.
      const adapter = createMemoryAdapter({ extensions: rows, latency: 0 });
      const expected = await expectations(createMemoryAdapter({ extensions: rows, latency: 0 }));
      const samples: Record<string, number[]> = {};
      const record = (measurement: string, value: number) => (samples[measurement] ??= []).push(value);
      for (let run = 0; run <= iterations; run++) {
        const harness = make(adapter, expected, host);
        record('first rows visible', await time(() => harness.mount(), `${widget} ${rows} harness.mount()`));
        await painted();
        record('sort by name', await time(() => harness.sortByName(), `${widget} ${rows} harness.sortByName()`));
        await painted();
        record('scroll to the end', await time(() => harness.scrollToEnd(), `${widget} ${rows} harness.scrollToEnd()`));
        await painted();
        record('DOM nodes at the end', harness.nodes());
        // Each letter is its own search, typed after the previous one's matches were painted.
        let typing = 0;
        for (const prefix of prefixes(SEARCH)) {
          await painted();
          typing += await time(() => harness.type(prefix), `${widget} ${rows} harness.type(${prefix})`);
        }
        record(`filter as you type "${SEARCH}", per letter`, typing / SEARCH.length);
        harness.unmount();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const [measurement, values] of Object.entries(samples)) figures.push({ widget, rows, measurement, first: values[0]!, samples: values.slice(1) });
    }
  }
  return figures;
};
