import { toRingsideError, type Page, type RingsideError } from '@ringside/core';

/** Asks the backend for one page (1-based) of the current view. */
export type PageLoader<T> = (page: number, pageSize: number) => Promise<Page<T>>;

export interface RowCacheSnapshot<T> {
  rows: (T | undefined)[];
  total: number | null;
}

/**
 * The table's data provider: rows by index, fetched a page at a time and only for the pages a
 * caller asks for (the visible ones). Rows stay shown while a refresh reloads them; answers that
 * belong to an earlier view or an earlier refresh are dropped.
 */
export class RowCache<T extends { id: string }> {
  readonly pageSize: number;
  /** The last failure; pages that failed are not asked for again until `retry()`. */
  error: RingsideError | null = null;

  #loader: PageLoader<T>;
  readonly #onChange: () => void;
  /** Sparse: index → row, holes where nothing is loaded. */
  #rows: (T | undefined)[] = [];
  #total: number | null = null;
  /** Pages loaded since the last reset or refresh. */
  #fresh = new Set<number>();
  #pending = new Set<number>();
  #failed = new Set<number>();
  #generation = 0;
  /** The rows shown belong to the previous view until an answer for the new one arrives. */
  #replacing = false;

  constructor(loader: PageLoader<T>, options: { pageSize: number; onChange: () => void }) {
    this.#loader = loader;
    this.pageSize = options.pageSize;
    this.#onChange = options.onChange;
  }

  /** How many rows match the view; null until the first page arrived. */
  get total(): number | null {
    return this.#total;
  }

  /** True while any page is on its way. */
  get loading(): boolean {
    return this.#pending.size > 0;
  }

  rowAt(index: number): T | undefined {
    return this.#rows[index];
  }

  indexOf(id: string): number {
    return this.#rows.findIndex((row) => row?.id === id);
  }

  /** Loads the pages holding rows `first` to `last` (inclusive) that are not loaded or on their way. */
  ensure(first: number, last: number): Promise<void> {
    const end = this.#total === null ? last : Math.min(last, this.#total - 1);
    const loads: Promise<void>[] = [];
    for (let page = Math.floor(Math.max(0, first) / this.pageSize) + 1; page <= Math.floor(Math.max(0, end) / this.pageSize) + 1; page++) {
      if (this.#needs(page)) loads.push(this.#load(page));
    }
    return Promise.all(loads).then(() => undefined);
  }

  /**
   * A new view (other sort, search or filter) or another backend: nothing loaded is valid any more.
   * With `keepRows`, the old rows stay shown until the new view's first answer replaces them, so
   * the grid (and the focus in it) does not blink away while the user sorts or types.
   */
  reset(loader: PageLoader<T>, options: { keepRows?: boolean } = {}): void {
    this.#loader = loader;
    this.#replacing = !!options.keepRows;
    if (!options.keepRows) {
      this.#rows = [];
      this.#total = null;
    }
    this.#forgetPages();
  }

  /** The data changed on the server: keep showing the rows, but load them again when asked. */
  refresh(): void {
    this.#forgetPages();
  }

  /** Asks again for pages that failed. */
  retry(): void {
    this.#failed.clear();
    this.error = null;
    this.#onChange();
  }

  snapshot(): RowCacheSnapshot<T> {
    return { rows: this.#rows.slice(), total: this.#total };
  }

  /** Puts back what a snapshot saw, e.g. when an optimistic change is refused. */
  restore(snapshot: RowCacheSnapshot<T>): void {
    this.#rows = snapshot.rows.slice();
    this.#total = snapshot.total;
    this.#onChange();
  }

  /** Shows a changed row in place. Answers false when the row is not loaded. */
  replace(row: T): boolean {
    const index = this.indexOf(row.id);
    if (index < 0) return false;
    this.#rows[index] = row;
    this.#onChange();
    return true;
  }

  /** Takes rows out of the list at once; the rows below move up. */
  remove(ids: ReadonlySet<string>): void {
    const before = this.#rows.length;
    const kept: (T | undefined)[] = new Array(before);
    let write = 0;
    let removed = 0;
    for (let index = 0; index < before; index++) {
      const row = this.#rows[index];
      if (row && ids.has(row.id)) {
        removed++;
        continue;
      }
      if (row !== undefined) kept[write] = row;
      write++;
    }
    kept.length = write;
    this.#rows = kept;
    if (this.#total !== null) this.#total = Math.max(0, this.#total - removed);
    this.#onChange();
  }

  #needs(page: number): boolean {
    if (this.#pending.has(page) || this.#failed.has(page)) return false;
    if (!this.#fresh.has(page) || this.#replacing) return true;
    // A loaded page can have holes after rows above it were removed.
    const start = (page - 1) * this.pageSize;
    const end = Math.min(start + this.pageSize, this.#total ?? start + this.pageSize);
    for (let index = start; index < end; index++) if (this.#rows[index] === undefined) return true;
    return false;
  }

  #forgetPages(): void {
    this.#generation++;
    this.#fresh.clear();
    this.#pending.clear();
    this.#failed.clear();
    this.error = null;
    this.#onChange();
  }

  async #load(page: number): Promise<void> {
    const generation = this.#generation;
    this.#pending.add(page);
    try {
      const answer = await this.#loader(page, this.pageSize);
      if (generation !== this.#generation) return;
      if (this.#replacing) {
        this.#rows = [];
        this.#replacing = false;
      }
      this.#total = answer.total;
      if (this.#rows.length > answer.total) this.#rows.length = answer.total;
      const start = (page - 1) * this.pageSize;
      answer.items.forEach((row, offset) => {
        this.#rows[start + offset] = row;
      });
      this.#fresh.add(page);
      this.#failed.delete(page);
    } catch (caught) {
      if (generation !== this.#generation) return;
      // The rows kept on screen belong to the previous view: they must not pass for this one's.
      if (this.#replacing) {
        this.#rows = [];
        this.#total = null;
        this.#replacing = false;
      }
      this.#failed.add(page);
      this.error = toRingsideError(caught);
    } finally {
      if (generation === this.#generation) {
        this.#pending.delete(page);
        this.#onChange();
      }
    }
  }
}

/** Every row of a view, page after page (for export and "select all"), however many there are. */
export async function collectAll<T>(loader: PageLoader<T>, pageSize: number): Promise<T[]> {
  const first = await loader(1, pageSize);
  const rows = [...first.items];
  const pages = Math.ceil(first.total / pageSize);
  for (let page = 2; page <= pages; page++) rows.push(...(await loader(page, pageSize)).items);
  return rows;
}
