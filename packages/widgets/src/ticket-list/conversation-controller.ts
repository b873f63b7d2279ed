import { requireSection, toRingsideError, type Page, type RingsideAdapter, type RingsideError, type RingsideStore, type TicketMessage } from '@ringside/core';
import type { ReactiveController } from 'lit';
import type { RingsideElement } from '../base/ringside-element.js';
import { MESSAGE_PAGE_SIZE, firstShownPage, lastPage, messagesOfPages } from './conversation.js';

/**
 * A ticket's conversation, newest messages first loaded, older ones on request ("Load older").
 * Reads through the store, so a reply, a status change or the refresh timer (which invalidate
 * `tickets`) reloads it; messages that arrive on such a reload are handed to `onArrived`.
 */
export class ConversationController implements ReactiveController {
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: RingsideError | undefined;
  loadingOlder = false;
  total = 0;

  readonly #host: RingsideElement;
  readonly #ticketId: () => string;
  readonly #onArrived: (messages: TicketMessage[]) => void;
  readonly #pageSize: number;
  #pages = new Map<number, TicketMessage[]>();
  /** The oldest page shown; pages are counted from the first message, so they stay put as new ones arrive. */
  #from = 1;
  #target: {
    id: string;
    store: RingsideStore;
    adapter: RingsideAdapter;
  } | null = null;
  #unsubscribe: (() => void) | null = null;
  #generation = 0;

  constructor(host: RingsideElement, ticketId: () => string, onArrived: (messages: TicketMessage[]) => void, pageSize = MESSAGE_PAGE_SIZE) {
    this.#host = host;
    this.#ticketId = ticketId;
    this.#onArrived = onArrived;
    this.#pageSize = pageSize;
    host.addController(this);
  }

  get messages(): TicketMessage[] {
    return messagesOfPages(this.#pages, this.#from, lastPage(this.total, this.#pageSize));
  }

  get hasOlder(): boolean {
    return this.status === 'ready' && this.#from > 1;
  }

  hostUpdate(): void {
    const environment = this.#host.environment;
    const id = this.#ticketId();
    const next = environment?.adapter && id ? { id, store: environment.store, adapter: environment.adapter } : null;
    const current = this.#target;
    if (next?.id === current?.id && next?.store === current?.store && next?.adapter === current?.adapter) return;
    this.#stop();
    Object.assign(this, {
      status: 'idle',
      error: undefined,
      total: 0,
      loadingOlder: false,
    });
    this.#pages = new Map();
    this.#from = 1;
    if (!next) return;
    this.#target = next;
    this.#unsubscribe = next.store.subscribe(`tickets/${next.id}`, () => void this.#load(false));
    void this.#load(true);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  retry(): void {
    this.#target?.store.invalidate(`tickets/${this.#target.id}`);
  }

  async loadOlder(): Promise<void> {
    const target = this.#target;
    if (!target || this.#from <= 1 || this.loadingOlder) return;
    this.loadingOlder = true;
    this.#host.requestUpdate();
    const page = this.#from - 1;
    // Compared by target, not by generation: a refresh (a new generation) may start meanwhile, and
    // must neither drop the older page nor leave the button disabled.
    const current = () => this.#target === target;
    try {
      const answer = await this.#read(target, page);
      if (!current()) return;
      this.#pages.set(page, answer.items);
      this.#from = Math.min(this.#from, page);
      this.error = undefined;
    } catch (caught) {
      if (!current()) return;
      this.error = toRingsideError(caught);
    } finally {
      if (current()) {
        this.loadingOlder = false;
        this.#host.requestUpdate();
      }
    }
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#target = null;
    this.#generation++;
  }

  #read(target: { id: string; store: RingsideStore; adapter: RingsideAdapter }, page: number): Promise<Page<TicketMessage>> {
    const size = this.#pageSize;
    return target.store.read(`tickets/${target.id}/messages/${size}/${page}`, (signal) =>
      requireSection(target.adapter, 'tickets').messages(target.id, { page, pageSize: size }, { signal })
    );
  }

  async #load(first: boolean): Promise<void> {
    const target = this.#target;
    if (!target) return;
    const generation = ++this.#generation;
    if (first) this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const known = new Set(this.messages.map((message) => message.id));
      const opening = await this.#read(target, 1);
      if (generation !== this.#generation) return;
      const total = opening.total;
      const last = lastPage(total, this.#pageSize);
      const from = first ? firstShownPage(total, this.#pageSize) : Math.min(this.#from, last);
      const pages = new Map<number, TicketMessage[]>([[1, opening.items]]);
      const rest = await Promise.all(
        Array.from({ length: last - Math.max(from, 2) + 1 }, (_, index) => Math.max(from, 2) + index).map(
          async (page) => [page, (await this.#read(target, page)).items] as const
        )
      );
      if (generation !== this.#generation) return;
      for (const [page, items] of rest) pages.set(page, items);
      // Older pages loaded while this refresh ran stay shown: pages count from the first message, so they are still in place.
      let shownFrom = from;
      while (!first && shownFrom > this.#from) {
        const kept = pages.get(shownFrom - 1) ?? this.#pages.get(shownFrom - 1);
        if (!kept) break;
        pages.set(shownFrom - 1, kept);
        shownFrom--;
      }
      Object.assign(this, { total, status: 'ready', error: undefined });
      this.#pages = pages;
      this.#from = shownFrom;
      if (!first) {
        const arrived = messagesOfPages(pages, from, last).filter((message) => !known.has(message.id));
        if (arrived.length && known.size) this.#onArrived(arrived);
      }
    } catch (caught) {
      if (generation !== this.#generation) return;
      this.error = toRingsideError(caught);
      if (this.status !== 'ready') this.status = 'error';
    }
    this.#host.requestUpdate();
  }
}
