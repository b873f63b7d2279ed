import {
  registerMessages,
  requireSection,
  type Page,
  type RingsideError,
  type Ticket,
  type TicketMessage,
  type TicketSettings,
  type TicketSortField,
  type TicketsAdapter,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController } from '../base/query-controller.js';
import { RefreshTimer } from '../base/refresh-timer.js';
import { RingsideElement } from '../base/ringside-element.js';
import { sortMark } from '../base/sort-mark.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { ConversationController } from './conversation-controller.js';
import {
  ariaSort,
  initialListState,
  listKey,
  pageCount,
  pageRange,
  presetOptions,
  presetStatus,
  toTicketQuery,
  toggleSort,
  validPageSize,
  withPage,
  withPreset,
  withSearch,
  type ListState,
} from './list-query.js';
import messages from './locales/en.js';
import { TicketDetail } from './ticket-detail.js';
import type { TicketChangeDetail } from './ticket-events.js';
import { TicketForm } from './ticket-form.js';
import type { TicketListHost } from './ticket-host.js';
import { ticketListStyles } from './ticket-list.styles.js';
import { statusBadge, timeText } from './ticket-parts.js';

export type { TicketChangeDetail } from './ticket-events.js';

const SEARCH_DELAY_MS = 300;
const COLUMNS: { field: TicketSortField | null; key: string }[] = [
  { field: 'id', key: 'number' },
  { field: 'subject', key: 'subject' },
  { field: 'status', key: 'status' },
  { field: 'createdAt', key: 'created' },
  { field: 'updatedAt', key: 'updated' },
  { field: null, key: 'requestors' },
];

/**
 * @summary The customer's support tickets: a list with filters, search, sorting and pages; a form to
 * open a ticket (dependent topic selects, account, priority, attachments); and each ticket's
 * conversation with reply, close, reopen and escalate.
 *
 * @event rs-ticket-change - The user opened, replied to, closed, reopened or escalated a ticket.
 *   `detail: { action, ticketId }`.
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * @csspart base - The card.
 * @csspart table - The list of tickets.
 * @csspart new-ticket-button - The "New ticket" button.
 *
 * @cssproperty --rs-color-surface - Card background.
 * @cssproperty --rs-color-accent - Buttons, links, and the colour of new and open tickets.
 * @cssproperty --rs-color-warning - The colour of stalled tickets.
 * @cssproperty --rs-color-success - The colour of resolved tickets.
 * @cssproperty --rs-color-danger - Errors and the colour of rejected tickets.
 */
export class RsTicketList extends RingsideElement implements TicketListHost {
  static {
    registerMessages('ticket-list', {
      en: messages,
      languages: {
        de: () => import('./locales/de.js'),
        ar: () => import('./locales/ar.js'),
      },
    });
  }

  static override styles = [baseStyles, surfaceStyles, ticketListStyles];

  /** Hides everything that changes tickets (new ticket, reply, close, reopen, escalate). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Reloads the list (and an open ticket) every this many seconds while the page is visible; 0 turns it off. */
  @property({ type: Number, attribute: 'refresh-interval' })
  refreshInterval = 0;

  /** Tickets per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The ticket whose conversation is open; empty shows the list. Hosts may set it to link to a ticket. */
  @property({ attribute: 'ticket-id' }) ticketId = '';

  @state() private creating = false;
  @state() private listState: ListState = initialListState();
  @state() private announcement = '';

  protected readonly refreshTimer = new RefreshTimer(this, () => this.refreshInterval, () => this.env?.store.invalidate('tickets'));
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focusSelector: string | null = null;
  /** The ticket whose row to focus when the detail closes. */
  #returnTo: string | null = null;
  readonly #form = new TicketForm(this);
  readonly #detail = new TicketDetail(this);

  readonly settings: QueryController<TicketSettings> = new QueryController<TicketSettings>(this, () => ({
    key: 'ticket-settings',
    load: (adapter, signal) => requireSection(adapter, 'tickets').settings({ signal }),
  }));

  readonly list: QueryController<Page<Ticket>> = new QueryController<Page<Ticket>>(this, () => {
    const query = toTicketQuery(this.listState, new Date());
    return {
      key: listKey(query),
      load: (adapter, signal) => requireSection(adapter, 'tickets').list(query, { signal }),
    };
  });

  readonly ticket: QueryController<Ticket> = new QueryController<Ticket>(this, () => {
    const id = this.ticketId;
    return id
      ? {
          key: `tickets/${id}`,
          load: (adapter, signal) => requireSection(adapter, 'tickets').get(id, { signal }),
        }
      : null;
  });

  readonly conversation: ConversationController = new ConversationController(
    this,
    () => this.ticketId,
    (arrived) => this.#messagesArrived(arrived)
  );

  get shownTickets(): readonly Ticket[] {
    return this.list.value?.items ?? [];
  }

  get ticketSettings(): TicketSettings | undefined {
    return this.settings.value;
  }

  get canWrite(): boolean {
    return !this.readonly && !!this.env?.adapter?.capabilities.tickets.write;
  }

  tickets(): TicketsAdapter {
    return requireSection(this.env!.adapter!, 'tickets');
  }

  mutate<T>(change: (tickets: TicketsAdapter) => Promise<T>): Promise<T> {
    const environment = this.env!;
    return environment.store.mutate(() => change(requireSection(environment.adapter!, 'tickets')), { invalidates: ['tickets'] });
  }

  announce(message: string): void {
    // The same text twice must be heard twice: clear first, then say it.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  focusAfterUpdate(selector: string): void {
    this.#focusSelector = selector;
    this.requestUpdate();
  }

  changed(detail: TicketChangeDetail): void {
    if (detail.action === 'created') {
      this.creating = false;
      this.#open(detail.ticketId);
    }
    this.emit('rs-ticket-change', detail);
  }

  errorText(error: RingsideError): string {
    return this.errorMessage(error);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pageSize') && validPageSize(this.pageSize) !== this.listState.pageSize) {
      this.listState = {
        ...this.listState,
        pageSize: validPageSize(this.pageSize),
        page: 1,
      };
    }
    if (changed.has('ticketId')) this.#detail.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusSelector) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusSelector);
      if (target) {
        this.#focusSelector = null;
        target.focus();
      }
    }
  }

  protected override render(): TemplateResult {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.list.status === 'loading' ? 'true' : 'false'} lang=${this.i18n.locale}>
      <header>
        <h2 id="title">${this.t('tickets.title')}</h2>
        ${this.readonly ? html`<span class="badge">${this.t('common.readOnly')}</span>` : nothing}
        ${this.canWrite && !this.creating && !this.ticketId && !this.notConfigured && this.settings.hasValue
          ? html`<button type="button" class="primary" part="new-ticket-button" id="new-ticket" @click=${this.#startCreating}>${this.t('tickets.new')}</button>`
          : nothing}
      </header>
      <div role="status" class="status">${this.announcement}</div>
      ${this.notConfigured ? this.renderNotConfigured() : this.#renderBody()}
    </section>`;
  }


  #renderBody(): TemplateResult {
    if (this.creating && this.canWrite) {
      const settings = this.settings.value;
      if (!settings) return this.#renderQueryState(this.settings, 'tickets.loading');
      return this.#form.render(settings, this.#stopCreating);
    }
    if (this.ticketId) return this.#renderDetail();
    return this.#renderList();
  }

  #renderQueryState(query: QueryController<unknown>, loadingKey: string): TemplateResult {
    if (query.status === 'error' && query.error) return this.#renderError(query.error, () => query.retry());
    return html`<div role="status">
      <span class="visually-hidden">${this.t(loadingKey)}</span>
      <div class="skeleton"></div>
    </div>`;
  }

  #renderError(error: RingsideError, retry: () => void): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.errorMessage(error)}</p>
      <button type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const statuses = this.settings.value?.statuses ?? this.env?.adapter?.capabilities.tickets.statuses ?? [];
    const presets = presetOptions(statuses);
    if (!presets.includes(this.listState.preset)) presets.push(this.listState.preset);
    return html`<form class="filters" role="search" aria-label=${this.t('tickets.filters.label')} @submit=${this.#searchNow}>
      <div class="field">
        <label for="preset">${this.t('tickets.filters.show')}</label>
        <select id="preset" @change=${this.#choosePreset}>
          ${presets.map((preset) => html`<option value=${preset} ?selected=${preset === this.listState.preset}>${this.#presetLabel(preset)}</option>`)}
        </select>
      </div>
      <div class="field grow">
        <label for="search">${this.t('tickets.filters.search')}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.listState.search} @input=${this.#searchLater} />
      </div>
    </form>`;
  }

  #presetLabel(preset: string): string {
    const status = presetStatus(preset);
    if (status === null) return this.t(`tickets.filters.${preset}`);
    const key = `tickets.status.${status}`;
    return this.i18n.has(key) ? this.t(key) : status;
  }

  #renderList(): TemplateResult {
    const { status, value, error, refreshing } = this.list;
    let body: TemplateResult;
    if (!value) {
      body = this.#renderQueryState(this.list, 'tickets.loading');
    } else {
      body = html`${error ? this.#renderError(error, () => this.list.retry()) : nothing}
      ${value.items.length
        ? this.#renderTable(value)
        : html`<p class="hint empty">${this.t(this.listState.search ? 'tickets.emptySearch' : `tickets.empty.${this.#emptyKind()}`)}</p>`}
      ${this.#renderPager(value)}`;
    }
    return html`${this.#renderFilters()}
      <div class="refreshing" aria-hidden="true">${refreshing && status === 'ready' ? this.t('common.refreshing') : nothing}</div>
      ${body}`;
  }

  #emptyKind(): string {
    const preset = this.listState.preset;
    return preset === 'open' || preset === 'recent' ? preset : 'other';
  }

  #renderTable(page: Page<Ticket>): TemplateResult {
    const now = new Date();
    return html`<div class="table-wrap">
      <table part="table" aria-labelledby="title" aria-describedby="page-summary">
        <thead>
          <tr>
            ${COLUMNS.map(({ field, key }) =>
              field
                ? html`<th scope="col" aria-sort=${ariaSort(this.listState, field)}>
                    <button type="button" class="sort" @click=${() => this.#sortBy(field)}>
                      ${this.t(`tickets.columns.${key}`)}${sortMark(ariaSort(this.listState, field))}
                    </button>
                  </th>`
                : html`<th scope="col">${this.t(`tickets.columns.${key}`)}</th>`
            )}
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (ticket) => html`<tr>
              <td class="number">${ticket.id}</td>
              <th scope="row" class="subject">
                <button type="button" class="link" data-ticket=${ticket.id} @click=${() => this.#open(ticket.id)}>
                  ${ticket.subject || this.t('tickets.noSubject')}
                </button>
                ${ticket.escalated ? html`<span class="badge">${this.t('tickets.escalatedBadge')}</span>` : nothing}
              </th>
              <td>${statusBadge(this.i18n, ticket.status)}</td>
              <td>${timeText(this.i18n, ticket.createdAt, now)}</td>
              <td>${timeText(this.i18n, ticket.updatedAt, now)}</td>
              <td>${this.i18n.format.list(ticket.requestors)}</td>
            </tr>`
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderPager(page: Page<Ticket>): TemplateResult {
    const pages = pageCount(page.total, this.listState.pageSize);
    const { first, last } = pageRange(this.listState.page, this.listState.pageSize, page.total);
    const summary = page.total
      ? this.t('tickets.pager.summary', {
          first: this.i18n.format.number(first),
          last: this.i18n.format.number(last),
          total: this.i18n.format.number(page.total),
          count: page.total,
        })
      : '';
    return html`<nav class="pager" aria-label=${this.t('tickets.pager.label')}>
      <p class="hint" id="page-summary">${summary}</p>
      ${pages > 1
        ? html`<button type="button" ?disabled=${this.listState.page <= 1} @click=${() => this.#goToPage(this.listState.page - 1, page.total)}>
              ${this.t('tickets.pager.previous')}
            </button>
            <span class="hint"
              >${this.t('tickets.pager.page', {
                page: this.i18n.format.number(this.listState.page),
                pages: this.i18n.format.number(pages),
              })}</span
            >
            <button type="button" ?disabled=${this.listState.page >= pages} @click=${() => this.#goToPage(this.listState.page + 1, page.total)}>
              ${this.t('tickets.pager.next')}
            </button>`
        : nothing}
    </nav>`;
  }

  #renderDetail(): TemplateResult {
    const { value: ticket, status, error } = this.ticket;
    const now = new Date();
    const title = ticket
      ? this.t('tickets.detail.title', {
          id: ticket.id,
          subject: ticket.subject,
        })
      : this.t('tickets.detail.titleLoading', { id: this.ticketId });
    let body: TemplateResult;
    if (!ticket || ticket.id !== this.ticketId) {
      body = status === 'error' && error ? this.#renderError(error, () => this.ticket.retry()) : this.#renderQueryState(this.ticket, 'tickets.detail.loading');
    } else {
      body = html`${error ? this.#renderError(error, () => this.ticket.retry()) : nothing} ${this.#detail.renderFacts(ticket, this.settings.value, now)}
      ${this.#detail.renderActions(ticket)} ${this.#detail.renderConversation(ticket, this.conversation, now)}`;
    }
    return html`<div class="detail" role="region" aria-labelledby="detail-title">
      <div>
        <button type="button" class="back" @click=${this.#close}>${this.t('tickets.detail.back')}</button>
      </div>
      <h3 id="detail-title" tabindex="-1">${title}</h3>
      ${body}
    </div>`;
  }

  #open(id: string): void {
    this.#returnTo = id;
    this.ticketId = id;
    this.focusAfterUpdate('#detail-title');
  }

  #close = (): void => {
    this.ticketId = '';
    this.focusAfterUpdate(this.#returnTo ? `[data-ticket="${CSS.escape(this.#returnTo)}"]` : '#title');
    // The row may be on another page now, or not loaded yet: fall back to the list's heading.
    void this.updateComplete.then(() => {
      if (this.#focusSelector && !this.renderRoot.querySelector(this.#focusSelector)) this.focusAfterUpdate('#search');
    });
  };

  #startCreating = (): void => {
    this.creating = true;
    this.ticketId = '';
    this.#form.opened();
    this.focusAfterUpdate('#subject');
  };

  #stopCreating = (): void => {
    this.creating = false;
    this.focusAfterUpdate('#new-ticket');
  };

  #choosePreset = (event: Event): void => {
    this.listState = withPreset(this.listState, (event.target as HTMLSelectElement).value);
  };

  #searchLater = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.listState = withSearch(this.listState, text);
    }, SEARCH_DELAY_MS);
  };

  #searchNow = (event: Event): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    this.listState = withSearch(this.listState, input?.value ?? '');
  };

  #sortBy(field: TicketSortField): void {
    this.listState = toggleSort(this.listState, field);
  }

  #goToPage(page: number, total: number): void {
    this.listState = withPage(this.listState, page, total);
  }

  #messagesArrived(arrived: TicketMessage[]): void {
    const answer = arrived.filter((message) => message.author.role === 'agent').at(-1);
    if (answer) this.announce(this.t('tickets.detail.newAnswer', { name: answer.author.name }));
  }
}
