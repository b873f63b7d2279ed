import { toRingsideError, type RingsideAdapter, type RingsideError, type RingsideStore } from '@ringside/core';
import type { ReactiveController } from 'lit';
import type { RingsideElement } from './ringside-element.js';

export interface QueryDescriptor<T> {
  /** Cache key; reads with the same key share one call. Prefixes are what mutations invalidate. */
  key: string;
  load: (adapter: RingsideAdapter, signal: AbortSignal) => Promise<T>;
}

export type QueryStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Reads one resource through the store for a widget, re-reads it when a mutation invalidates it,
 * and ignores answers that arrive after the widget left the page.
 */
export class QueryController<T> implements ReactiveController {
  status: QueryStatus = 'idle';
  value: T | undefined;
  /** True once a value arrived (a value may legitimately be null). */
  hasValue = false;
  error: RingsideError | undefined;
  /** True while reloading data that is already shown. */
  refreshing = false;

  readonly #host: RingsideElement;
  readonly #describe: () => QueryDescriptor<T> | null;
  #subscribedTo: { key: string; store: RingsideStore; adapter: RingsideAdapter } | null = null;
  #unsubscribe: (() => void) | null = null;
  #generation = 0;

  constructor(host: RingsideElement, describe: () => QueryDescriptor<T> | null) {
    this.#host = host;
    this.#describe = describe;
    host.addController(this);
  }

  hostUpdate(): void {
    const environment = this.#host.environment;
    const query = this.#describe();
    const target = environment?.adapter && query ? { key: query.key, store: environment.store, adapter: environment.adapter } : null;
    const current = this.#subscribedTo;
    if (target?.key === current?.key && target?.store === current?.store && target?.adapter === current?.adapter) return;
    this.#stop();
    if (!target || !query) {
      Object.assign(this, { status: 'idle', value: undefined, hasValue: false, error: undefined, refreshing: false });
      return;
    }
    const keepValue = target.store === current?.store && target.adapter === current?.adapter;
    if (!keepValue) Object.assign(this, { value: undefined, hasValue: false, error: undefined });
    this.#subscribedTo = target;
    this.#unsubscribe = target.store.subscribe(target.key, () => void this.#fetch(query));
    void this.#fetch(query);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /**
   * Marks the data stale for every widget showing it, which reloads them all. Also what
   * "Try again" does: a cached answer the widget could not use must be asked for again too.
   */
  refresh(): void {
    this.#subscribedTo?.store.invalidate(this.#subscribedTo.key);
  }

  retry(): void {
    this.refresh();
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribedTo = null;
    this.#generation++;
  }

  async #fetch(query: QueryDescriptor<T>): Promise<void> {
    const target = this.#subscribedTo;
    if (!target) return;
    const generation = ++this.#generation;
    this.refreshing = this.hasValue;
    if (!this.hasValue) this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const value = await target.store.read(query.key, (signal) => query.load(target.adapter, signal));
      if (generation !== this.#generation) return;
      Object.assign(this, { status: 'ready', value, hasValue: true, error: undefined, refreshing: false });
    } catch (caught) {
      if (generation !== this.#generation) return;
      const error = toRingsideError(caught);
      // Keep showing the last good data; the widget shows the error beside it.
      Object.assign(this, { status: this.hasValue ? 'ready' : 'error', error, refreshing: false });
      if (error.code === 'unauthorized') this.#host.emit('rs-auth-required', { code: 'unauthorized' });
    }
    this.#host.requestUpdate();
  }
}
