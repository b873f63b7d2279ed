import {
  registerMessages,
  requireSection,
  toRingsideError,
  type Extension,
  type ExtensionCapabilities,
  type ExtensionSettings,
  type ExtensionSortField,
  type HuntGroup,
  type PhoneLine,
  type RingsideAdapter,
  type RingsideError,
  type RingsideStore,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { QueryController } from '../base/query-controller.js';
import { RingsideElement } from '../base/ringside-element.js';
import { sortMark } from '../base/sort-mark.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { gridTemplate, minimumWidth, visibleColumns, type Column } from './columns.js';
import { toCsv } from './csv.js';
import type { ExtensionEditorHost } from './editor-host.js';
import type { ExtensionEditor } from './extension-editor.js';
import { extensionTableStyles } from './extension-table.styles.js';
import { moveInGrid, type GridCell } from './grid-navigation.js';
import { ariaSort, INITIAL_VIEW, toggleSort, toQuery, viewKey, type ListView } from './list-query.js';
import messages from './locales/en.js';
import { collectAll, RowCache, type PageLoader } from './page-cache.js';
import { rowsPerPage, rowWindow, scrollToShow, type RowWindow } from './windowing.js';
import './events.js';

export type { ExtensionDeletedDetail, ExtensionExportDetail, ExtensionSavedDetail } from './events.js';

const PAGE_SIZE = 100;
const EXPORT_PAGE_SIZE = 500;
const OVERSCAN = 2;
/** Until the first row is measured. */
const DEFAULT_ROW_HEIGHT = 44;

/** The translated texts of cells: values, a row still loading, and the controls' names for an extension. */
interface ValueTexts {
  loading: string;
  none: string;
  yes: string;
  no: string;
  set: string;
  notSet: string;
  edit: string;
  delete: string;
  /** The number of a phone line, the name of a hunt group; see #lookup for ids not (yet) known. */
  lineNumber: (id: string) => string;
  groupName: (id: string) => string;
  selectRow: (number: string) => string;
  editRow: (number: string) => string;
  deleteRow: (number: string) => string;
}

/** Stands for the value while a message is translated once for every row. */
const ROW_VALUE = '\uE000';

/** What every row of one render shares, worked out once per render rather than once per cell. */
interface RowRendering {
  columns: Column[];
  /** The cell that holds the grid's one tab stop (row 0 is the header). */
  tabStop: GridCell;
  texts: ValueTexts;
}

const tabIndexAt = (tabStop: GridCell, row: number, col: number): number => (tabStop.row === row && tabStop.col === col ? 0 : -1);

interface Notice {
  text: string;
  tone: 'danger' | 'info';
}

type Section = NonNullable<RingsideAdapter['extensions']>;

/**
 * @summary The extensions of a business customer's PBX: a virtualized, sortable, searchable grid
 * for 5 or 10,000 extensions, with add, edit, delete (one or many), and CSV export.
 *
 * @event rs-extension-saved - An extension was added or changed. `detail: { id, number, created }`.
 * @event rs-extension-deleted - Extensions were deleted. `detail: { ids, numbers }`.
 * @event rs-extension-export - A CSV file is ready. `detail: { filename, csv, count }`. Cancelable:
 *   cancel it to handle the file yourself instead of the browser's download.
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * @csspart base - The widget's frame.
 * @csspart table - The scrolling area that holds the grid.
 * @csspart add-button - The "Add extension" button.
 *
 * @cssproperty --rs-extension-table-height - Height of the scrolling grid; default `26rem`.
 * @cssproperty --rs-color-surface - Background.
 * @cssproperty --rs-color-accent - Buttons, the focused cell.
 * @cssproperty --rs-color-danger - Validation messages and delete buttons.
 */
export class RsExtensionTable extends RingsideElement implements ExtensionEditorHost {
  static {
    registerMessages('extension-table', {
      en: messages,
      languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
    });
  }

  static override styles = [baseStyles, surfaceStyles, extensionTableStyles];

  /** Shows the extensions without any way to change them (e.g. for account-level users). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private view: ListView = INITIAL_VIEW;
  @state() private bodyScrollTop = 0;
  @state() private viewportHeight = 400;
  @state() private rowHeight = DEFAULT_ROW_HEIGHT;
  @state() private active: GridCell = { row: 1, col: 0 };
  @state() private selection = new Map<string, Extension>();
  @state() private selectingAll = false;
  @state() private editor: ExtensionEditor | null = null;
  @state() private confirming: Extension[] | null = null;
  @state() private deleting = false;
  @state() private exporting = false;
  @state() private notice: Notice | null = null;
  @state() private announcement = '';

  readonly rows: RowCache<Extension> = new RowCache<Extension>(() => Promise.reject(new Error('not connected')), {
    pageSize: PAGE_SIZE,
    onChange: () => this.requestUpdate(),
  });

  readonly settings: QueryController<ExtensionSettings> = new QueryController<ExtensionSettings>(this, () =>
    this.canRead ? { key: 'extensions/settings', load: (adapter, signal) => requireSection(adapter, 'extensions').settings({ signal }) } : null
  );

  readonly phoneLines: QueryController<PhoneLine[]> = new QueryController<PhoneLine[]>(this, () =>
    this.canRead && this.hasField('phoneLine')
      ? { key: 'extensions/phone-lines', load: (adapter, signal) => requireSection(adapter, 'extensions').listPhoneLines({ signal }) }
      : null
  );

  readonly huntGroups: QueryController<HuntGroup[]> = new QueryController<HuntGroup[]>(this, () =>
    this.env?.adapter?.capabilities.huntGroups.read && this.env.adapter.huntGroups
      ? {
          key: 'huntGroups/all',
          load: (adapter, signal) => collectAll((page, pageSize) => requireSection(adapter, 'huntGroups').list({ page, pageSize }, { signal }), 500),
        }
      : null
  );

  #source: { store: RingsideStore; adapter: RingsideAdapter; key: string } | null = null;
  #unsubscribe: (() => void) | null = null;
  #resizeObserver: ResizeObserver | undefined;
  #observedScroller: HTMLElement | null = null;
  #returnFocus: { cell: GridCell } | { element: HTMLElement } | null = null;
  #focusAfterUpdate: GridCell | null = null;
  #gridHadFocus = false;

  private get canRead(): boolean {
    return !!this.env?.adapter?.capabilities.extensions.read && !!this.env.adapter.extensions;
  }

  private get canWrite(): boolean {
    return !this.readonly && this.canRead && !!this.env?.adapter?.capabilities.extensions.write;
  }

  /** The optional fields to show: the adapter's, but the primary group only when the hunt groups can be read to name them. */
  private get fields(): ExtensionCapabilities['fields'] {
    const adapter = this.env?.adapter;
    const fields = adapter?.capabilities.extensions.fields ?? [];
    return adapter?.capabilities.huntGroups.read && adapter.huntGroups ? fields : fields.filter((field) => field !== 'primaryGroup');
  }

  /** @internal */
  hasField(field: ExtensionCapabilities['fields'][number]): boolean {
    return this.fields.includes(field);
  }

  private get columns(): Column[] {
    return visibleColumns(this.fields, this.canWrite);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnectSource();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observedScroller = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#gridHadFocus = !!(this.shadowRoot?.activeElement as HTMLElement | null)?.closest('[role="grid"]');
    this.#connectSource();
    // Before rendering, so the grid says it is busy while the rows it is about to show load.
    if (this.#source) {
      const { first, end } = this.#window();
      void this.rows.ensure(first, Math.max(first, end - 1));
    }
  }

  /** The cell that holds the tab stop, kept inside the grid as rows and columns come and go. */
  #activeCell(): GridCell {
    return { row: Math.min(this.active.row, this.rows.total ?? 0), col: Math.min(this.active.col, this.columns.length - 1) };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#observeGeometry();
    this.#applyGeometry();
    if (this.#focusAfterUpdate) {
      const cell = this.#focusAfterUpdate;
      this.#focusAfterUpdate = null;
      this.#cellTarget(cell)?.focus();
    } else if (this.#gridHadFocus && !(this.shadowRoot?.activeElement as HTMLElement | null)?.hasAttribute('data-row')) {
      // The focused element stopped being a cell (a loading row's cell handed its place to the
      // row's checkbox or button, or the row went away): keep the focus on the same cell.
      this.#cellTarget(this.#activeCell())?.focus();
    }
    const editor = this.#dialog('editor');
    if (editor && !editor.open) editor.showModal();
    const confirm = this.#dialog('confirm');
    if (confirm && !confirm.open) confirm.showModal();
  }

  // --- data source ------------------------------------------------------------------------------

  /** Points the row cache at the current adapter and view; a change of either starts afresh. */
  #connectSource(): void {
    const store = this.env?.store;
    const adapter = this.env?.adapter;
    if (!store || !adapter || !this.canRead) {
      this.#disconnectSource();
      return;
    }
    const key = viewKey(this.view);
    const current = this.#source;
    if (current?.store === store && current.adapter === adapter && current.key === key) return;
    if (current?.store !== store) {
      this.#unsubscribe?.();
      this.#unsubscribe = store.subscribe('extensions/list', () => this.rows.refresh());
    }
    const sameBackend = current?.store === store && current.adapter === adapter;
    this.#source = { store, adapter, key };
    this.rows.reset(this.#loaderFor(this.view), { keepRows: sameBackend });
    // Another order or filter starts at its top (written only when scrolled: writing scrollTop forces a layout).
    if (this.bodyScrollTop !== 0 && this.#scroller) this.#scroller.scrollTop = 0;
    this.bodyScrollTop = 0;
    this.selection = new Map();
  }

  #disconnectSource(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#source = null;
  }

  /** Pages of a view, read through the store (shared, cached, retried) from the adapter. */
  #loaderFor(view: ListView): PageLoader<Extension> {
    const key = viewKey(view);
    return (page, pageSize) => {
      const source = this.#source;
      if (!source) return Promise.reject(toRingsideError(new Error('not connected')));
      return source.store.read(`extensions/list?${key}&page=${page}&size=${pageSize}`, (signal) =>
        requireSection(source.adapter, 'extensions').list(toQuery(view, page, pageSize), { signal })
      );
    };
  }

  #section(): Section {
    return requireSection(this.env!.adapter!, 'extensions');
  }

  // --- geometry ---------------------------------------------------------------------------------

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  #headerHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('.head')?.offsetHeight ?? 0;
  }

  /**
   * Measures through the ResizeObserver only: its first report (and every later one) comes after
   * layout, outside Lit's update, so a changed height costs one update, not one per render. The
   * body is observed too, as its height changes when the first rows arrive.
   */
  #observeGeometry(): void {
    const scroller = this.#scroller;
    if (scroller === this.#observedScroller) return;
    this.#observedScroller = scroller;
    this.#resizeObserver ??= new ResizeObserver(() => this.#measure());
    this.#resizeObserver.disconnect();
    if (!scroller) return;
    this.#resizeObserver.observe(scroller);
    const body = scroller.querySelector('.body');
    if (body) this.#resizeObserver.observe(body);
  }

  #measure(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const viewport = Math.max(0, scroller.clientHeight - this.#headerHeight());
    if (viewport && viewport !== this.viewportHeight) this.viewportHeight = viewport;
    const row = this.renderRoot.querySelector<HTMLElement>('.body [role="row"]');
    if (row?.offsetHeight && row.offsetHeight !== this.rowHeight) this.rowHeight = row.offsetHeight;
  }

  /**
   * Column tracks and the rows' place in the scroll area, set through CSSOM: a `style` attribute
   * (also styleMap's first render) is refused by a strict `style-src` Content-Security-Policy.
   */
  #applyGeometry(): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('[role="grid"]');
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (!grid || !body) return;
    const columns = this.columns;
    const window = this.#window();
    grid.style.setProperty('--columns', gridTemplate(columns));
    grid.style.minInlineSize = `${minimumWidth(columns)}rem`;
    body.style.blockSize = `${window.height}px`;
    body.style.paddingBlockStart = `${window.offset}px`;
  }

  #window() {
    return rowWindow({
      scrollTop: this.bodyScrollTop,
      viewportHeight: this.viewportHeight,
      rowHeight: this.rowHeight,
      total: this.rows.total ?? 0,
      overscan: OVERSCAN,
    });
  }

  #onScroll = (event: Event) => {
    this.bodyScrollTop = (event.target as HTMLElement).scrollTop;
  };

  // --- rendering --------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<section part="base" aria-labelledby="title" lang=${this.i18n.locale}>
      ${this.#renderHeader()}
      <div role="status" class="status">${this.announcement}</div>
      ${this.#renderNotice()} ${this.#renderBody()} ${this.editor?.render() ?? nothing} ${this.#renderConfirm()}
    </section>`;
  }

  #renderHeader(): TemplateResult {
    const total = this.rows.total;
    return html`<header>
      <h2 id="title">${this.t('extensionTable.title')}</h2>
      ${total !== null && this.#source
        ? html`<span class="hint">${this.t('extensionTable.count', { count: total, total: this.i18n.format.number(total) })}</span>`
        : nothing}
      ${this.readonly || (this.canRead && !this.canWrite) ? html`<span class="badge">${this.t('common.readOnly')}</span>` : nothing}
    </header>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    if (!this.notice) return nothing;
    return html`<div class="alert ${this.notice.tone}" role=${this.notice.tone === 'danger' ? 'alert' : 'status'}>
      <p>${this.notice.text}</p>
      <button type="button" @click=${() => (this.notice = null)}>${this.t('extensionTable.dismiss')}</button>
    </div>`;
  }

  #renderBody(): TemplateResult {
    if (this.notConfigured) return this.renderNotConfigured();
    if (!this.canRead) return html`<p class="hint" role="status">${this.t('extensionTable.unsupported')}</p>`;
    const total = this.rows.total;
    const error = this.rows.error;
    // A failed first load shows only the error; a failed search or sort keeps the toolbar with what the user typed.
    if (total === null && error && viewKey(this.view) === viewKey(INITIAL_VIEW)) return this.#renderError(error);
    return html`${this.#renderToolbar()} ${error ? this.#renderError(error) : nothing}
    ${total === null
      ? error
        ? nothing
        : html`<div role="status">
            <span class="visually-hidden">${this.t('extensionTable.loading')}</span>
            <div class="skeleton"></div>
          </div>`
      : this.#renderGrid(total)}`;
  }

  #renderError(error: RingsideError): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.errorMessage(error)}</p>
      <button type="button" @click=${() => this.#retry()}>${this.t('common.retry')}</button>
    </div>`;
  }

  #retry(): void {
    this.#source?.store.invalidate('extensions/list');
    this.rows.retry();
  }

  #renderToolbar(): TemplateResult {
    const groups = this.huntGroups.value ?? [];
    const selected = this.selection.size;
    return html`<div class="toolbar">
      <div class="field search">
        <label for="search">${this.t('extensionTable.search')}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          placeholder=${this.t('extensionTable.searchHint')}
          .value=${live(this.view.search)}
          @input=${(event: Event) => (this.view = { ...this.view, search: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${this.huntGroups.status !== 'idle'
        ? html`<div class="field">
            <label for="group">${this.t('extensionTable.group')}</label>
            <select id="group" @change=${(event: Event) => (this.view = { ...this.view, groupId: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!this.view.groupId}>${this.t('extensionTable.allGroups')}</option>
              ${groups.map((group) => html`<option value=${group.id} ?selected=${group.id === this.view.groupId}>${group.number} ${group.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="actions">
        <button type="button" ?disabled=${!this.rows.total} aria-disabled=${this.exporting ? 'true' : nothing} @click=${this.#export}>
          ${this.t(this.exporting ? 'extensionTable.exporting' : 'extensionTable.export')}
        </button>
        ${this.canWrite
          ? html`${selected
                ? html`<button
                    type="button"
                    class="danger"
                    ?disabled=${this.deleting}
                    @click=${(event: Event) => this.#askDelete([...this.selection.values()], event)}
                  >
                    ${this.t('extensionTable.deleteSelected', { count: selected, total: this.i18n.format.number(selected) })}
                  </button>`
                : nothing}
              <button type="button" class="primary" part="add-button" @click=${(event: Event) => this.#openEditor(undefined, event)}>
                ${this.t('extensionTable.add')}
              </button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderGrid(total: number): TemplateResult {
    const window = this.#window();
    const rendering: RowRendering = { columns: this.columns, tabStop: this.#tabStop(window), texts: this.#valueTexts(true) };
    const rows: TemplateResult[] = [];
    for (let index = window.first; index < window.end; index++) rows.push(this.#renderRow(index, rendering));
    const filtered = !!(this.view.search.trim() || this.view.groupId);
    return html`<div class="scroller" part="table" @scroll=${this.#onScroll}>
        <div
          role="grid"
          aria-labelledby="title"
          aria-describedby="grid-hint"
          aria-rowcount=${total + 1}
          aria-colcount=${rendering.columns.length}
          aria-multiselectable=${this.canWrite ? 'true' : nothing}
          aria-busy=${this.rows.loading ? 'true' : 'false'}
          @keydown=${this.#onGridKeydown}
          @focusin=${this.#onGridFocus}
        >
          <div role="rowgroup" class="head">
            <div role="row" aria-rowindex="1">${rendering.columns.map((column, col) => this.#renderHeaderCell(column, col, rendering.tabStop))}</div>
          </div>
          <div role="rowgroup" class="body">${rows}</div>
        </div>
      </div>
      <p class="hint" id="grid-hint">${this.t('extensionTable.keyboardHint')}</p>
      ${total === 0 ? html`<p class="empty">${this.t(filtered ? 'extensionTable.emptyFiltered' : 'extensionTable.empty')}</p>` : nothing}`;
  }

  /** The cell that holds the tab stop; when the active row scrolled out of the rendered window, the first rendered row takes it. */
  #tabStop({ first, end }: RowWindow): GridCell {
    const active = this.#activeCell();
    const rendered = active.row === 0 || (active.row - 1 >= first && active.row - 1 < end) || !this.rows.total;
    return rendered ? active : { row: first + 1, col: active.col };
  }

  #renderHeaderCell(column: Column, col: number, tabStop: GridCell): TemplateResult {
    const tabindex = tabIndexAt(tabStop, 0, col);
    const cell = (content: TemplateResult | string, sort?: ExtensionSortField) =>
      html`<div role="columnheader" aria-colindex=${col + 1} aria-sort=${sort ? ariaSort(this.view, sort) : nothing} class=${`cell ${column.id}`}>
        ${content}
      </div>`;
    if (column.id === 'select') {
      const total = this.rows.total ?? 0;
      const all = total > 0 && this.selection.size >= total;
      return cell(
        html`<input
          type="checkbox"
          data-row="0"
          data-col=${col}
          tabindex=${tabindex}
          aria-label=${this.t('extensionTable.selectAll')}
          .checked=${live(all)}
          .indeterminate=${this.selection.size > 0 && !all}
          ?disabled=${this.selectingAll || total === 0}
          @change=${this.#toggleAll}
        />`
      );
    }
    if (column.id === 'edit' || column.id === 'delete') {
      return cell(html`<span data-row="0" data-col=${col} tabindex=${tabindex} class="header-label">${this.t(`extensionTable.column.${column.id}`)}</span>`);
    }
    const sort = column.sort!;
    return cell(
      html`<button type="button" class="sort" data-row="0" data-col=${col} tabindex=${tabindex} @click=${() => this.#sortBy(sort)}>
        ${this.t(`extensionTable.column.${column.id}`)}${sortMark(ariaSort(this.view, sort))}
      </button>`,
      sort
    );
  }

  // Rows and cells are the bulk of the DOM, so their templates stay on one line (prettier-ignore):
  // whitespace between tags would add text nodes to every cell, and text goes in via `.textContent`
  // rather than a child binding, which adds comment markers. A row still loading uses the same cell
  // templates with empty text, so its elements are reused, not rebuilt, when the row arrives.
  #renderRow(index: number, rendering: RowRendering): TemplateResult {
    const extension = this.rows.rowAt(index);
    const row = index + 1;
    const selected = this.canWrite ? String(!!extension && this.selection.has(extension.id)) : nothing;
    const cells = rendering.columns.map((column, col) => this.#renderCell(extension, column, row, col, rendering));
    // prettier-ignore
    return html`<div role="row" aria-rowindex=${index + 2} aria-selected=${selected} class=${extension ? 'loaded' : 'placeholder'}>${cells}</div>`;
  }

  #renderCell(extension: Extension | undefined, column: Column, row: number, col: number, { tabStop, texts }: RowRendering): TemplateResult {
    const tabindex = tabIndexAt(tabStop, row, col);
    if (column.data) {
      // The first column of a row still loading tells screen readers so; a grey bar shows it to the eye.
      const text = extension ? this.#cellText(extension, column.id, texts) : column.id === 'number' ? texts.loading : '';
      // prettier-ignore
      return html`<div role="gridcell" aria-colindex=${col + 1} class=${`cell ${column.id}`} data-row=${row} data-col=${col} tabindex=${tabindex} .textContent=${text}></div>`;
    }
    // The control takes the cell's place in the keyboard grid; while the row loads, the cell itself does.
    const control = extension ? this.#renderControl(extension, column, row, col, tabindex, texts) : null;
    // prettier-ignore
    return html`<div role="gridcell" aria-colindex=${col + 1} class=${`cell ${column.id}`} data-row=${control ? nothing : row} data-col=${control ? nothing : col} tabindex=${control ? nothing : tabindex}>${control ?? nothing}</div>`;
  }

  /** The checkbox or button of a control column. */
  #renderControl(extension: Extension, column: Column, row: number, col: number, tabindex: number, texts: ValueTexts): TemplateResult {
    const number = extension.number;
    if (column.id === 'select') {
      const toggle = (event: Event) => this.#toggleRow(extension, (event.target as HTMLInputElement).checked);
      // prettier-ignore
      return html`<input type="checkbox" data-row=${row} data-col=${col} tabindex=${tabindex} aria-label=${texts.selectRow(number)} .checked=${live(this.selection.has(extension.id))} @change=${toggle} />`;
    }
    const edit = column.id === 'edit';
    const act = (event: Event) => (edit ? this.#openEditor(extension, event) : this.#askDelete([extension], event));
    // prettier-ignore
    return html`<button type="button" class=${edit ? '' : 'danger'} data-row=${row} data-col=${col} tabindex=${tabindex} aria-label=${edit ? texts.editRow(number) : texts.deleteRow(number)} @click=${act} .textContent=${edit ? texts.edit : texts.delete}></button>`;
  }

  /**
   * The texts of cells, translated once per render rather than once per cell. `forScreen`: a
   * line or group still being looked up shows blank rather than its internal id (an export
   * writes the id rather than nothing).
   */
  #valueTexts(forScreen: boolean): ValueTexts {
    return {
      lineNumber: this.#lookup(this.phoneLines, this.#lineById(), (line) => line.number, forScreen),
      groupName: this.#lookup(this.huntGroups, this.#groupById(), (group) => group.name, forScreen),
      loading: this.t('extensionTable.loadingRow'),
      none: this.t('extensionTable.value.none'),
      yes: this.t('extensionTable.value.yes'),
      no: this.t('extensionTable.value.no'),
      set: this.t('extensionTable.value.set'),
      notSet: this.t('extensionTable.value.notSet'),
      edit: this.t('extensionTable.column.edit'),
      delete: this.t('extensionTable.column.delete'),
      selectRow: this.#perRow('extensionTable.selectRow'),
      editRow: this.#perRow('extensionTable.editRow'),
      deleteRow: this.#perRow('extensionTable.deleteRow'),
    };
  }

  /** Names an id through a lookup list; an id the list lacks is shown as sent, once the list has loaded (or failed). */
  #lookup<T>(query: QueryController<T[]>, byId: Map<string, T>, label: (item: T) => string, blankWhilePending: boolean): (id: string) => string {
    const pending = query.status === 'idle' || query.status === 'loading';
    return (id) => {
      const item = byId.get(id);
      if (item) return label(item);
      return blankWhilePending && pending ? '' : id;
    };
  }

  /** A message naming an extension, translated once with the number left open; each row fills it in. */
  #perRow(key: string): (number: string) => string {
    const parts = this.t(key, { number: ROW_VALUE }).split(ROW_VALUE);
    return (number) => parts.join(number);
  }

  /** The text of a data cell, as shown and as exported. Values the widget does not know are shown as they are. */
  #cellText(extension: Extension, column: Column['id'], texts: ValueTexts): string {
    switch (column) {
      case 'number':
        return extension.number;
      case 'name':
        return extension.name;
      case 'phoneLine':
        return extension.phoneLineId ? texts.lineNumber(extension.phoneLineId) : texts.none;
      case 'primaryGroup':
        return extension.primaryGroupId ? texts.groupName(extension.primaryGroupId) : texts.none;
      case 'published':
        return extension.published ? texts.yes : texts.no;
      case 'recordedName':
        return extension.hasRecordedName ? texts.set : texts.notSet;
      default:
        return '';
    }
  }

  #lines: { source: PhoneLine[] | undefined; map: Map<string, PhoneLine> } = { source: undefined, map: new Map() };
  #groups: { source: HuntGroup[] | undefined; map: Map<string, HuntGroup> } = { source: undefined, map: new Map() };

  #lineById(): Map<string, PhoneLine> {
    if (this.#lines.source !== this.phoneLines.value)
      this.#lines = { source: this.phoneLines.value, map: new Map((this.phoneLines.value ?? []).map((line) => [line.id, line])) };
    return this.#lines.map;
  }

  #groupById(): Map<string, HuntGroup> {
    if (this.#groups.source !== this.huntGroups.value)
      this.#groups = { source: this.huntGroups.value, map: new Map((this.huntGroups.value ?? []).map((group) => [group.id, group])) };
    return this.#groups.map;
  }

  // --- sorting, selection, keyboard -------------------------------------------------------------

  #sortBy(field: ExtensionSortField): void {
    this.view = toggleSort(this.view, field);
  }

  #toggleRow(extension: Extension, checked: boolean): void {
    const selection = new Map(this.selection);
    if (checked) selection.set(extension.id, extension);
    else selection.delete(extension.id);
    this.selection = selection;
  }

  #toggleAll = async () => {
    const total = this.rows.total ?? 0;
    if (this.selection.size >= total) {
      this.selection = new Map();
      return;
    }
    this.selectingAll = true;
    const key = this.#source?.key;
    try {
      const all = await collectAll(this.#loaderFor(this.view), EXPORT_PAGE_SIZE);
      if (key === this.#source?.key) this.selection = new Map(all.map((extension) => [extension.id, extension]));
    } catch (error) {
      this.notice = { tone: 'danger', text: this.errorMessage(toRingsideError(error)) };
    } finally {
      this.selectingAll = false;
    }
  };

  #cellTarget(cell: GridCell): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="grid"] [data-row="${cell.row}"][data-col="${cell.col}"]`);
  }

  #cellOf(event: Event): GridCell | null {
    const target = (event.composedPath()[0] as HTMLElement).closest?.('[data-row]');
    if (!target) return null;
    return { row: Number(target.getAttribute('data-row')), col: Number(target.getAttribute('data-col')) };
  }

  #onGridFocus = (event: FocusEvent) => {
    const cell = this.#cellOf(event);
    if (cell && (cell.row !== this.active.row || cell.col !== this.active.col)) this.active = cell;
  };

  #onGridKeydown = (event: KeyboardEvent) => {
    const cell = this.#cellOf(event);
    if (!cell) return;
    const total = this.rows.total ?? 0;
    const target = event.composedPath()[0] as HTMLElement;
    const onControl = target.localName === 'button' || target.localName === 'input';
    const extension = cell.row > 0 ? this.rows.rowAt(cell.row - 1) : undefined;
    if (event.key === 'Enter' && !onControl && extension && this.canWrite) {
      event.preventDefault();
      this.#openEditor(extension, event);
      return;
    }
    if (event.key === 'Delete' && extension && this.canWrite) {
      event.preventDefault();
      this.#askDelete([extension], event);
      return;
    }
    const next = moveInGrid(
      event.key,
      cell,
      { rows: total, cols: this.columns.length, pageRows: rowsPerPage(this.viewportHeight, this.rowHeight), rtl: this.i18n.dir === 'rtl' },
      event.ctrlKey || event.metaKey
    );
    if (!next) return;
    event.preventDefault();
    this.#focusCell(next);
  };

  /** Moves the roving focus, scrolling the row into view first when needed. */
  #focusCell(cell: GridCell): void {
    this.active = cell;
    const scroller = this.#scroller;
    if (scroller && cell.row > 0) {
      const top = scrollToShow(cell.row - 1, scroller.scrollTop, this.viewportHeight, this.rowHeight);
      if (top !== scroller.scrollTop) {
        scroller.scrollTop = top;
        this.bodyScrollTop = top;
      }
    }
    this.#focusAfterUpdate = cell;
    this.requestUpdate();
  }

  #rememberFocus(event: Event | undefined): void {
    const cell = event && this.#cellOf(event);
    const origin = event?.composedPath()[0];
    this.#returnFocus = cell ? { cell } : origin instanceof HTMLElement ? { element: origin } : null;
  }

  async #restoreFocus(): Promise<void> {
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (!target) return;
    await this.updateComplete;
    if ('element' in target && target.element.isConnected && !target.element.matches(':disabled')) {
      target.element.focus();
      return;
    }
    const total = this.rows.total ?? 0;
    const cell = 'cell' in target ? target.cell : this.#activeCell();
    this.#focusCell({ row: Math.min(cell.row, total), col: cell.col });
  }

  #dialog(id: 'editor' | 'confirm'): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
  }

  // --- add and edit -----------------------------------------------------------------------------

  async #openEditor(extension: Extension | undefined, event?: Event): Promise<void> {
    if (!this.canWrite || this.editor) return;
    this.#rememberFocus(event);
    try {
      const { ExtensionEditor } = await import('./extension-editor.js');
      if (this.isConnected && this.canWrite && !this.editor) this.editor = new ExtensionEditor(this, extension);
    } catch (error) {
      this.notice = { tone: 'danger', text: this.errorMessage(toRingsideError(error)) };
    }
  }

  /** @internal For the editor: the store and adapter the table reads through. */
  get backend(): { store: RingsideStore; adapter: RingsideAdapter } {
    return this.#source!;
  }

  /** @internal For the editor: what the form checks against and offers. */
  get lookups(): ExtensionEditorHost['lookups'] {
    return {
      numberLength: this.settings.value?.numberLength ?? null,
      huntGroups: this.huntGroups.value ?? [],
      phoneLines: this.phoneLines.value ?? [],
      groupById: this.#groupById(),
    };
  }

  /** @internal */
  errorText(error: RingsideError): string {
    return this.errorMessage(error);
  }

  /** @internal */
  announce(message: string): void {
    this.announcement = message;
  }

  /** @internal */
  editorSaved(saved: Extension, created: boolean): void {
    this.announcement = this.t(created ? 'extensionTable.added' : 'extensionTable.saved', { number: saved.number });
    this.emit('rs-extension-saved', { id: saved.id, number: saved.number, created });
    this.closeEditor();
  }

  /** @internal */
  editorRolledBack(extension: Extension, error: RingsideError): void {
    this.notice = { tone: 'danger', text: this.t('extensionTable.rolledBack', { number: extension.number, message: this.errorMessage(error) }) };
  }

  /** @internal Closes the form (also when Escape closed the dialog) and puts the focus back where it was. */
  closeEditor(): void {
    if (!this.editor) return;
    this.editor = null;
    this.#dialog('editor')?.close();
    void this.#restoreFocus();
  }

  // --- delete -----------------------------------------------------------------------------------

  #askDelete(extensions: Extension[], event?: Event): void {
    if (!this.canWrite || !extensions.length || this.deleting) return;
    this.#rememberFocus(event);
    this.confirming = extensions;
  }

  #renderConfirm(): TemplateResult | typeof nothing {
    const extensions = this.confirming;
    if (!extensions) return nothing;
    const groups = this.#groupById();
    const groupIds = [...new Set(extensions.flatMap((extension) => extension.groupIds))];
    const groupNames = groupIds.map((id) => {
      const group = groups.get(id);
      return group ? `${group.number} ${group.name}` : id;
    });
    const many = extensions.length > 1;
    const list = this.i18n.format.list(groupNames);
    return html`<dialog id="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${this.#finishConfirm}>
      <h3 id="confirm-title">
        ${this.t('extensionTable.confirm.title', {
          count: extensions.length,
          total: this.i18n.format.number(extensions.length),
          number: extensions[0]!.number,
        })}
      </h3>
      <div id="confirm-body">
        ${many
          ? html`<p>
              ${this.t('extensionTable.confirm.list', {
                numbers: this.#numbersList(extensions.map((extension) => extension.number)),
              })}
            </p>`
          : nothing}
        <p>
          ${groupNames.length
            ? this.t(many ? 'extensionTable.confirm.groupsMany' : 'extensionTable.confirm.groups', { groups: list })
            : this.t(many ? 'extensionTable.confirm.noGroupsMany' : 'extensionTable.confirm.noGroups')}
        </p>
      </div>
      <div class="actions end">
        <button type="button" autofocus @click=${this.#finishConfirm}>${this.t('extensionTable.confirm.cancel')}</button>
        <button type="button" class="danger-solid" @click=${() => void this.#delete(extensions)}>${this.t('extensionTable.confirm.delete')}</button>
      </div>
    </dialog>`;
  }

  #finishConfirm = () => {
    if (!this.confirming) return;
    this.confirming = null;
    this.#dialog('confirm')?.close();
    void this.#restoreFocus();
  };

  /** Removes the rows at once, deletes them one by one, and puts back those the backend refused. */
  async #delete(extensions: Extension[]): Promise<void> {
    if (this.deleting) return;
    this.deleting = true;
    this.#finishConfirm();
    const snapshot = this.rows.snapshot();
    const view = this.#source?.key;
    this.rows.remove(new Set(extensions.map((extension) => extension.id)));
    const section = this.#section();
    const done: Extension[] = [];
    const failed: { extension: Extension; error: RingsideError }[] = [];
    for (const extension of extensions) {
      try {
        await section.delete(extension.id, { ifMatch: extension.version });
        done.push(extension);
      } catch (caught) {
        const error = toRingsideError(caught);
        // Already gone (a retry after a lost answer): that is what the user wanted.
        if (error.code === 'not_found') done.push(extension);
        else failed.push({ extension, error });
      }
    }
    if (failed.length) {
      // The user may have searched or sorted meanwhile: the old rows belong to the old view only.
      if (view === this.#source?.key) {
        this.rows.restore(snapshot);
        this.rows.remove(new Set(done.map((extension) => extension.id)));
      }
      this.notice = {
        tone: 'danger',
        text: this.t('extensionTable.deleteFailed', {
          count: failed.length,
          total: this.i18n.format.number(failed.length),
          message: this.errorMessage(failed[0]!.error),
        }),
      };
    }
    const selection = new Map(this.selection);
    for (const extension of done) selection.delete(extension.id);
    this.selection = selection;
    this.deleting = false;
    this.env?.store.invalidate('extensions', 'huntGroups');
    if (done.length) {
      this.announcement = this.t('extensionTable.deleted', { count: done.length, total: this.i18n.format.number(done.length) });
      this.emit('rs-extension-deleted', { ids: done.map((extension) => extension.id), numbers: done.map((extension) => extension.number) });
    }
  }

  // --- export -----------------------------------------------------------------------------------

  #export = async () => {
    if (this.exporting) return;
    this.exporting = true;
    try {
      const all = await collectAll(this.#loaderFor(this.view), EXPORT_PAGE_SIZE);
      const columns = this.columns.filter((column) => column.data);
      const texts = this.#valueTexts(false);
      const csv = toCsv([
        columns.map((column) => this.t(`extensionTable.column.${column.id}`)),
        ...all.map((extension) => columns.map((column) => this.#cellText(extension, column.id, texts))),
      ]);
      const detail = { filename: 'extensions.csv', csv, count: all.length };
      if (this.emit('rs-extension-export', detail)) download(detail.filename, csv);
      this.announcement = this.t('extensionTable.exported', { count: all.length, total: this.i18n.format.number(all.length) });
    } catch (error) {
      this.notice = { tone: 'danger', text: this.errorMessage(toRingsideError(error)) };
    } finally {
      this.exporting = false;
    }
  };

  /** Up to 20 numbers in the locale's words; a longer list ends with an ellipsis instead of "and". */
  #numbersList(numbers: readonly string[]): string {
    if (numbers.length <= 20) return this.i18n.format.list(numbers);
    return `${this.i18n.format.list(numbers.slice(0, 20), { type: 'unit' })} …`;
  }
}

/** Saves text as a file through the browser (a byte-order mark lets spreadsheets read UTF-8). */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
