import {
  registerMessages,
  requireSection,
  toRingsideError,
  type AutoPaySettings,
  type BalanceSummary,
  type FieldReason,
  type PaymentSettings,
  type PaymentTokenizer,
  type RingsideAdapter,
  type RingsideError,
  type SavedPaymentMethod,
  type TokenizableKind,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { QueryController } from '../base/query-controller.js';
import { balanceQuery, paymentSettingsQuery, savedMethodsQuery } from '../payment-form/payment-queries.js';
import { RingsideElement } from '../base/ringside-element.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { PAYMENT_FIELDS_SLOT, TokenizerSlot, registerPaymentFieldMessages, submitOnEnter } from '../payment-form/tokenizer-slot.js';
import { paymentFormStyles } from '../payment-form/payment-form.styles.js';
import { amountExample } from '../payment-form/amount.js';
import { isOutcomeUnknown } from '../payment-form/payment-attempt.js';
import { pendingAdd, storedByLostAdd, type PendingAdd } from './add-recovery.js';
import { draftOf, readDraft, thresholdCeiling, type AutoPayDraft } from './autopay-draft.js';
import messages from './locales/en.js';

const SAVABLE: readonly TokenizableKind[] = ['card', 'bank_account', 'direct_debit'];

/**
 * @summary The customer's stored payment methods (add through the tokenizer, remove, choose the
 * preferred one) and auto-pay: pay invoices automatically, and top up by an amount whenever the
 * balance falls below a threshold.
 *
 * @slot payment-fields - Where the tokenizer mounts its fields while a method is added (light DOM).
 *
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * @csspart base - The card.
 *
 * @cssproperty --rs-color-accent - Buttons and checkboxes.
 * @cssproperty --rs-color-danger - Errors.
 */
export class RsPaymentMethods extends RingsideElement {
  static {
    registerMessages('payment-methods', {
      en: messages,
      languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
    });
    registerPaymentFieldMessages();
  }

  static override styles = [baseStyles, surfaceStyles, paymentFormStyles];

  /** Collects card and bank details for a new method (docs/payments.md). Give each widget its own. */
  @property({ attribute: false }) tokenizer: PaymentTokenizer | null = null;

  /** Shows the methods and auto-pay without changing anything. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private adding: TokenizableKind | null = null;
  @state() private confirmingRemoval: string | null = null;
  @state() private busy = false;
  @state() private actionError: RingsideError | null = null;
  @state() private announcement = '';
  @state() private addProblems = 0;
  @state() private draft: AutoPayDraft | null = null;
  @state() private draftVersion: string | null = null;
  @state() private autoPayErrors: FieldReason[] = [];
  @state() private autoPayMessage: { kind: 'saved' | 'conflict' | 'error'; code?: string } | null = null;
  readonly #fields = new TokenizerSlot(this, () => {
    if (this.addProblems) this.addProblems = 0;
  });
  #focusAfterUpdate: string | null = null;
  /** An add whose answer got lost; the next save first looks whether it was stored. */
  #pendingAdd: PendingAdd | null = null;

  readonly settings: QueryController<PaymentSettings> = new QueryController<PaymentSettings>(this, paymentSettingsQuery);

  readonly methods: QueryController<SavedPaymentMethod[]> = new QueryController<SavedPaymentMethod[]>(this, () => savedMethodsQuery(this.env?.adapter));

  readonly autoPay: QueryController<AutoPaySettings> = new QueryController<AutoPaySettings>(this, () =>
    this.env?.adapter?.capabilities.payments.autoPay
      ? { key: 'payments/auto-pay', load: (adapter, signal) => requireSection(adapter, 'payments').getAutoPay({ signal }) }
      : null
  );

  readonly balance: QueryController<BalanceSummary | null> = new QueryController<BalanceSummary | null>(this, () => balanceQuery(this.env?.adapter));

  private get canWrite(): boolean {
    return !this.readonly && !!this.env?.adapter?.capabilities.payments.write;
  }

  private get addableKinds(): TokenizableKind[] {
    const offered = this.settings.value?.methods ?? [];
    return SAVABLE.filter((kind) => offered.includes(kind) && (this.tokenizer?.kinds ?? []).includes(kind));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#fields.unmount();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const stored = this.autoPay.value;
    const settings = this.settings.value;
    // The form starts from the stored settings; a user's edits are never replaced by a reload.
    if (stored && settings && this.methods.status !== 'loading' && this.draft === null) {
      this.draft = draftOf(stored, this.methods.value ?? [], settings, this.i18n.locale);
      this.draftVersion = stored.version;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.#syncTokenizer();
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = null;
    }
  }

  #t(key: string, options?: Record<string, unknown>): string {
    return this.t(`paymentMethods.${key}`, options);
  }

  #money(amount: number): string {
    return this.i18n.format.money(amount, this.settings.value?.currency ?? 'USD');
  }

  protected override render(): TemplateResult {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} lang=${this.i18n.locale}>
      <header>
        <h2 id="title">${this.#t('title')}</h2>
        ${!this.notConfigured && !this.canWrite ? html`<span class="badge">${this.t('common.readOnly')}</span>` : nothing}
      </header>
      ${this.notConfigured ? this.renderNotConfigured() : this.#renderContent()}
      <div role="status" class="visually-hidden">${this.announcement}</div>
    </section>`;
  }

  #renderContent(): TemplateResult {
    const settings = this.settings.value;
    if (this.settings.status === 'loading' || this.settings.status === 'idle' || this.methods.status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${this.t('common.loading')}</span>
        <div class="skeleton"></div>
      </div>`;
    }
    if (!settings) return this.#renderLoadError(this.settings.error, () => this.settings.retry());
    if (!this.env?.adapter?.capabilities.payments.savedMethods) return html`<p class="hint">${this.#t('unsupported')}</p>`;
    return html`${this.methods.error ? this.#renderLoadError(this.methods.error, () => this.methods.retry()) : nothing} ${this.#renderList()}
    ${this.#renderAdd()} ${this.env.adapter.capabilities.payments.autoPay ? this.#renderAutoPay(settings) : nothing}`;
  }

  #renderLoadError(error: RingsideError | undefined, retry: () => void): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.t(`errors.${error?.code ?? 'unavailable'}`)}</p>
      <button type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  #expiryText(method: SavedPaymentMethod): string {
    if (!method.expiry) return '';
    const date = this.i18n.format.cardExpiry(method.expiry);
    const now = new Date();
    const expired = method.expiry.year < now.getFullYear() || (method.expiry.year === now.getFullYear() && method.expiry.month < now.getMonth() + 1);
    return this.#t(expired ? 'expired' : 'expires', { date });
  }

  #renderList(): TemplateResult {
    const methods = this.methods.value ?? [];
    return html`<div class="stack">
      <h3 id="list-title" tabindex="-1">${this.#t('listTitle')}</h3>
      ${this.actionError
        ? html`<div class="alert danger" role="alert" id="action-error" tabindex="-1"><p>${this.#actionErrorText(this.actionError)}</p></div>`
        : nothing}
      ${methods.length === 0
        ? html`<p class="hint">${this.#t('empty')}</p>`
        : html`<ul class="methods" aria-labelledby="list-title">
            ${repeat(
              methods,
              (method) => method.id,
              (method) => this.#renderMethod(method)
            )}
          </ul>`}
    </div>`;
  }

  #actionErrorText(error: RingsideError): string {
    return error.code === 'conflict' ? this.#t('removeConflict') : this.t(`errors.${error.code}`);
  }

  #renderMethod(method: SavedPaymentMethod): TemplateResult {
    const expiry = this.#expiryText(method);
    const confirming = this.confirmingRemoval === method.id;
    return html`<li data-method=${method.id} tabindex="-1">
      <span>
        <strong>${method.label}</strong>
        ${expiry ? html`<span class="hint">${expiry}</span>` : nothing} ${method.preferred ? html`<span class="badge">${this.#t('preferred')}</span>` : nothing}
      </span>
      ${!this.canWrite
        ? nothing
        : confirming
        ? html`<span class="actions" role="group" aria-labelledby="confirm-${method.id}">
            <span id="confirm-${method.id}">${this.#t('confirmRemove', { label: method.label })}</span>
            <button type="button" class="primary" id="confirm-remove" ?disabled=${this.busy} @click=${() => void this.#remove(method)}>
              ${this.#t('remove')}
            </button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.#cancelRemoval(method)}>${this.#t('keep')}</button>
          </span>`
        : html`<span class="actions">
            ${method.preferred
              ? nothing
              : html`<button
                  type="button"
                  ?disabled=${this.busy}
                  aria-label=${this.#t('makePreferredLabel', { label: method.label })}
                  @click=${() => void this.#makePreferred(method)}
                >
                  ${this.#t('makePreferred')}
                </button>`}
            <button
              type="button"
              data-remove=${method.id}
              ?disabled=${this.busy}
              aria-label=${this.#t('removeLabel', { label: method.label })}
              @click=${() => this.#askRemoval(method)}
            >
              ${this.#t('remove')}
            </button>
          </span>`}
    </li>`;
  }

  #renderAdd(): TemplateResult | typeof nothing {
    if (!this.canWrite) return nothing;
    const kinds = this.addableKinds;
    if (kinds.length === 0) return nothing;
    if (!this.adding) {
      return html`<div class="actions"><button type="button" id="add" @click=${() => this.#startAdding(kinds[0]!)}>${this.#t('add')}</button></div>`;
    }
    return html`<form class="stack" novalidate @submit=${this.#saveMethod} aria-labelledby="add-title">
      <h3 id="add-title">${this.#t('addTitle')}</h3>
      <div role="alert" class="summary">${this.addProblems ? this.#t('addSummary', { count: this.addProblems }) : ''}</div>
      ${kinds.length > 1
        ? html`<fieldset>
            <legend>${this.#t('kind')}</legend>
            ${kinds.map(
              (kind) => html`<label class="option"
                ><input type="radio" name="kind" value=${kind} .checked=${live(this.adding === kind)} @change=${() => (this.adding = kind)} /><span
                  >${this.#t(`kinds.${kind}`)}</span
                ></label
              >`
            )}
          </fieldset>`
        : nothing}
      <div class="fields" ?inert=${this.busy} @keydown=${submitOnEnter}><slot name=${PAYMENT_FIELDS_SLOT}></slot></div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.#t('saveMethod')}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.#stopAdding}>${this.#t('cancel')}</button>
      </div>
    </form>`;
  }

  #renderAutoPay(settings: PaymentSettings): TemplateResult {
    const draft = this.draft;
    if (this.autoPay.error && !draft) return this.#renderLoadError(this.autoPay.error, () => this.autoPay.retry());
    if (!draft) return html`<div role="status"><span class="visually-hidden">${this.t('common.loading')}</span></div>`;
    const methods = this.methods.value ?? [];
    const balance = this.balance.value ?? null;
    const postpaid = balance?.model === 'postpaid';
    const locked = !this.canWrite || this.busy;
    const error = (field: string) => this.autoPayErrors.find((reason) => reason.field === field);
    const errorText = (field: string) => {
      const reason = error(field);
      if (!reason) return '';
      const key = `autoPay.errors.${reason.reason}`;
      return this.t(this.i18n.has(`paymentMethods.${key}`) ? `paymentMethods.${key}` : 'paymentMethods.autoPay.errors.invalid', {
        min: this.#money(Number(reason.params?.min ?? settings.minAmount)),
        max: this.#money(Number(reason.params?.max ?? settings.maxAmount)),
        example: amountExample(this.i18n.locale, settings.currency),
      });
    };
    const amountInput = (id: string, field: 'threshold' | 'amount', label: string, hint: string) => html`<div class="field">
      <label for=${id}>${label} <span class="currency">(${settings.currency})</span></label>
      <input
        id=${id}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        dir="ltr"
        .value=${live(draft[field])}
        ?readonly=${locked}
        aria-invalid=${error(`topUp.${field}`) ? 'true' : 'false'}
        aria-describedby="${id}-hint ${id}-error"
        @input=${(event: Event) => this.#edit({ [field]: (event.target as HTMLInputElement).value })}
      />
      <p class="hint" id="${id}-hint">${hint}</p>
      <p class="error" id="${id}-error">${errorText(`topUp.${field}`)}</p>
    </div>`;
    return html`<form class="stack" novalidate @submit=${this.#saveAutoPay} aria-labelledby="autopay-title">
      <h3 id="autopay-title">${this.#t('autoPay.title')}</h3>
      ${this.#renderAutoPayMessage()}
      <label class="option">
        <input
          type="checkbox"
          id="pay-invoices"
          .checked=${live(draft.payInvoices)}
          ?disabled=${locked}
          @change=${(event: Event) => this.#edit({ payInvoices: (event.target as HTMLInputElement).checked })}
        />
        <span>${this.#t('autoPay.payInvoices')}</span>
      </label>
      <label class="option">
        <input
          type="checkbox"
          id="top-up"
          .checked=${live(draft.topUpOn)}
          ?disabled=${locked}
          @change=${(event: Event) => this.#edit({ topUpOn: (event.target as HTMLInputElement).checked })}
        />
        <span>${this.#t('autoPay.topUp')}</span>
      </label>
      ${draft.topUpOn
        ? html`${amountInput(
            'threshold',
            'threshold',
            this.#t(postpaid ? 'autoPay.thresholdPostpaid' : 'autoPay.thresholdPrepaid'),
            this.#t(postpaid ? 'autoPay.thresholdHintPostpaid' : 'autoPay.thresholdHintPrepaid', {
              max: this.#money(thresholdCeiling({ limits: settings, balance, locale: this.i18n.locale })),
            })
          )}
          ${amountInput(
            'top-up-amount',
            'amount',
            this.#t('autoPay.amount'),
            this.#t('autoPay.amountHint', { min: this.#money(settings.minAmount), max: this.#money(settings.maxAmount) })
          )}`
        : nothing}
      <div class="field">
        <label for="autopay-method">${this.#t('autoPay.method')}</label>
        <select
          id="autopay-method"
          ?disabled=${locked || methods.length === 0}
          aria-invalid=${error('methodId') ? 'true' : 'false'}
          aria-describedby="autopay-method-error"
          @change=${(event: Event) => this.#edit({ methodId: (event.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${draft.methodId === ''}>${this.#t('autoPay.noMethod')}</option>
          ${methods.map((method) => html`<option value=${method.id} ?selected=${draft.methodId === method.id}>${method.label}</option>`)}
          ${draft.methodId && !methods.some((method) => method.id === draft.methodId)
            ? html`<option value=${draft.methodId} selected>${draft.methodId}</option>`
            : nothing}
        </select>
        <p class="error" id="autopay-method-error">
          ${error('methodId') ? this.#t(`autoPay.errors.method.${error('methodId')!.reason === 'unknown' ? 'unknown' : 'required'}`) : ''}
        </p>
      </div>
      ${this.canWrite
        ? html`<div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.#t('autoPay.save')}</button></div>`
        : nothing}
    </form>`;
  }

  #renderAutoPayMessage(): TemplateResult | typeof nothing {
    const message = this.autoPayMessage;
    if (!message) return nothing;
    if (message.kind === 'saved') return html`<p class="note" role="status">${this.#t('autoPay.saved')}</p>`;
    if (message.kind === 'conflict')
      return html`<div class="alert warning" role="alert" id="autopay-message" tabindex="-1"><p>${this.#t('autoPay.conflict')}</p></div>`;
    return html`<div class="alert danger" role="alert" id="autopay-message" tabindex="-1"><p>${this.t(`errors.${message.code ?? 'unavailable'}`)}</p></div>`;
  }

  // ----------------------------------------------------------------------------------------------
  // The tokenizer's fields while adding
  // ----------------------------------------------------------------------------------------------

  async #syncTokenizer(): Promise<void> {
    if (await this.#fields.sync(this.tokenizer, this.adding)) this.#fields.tokenizer?.focus();
  }

  // ----------------------------------------------------------------------------------------------
  // Actions
  // ----------------------------------------------------------------------------------------------

  /** Runs one change through the store, which reloads every widget showing payments or billing. */
  async #change<T>(run: (payments: NonNullable<RingsideAdapter['payments']>) => Promise<T>): Promise<T | undefined> {
    const env = this.env;
    if (!env?.adapter || this.busy) return undefined;
    const adapter = env.adapter;
    this.busy = true;
    this.actionError = null;
    try {
      return await env.store.mutate(() => run(requireSection(adapter, 'payments')), { invalidates: ['payments/methods', 'payments/auto-pay'] });
    } catch (caught) {
      const error = toRingsideError(caught);
      if (error.code === 'unauthorized') this.emit('rs-auth-required', { code: 'unauthorized' });
      throw error;
    } finally {
      this.busy = false;
    }
  }

  async #makePreferred(method: SavedPaymentMethod): Promise<void> {
    try {
      await this.#change((payments) => payments.setPreferred(method.id));
      this.announcement = this.#t('preferredDone', { label: method.label });
      // Its "Make preferred" button is gone: keep the user on the method's row.
      this.#focusAfterUpdate = `[data-method="${CSS.escape(method.id)}"]`;
    } catch (error) {
      this.actionError = toRingsideError(error);
      this.#focusAfterUpdate = '#action-error';
    }
  }

  #askRemoval(method: SavedPaymentMethod): void {
    this.confirmingRemoval = method.id;
    this.actionError = null;
    this.#focusAfterUpdate = '#confirm-remove';
  }

  #cancelRemoval(method: SavedPaymentMethod): void {
    this.confirmingRemoval = null;
    this.#focusAfterUpdate = `[data-remove="${CSS.escape(method.id)}"]`;
  }

  async #remove(method: SavedPaymentMethod): Promise<void> {
    try {
      await this.#change((payments) => payments.removeMethod(method.id));
      this.confirmingRemoval = null;
      this.announcement = this.#t('removed', { label: method.label });
      this.#focusAfterUpdate = '#list-title';
    } catch (error) {
      this.confirmingRemoval = null;
      this.actionError = toRingsideError(error);
      this.#focusAfterUpdate = '#action-error';
    }
  }

  #startAdding(kind: TokenizableKind): void {
    this.adding = kind;
    this.addProblems = 0;
  }

  #stopAdding = () => {
    this.adding = null;
    this.#pendingAdd = null;
    this.#focusAfterUpdate = '#add';
  };

  #saveMethod = async (event: Event) => {
    event.preventDefault();
    const tokenizer = this.tokenizer;
    if (!tokenizer || this.#fields.tokenizer !== tokenizer || this.busy) return;
    this.busy = true;
    let outcome;
    try {
      outcome = await tokenizer.tokenize();
    } finally {
      this.busy = false;
    }
    if (!outcome.ok) {
      this.addProblems = outcome.fields.length;
      tokenizer.focus();
      return;
    }
    const tokenized = outcome.method;
    const pending = this.#pendingAdd ?? pendingAdd(this.methods.value ?? []);
    try {
      const saved = await this.#change(async (payments) => {
        // After a lost answer the method may be stored already: adopt it rather than store a second copy.
        const stored = this.#pendingAdd ? storedByLostAdd(pending, await payments.listMethods(), tokenized) : undefined;
        return stored ?? payments.addMethod(tokenized);
      });
      this.#pendingAdd = null;
      this.adding = null;
      if (saved) this.announcement = this.#t('added', { label: saved.label });
      this.#focusAfterUpdate = '#add';
    } catch (caught) {
      const error = toRingsideError(caught);
      this.#pendingAdd = isOutcomeUnknown(error.code) ? pending : null;
      this.actionError = error;
      this.#focusAfterUpdate = '#action-error';
    }
  };

  #edit(patch: Partial<AutoPayDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    const fields = Object.keys(patch).map((key) => (key === 'threshold' || key === 'amount' ? `topUp.${key}` : key));
    this.autoPayErrors = this.autoPayErrors.filter((reason) => !fields.includes(reason.field));
    if (this.autoPayMessage?.kind === 'saved') this.autoPayMessage = null;
  }

  #saveAutoPay = async (event: Event) => {
    event.preventDefault();
    const settings = this.settings.value;
    if (!this.draft || !settings || this.busy) return;
    const read = readDraft(this.draft, { limits: settings, balance: this.balance.value ?? null, locale: this.i18n.locale });
    if (!read.input) {
      this.autoPayErrors = read.reasons;
      this.#focusFirstAutoPayError(read.reasons);
      return;
    }
    this.autoPayErrors = [];
    const input = read.input;
    const ifMatch = this.draftVersion ?? undefined;
    try {
      const stored = await this.#change((payments) => payments.updateAutoPay(input, { ifMatch }));
      if (stored) this.draftVersion = stored.version;
      this.autoPayMessage = { kind: 'saved' };
    } catch (caught) {
      const error = toRingsideError(caught);
      if (error.code === 'conflict') {
        // Someone changed auto-pay meanwhile: keep what the user typed, take the new version, and ask them to look again.
        await this.#refreshVersion();
        this.autoPayMessage = { kind: 'conflict' };
        this.#focusAfterUpdate = '#autopay-message';
      } else if (error.code === 'validation' && error.fields.length) {
        this.autoPayErrors = [...error.fields];
        this.#focusFirstAutoPayError(error.fields);
      } else {
        this.autoPayMessage = { kind: 'error', code: error.code };
        this.#focusAfterUpdate = '#autopay-message';
      }
    }
  };

  async #refreshVersion(): Promise<void> {
    const adapter = this.env?.adapter;
    if (!adapter) return;
    try {
      const latest = await requireSection(adapter, 'payments').getAutoPay();
      this.draftVersion = latest.version;
    } catch {
      // The next save meets the conflict again and tries once more.
    }
  }

  #focusFirstAutoPayError(reasons: readonly FieldReason[]): void {
    const order: [string, string][] = [
      ['topUp.threshold', '#threshold'],
      ['topUp.amount', '#top-up-amount'],
      ['methodId', '#autopay-method'],
    ];
    this.#focusAfterUpdate = order.find(([field]) => reasons.some((reason) => reason.field === field))?.[1] ?? null;
  }
}
