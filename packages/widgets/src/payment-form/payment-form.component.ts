import {
  RingsideError,
  currencyDigits,
  registerMessages,
  requireSection,
  toRingsideError,
  type BalanceSummary,
  type ErrorCode,
  type FieldReason,
  type PaymentRequest,
  type PaymentResult,
  type PaymentSettings,
  type PaymentSource,
  type PaymentTokenizer,
  type RingsideAdapter,
  type SavedPaymentMethod,
  type VoucherRequest,
  type VoucherResult,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { QueryController } from '../base/query-controller.js';
import { balanceQuery, paymentSettingsQuery, savedMethodsQuery } from './payment-queries.js';
import { RingsideElement, warnOnce } from '../base/ringside-element.js';
import { safeHref } from '../base/safe-href.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { amountExample, amountFieldReasons, formatAmountInput, parseAmount } from './amount.js';
import messages from './locales/en.js';
import { defaultChoice, needsTokenizer, paymentChoices, type PaymentChoice } from './payment-choices.js';
import { PaymentAttempt, isOutcomeUnknown } from './payment-attempt.js';
import { isPaymentId, returnedPaymentId, withoutReturnParam } from './payment-return.js';
import type { PaymentActionDetail, PaymentEventDetail } from './payment-events.js';
import { paymentFormStyles } from './payment-form.styles.js';
import { PAYMENT_FIELDS_SLOT, TokenizerSlot, registerPaymentFieldMessages, submitOnEnter } from './tokenizer-slot.js';

export type * from './payment-events.js';
export { PAYMENT_FIELDS_SLOT } from './tokenizer-slot.js';
export { PAYMENT_RETURN_PARAM } from './payment-return.js';

type Outcome =
  | { type: 'succeeded'; result: PaymentResult; label: string }
  | { type: 'voucher'; result: VoucherResult }
  | { type: 'pending'; result: PaymentResult; label: string }
  | { type: 'declined'; reason: string }
  | { type: 'action'; result: PaymentResult; label: string; waiting: boolean }
  | { type: 'action-cancelled' }
  | { type: 'returning' }
  | { type: 'return-failed'; code: ErrorCode; paymentId: string; fromUrl: boolean }
  | { type: 'unknown' }
  | { type: 'error'; code: string };

/** `#focusAfterUpdate` value that means "the tokenizer's first field with a problem". */
const TOKENIZER_FIELDS = 'tokenizer';

/** Outcomes shown instead of the form. */
const FINISHED = new Set<Outcome['type']>(['succeeded', 'voucher', 'pending', 'action', 'returning']);

/** Outcomes after which the payment is over, and the tokenizer's fields (with what was typed) go. */
const FIELDS_DONE = new Set<Outcome['type']>(['succeeded', 'voucher', 'pending', 'returning']);

/**
 * @summary Top up or pay: the current balance, an amount within the provider's limits, and the
 * ways to pay the adapter accepts (stored methods, card, bank account, direct debit, wallet
 * redirect, voucher). Card and bank details go to a pluggable tokenizer; the adapter only ever
 * receives a token. Every payment carries an idempotency key, so it is charged once.
 *
 * @slot payment-fields - Where the tokenizer mounts its card or bank fields, in the light DOM.
 *   The form creates this element itself; give one (`<div slot="payment-fields">`) when a
 *   provider needs a container of its own.
 *
 * @event rs-payment - A payment or voucher came to an end: succeeded, declined or pending.
 *   `detail: { status, method, amount, reference, paymentId, newBalance, replayed }`, never card data.
 * @event rs-payment-action - The payment needs the customer (3-D Secure, wallet redirect).
 *   `detail: { paymentId, action: { type, url }, respond(outcome) }`. Call `preventDefault()` and
 *   later `respond('completed' | 'cancelled')`; unhandled, the form offers a link instead.
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * On a page whose URL names a payment (`?rs-payment=<id>`, where the backend sends the customer
 * back after a wallet or bank redirect), or given `payment-id`, the form asks the adapter how
 * that payment ended and shows it; it then takes the parameter out of the address bar.
 *
 * @csspart base - The card.
 * @csspart pay-button - The button that pays.
 * @csspart receipt - The receipt after a payment.
 *
 * @cssproperty --rs-color-accent - The pay button and the chosen method.
 * @cssproperty --rs-color-danger - Field errors and declines.
 * @cssproperty --rs-color-success - The receipt's heading.
 */
export class RsPaymentForm extends RingsideElement {
  static {
    registerMessages('payment-form', {
      en: messages,
      languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
    });
    registerPaymentFieldMessages();
  }

  static override styles = [baseStyles, surfaceStyles, paymentFormStyles];

  /** Collects card and bank details and turns them into a token (docs/payments.md). Without one, only stored methods, redirects and vouchers are offered. */
  @property({ attribute: false }) tokenizer: PaymentTokenizer | null = null;

  /** The amount to start with, in the account's currency (e.g. a host's suggestion). */
  @property({ type: Number }) amount?: number;

  /** Where a wallet sends the customer back; default: this page. The backend adds `rs-payment=<payment id>` to it. */
  @property({ attribute: 'return-url' }) returnUrl = '';

  /**
   * A payment to show when the form appears: how it ended (receipt, decline, still waiting). For
   * portals that route the return from a wallet themselves; otherwise the form reads the
   * `rs-payment` parameter of the page's URL.
   */
  @property({ attribute: 'payment-id' }) paymentId = '';

  /** Shows the balance but takes no payment. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private choiceId: string | null = null;
  @state() private amountText: string | null = null;
  @state() private voucherCode = '';
  @state() private saveMethod = false;
  @state() private errors: FieldReason[] = [];
  @state() private tokenizerProblems = 0;
  @state() private busy = false;
  @state() private outcome: Outcome | null = null;

  readonly #payment = new PaymentAttempt<PaymentRequest>();
  readonly #voucher = new PaymentAttempt<VoucherRequest>();
  readonly #fields = new TokenizerSlot(this, () => {
    if (this.tokenizerProblems) this.tokenizerProblems = 0;
  });
  #focusAfterUpdate: string | null = null;
  /** Settles the wait for the host's `respond()` (the user stops waiting, or the form leaves the page); null when not waiting. */
  #settleAction: ((answer: 'completed' | 'cancelled') => void) | null = null;
  /** The returned payment already asked for (so it is asked once), and whether its id came from the URL. */
  #returnAsked: string | null = null;

  readonly settings: QueryController<PaymentSettings> = new QueryController<PaymentSettings>(this, paymentSettingsQuery);

  readonly methods: QueryController<SavedPaymentMethod[]> = new QueryController<SavedPaymentMethod[]>(this, () => savedMethodsQuery(this.env?.adapter));

  readonly balance: QueryController<BalanceSummary | null> = new QueryController<BalanceSummary | null>(this, () => balanceQuery(this.env?.adapter));

  private get canPay(): boolean {
    return !this.readonly && !!this.env?.adapter?.capabilities.payments.write;
  }

  private get choices(): PaymentChoice[] {
    const settings = this.settings.value;
    if (!settings) return [];
    return paymentChoices(settings, this.methods.value ?? [], this.tokenizer?.kinds ?? []);
  }

  private get choice(): PaymentChoice | undefined {
    const choices = this.choices;
    return choices.find((candidate) => candidate.id === this.choiceId) ?? defaultChoice(choices);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the tokenizer's fields were taken out when it left.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nothing answers a host's dialog for a form that left the page: stop waiting, so the form is not busy forever.
    this.#settleAction?.('cancelled');
    this.#fields.unmount();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.settings.value;
    if (settings && this.tokenizer === null && needsTokenizer(settings, [])) {
      warnOnce(`<${this.localName}> has no tokenizer: card and bank payments are not offered. See docs/payments.md.`);
    }
    // Here rather than in updated(): what it sets goes into this update, not another one.
    this.#showReturnedPayment();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Lit updates a form that left the page too; its fields come back once it is on the page again.
    if (this.isConnected) void this.#syncTokenizer();
    const wanted = this.#focusAfterUpdate;
    const target = wanted && wanted !== TOKENIZER_FIELDS ? this.renderRoot.querySelector<HTMLElement>(wanted) : null;
    if (wanted === TOKENIZER_FIELDS && !this.busy) this.#fields.tokenizer?.focus();
    target?.focus();
    // A result that arrives while the form is still loading (a returned payment) is focused once it shows.
    const loading = this.settings.status === 'idle' || this.settings.status === 'loading' || this.methods.status === 'loading';
    if (!this.busy && (target || !loading)) this.#focusAfterUpdate = null;
  }

  // ----------------------------------------------------------------------------------------------
  // Rendering
  // ----------------------------------------------------------------------------------------------

  #t(key: string, options?: Record<string, unknown>): string {
    return this.t(`paymentForm.${key}`, options);
  }

  #money(amount: number): string {
    return this.i18n.format.money(amount, this.settings.value?.currency ?? 'USD');
  }

  protected override render(): TemplateResult {
    return html`<section
      part="base"
      aria-labelledby="title"
      aria-busy=${this.busy || this.settings.status === 'loading' ? 'true' : 'false'}
      lang=${this.i18n.locale}
    >
      <header>
        <h2 id="title">${this.#t('title')}</h2>
        ${!this.notConfigured && !this.canPay ? html`<span class="badge">${this.t('common.readOnly')}</span>` : nothing}
      </header>
      ${this.notConfigured ? this.renderNotConfigured() : this.#renderContent()}
    </section>`;
  }


  #renderContent(): TemplateResult {
    const { status, value: settings, error } = this.settings;
    if (status === 'idle' || status === 'loading' || (status === 'ready' && this.methods.status === 'loading')) {
      return html`<div role="status">
        <span class="visually-hidden">${this.#t('loading')}</span>
        <div class="skeleton"></div>
      </div>`;
    }
    if (!settings) return this.#renderLoadError(error?.code ?? 'unavailable', () => this.settings.retry());
    const body = !this.canPay
      ? html`<p class="hint">${this.#t('readOnly')}</p>`
      : this.choices.length === 0
      ? html`<p class="hint">${this.#t('noMethods')}</p>`
      : this.outcome && FINISHED.has(this.outcome.type)
      ? this.#renderFinished(this.outcome)
      : this.#renderForm(settings);
    return html`${this.#renderBalance()} ${this.methods.error ? this.#renderLoadError(this.methods.error.code, () => this.methods.retry()) : nothing} ${body}`;
  }

  #renderLoadError(code: string, retry: () => void): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.t(`errors.${code}`)}</p>
      <button type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  #renderBalance(): TemplateResult | typeof nothing {
    const balance = this.balance.value;
    if (!balance) return nothing;
    return html`<p class="balance">
      <span>${this.#t(balance.model === 'postpaid' ? 'owed' : 'balance')}</span>
      <strong>${this.i18n.format.money(balance.balance, balance.currency)}</strong>
    </p>`;
  }

  #errorFor(field: string): FieldReason | undefined {
    return this.errors.find((reason) => reason.field === field);
  }

  #fieldError(field: string, message: (reason: FieldReason) => string): TemplateResult {
    const reason = this.#errorFor(field);
    return html`<p class="error" id="${field}-error">${reason ? message(reason) : ''}</p>`;
  }

  #amountMessage(reason: FieldReason, settings: PaymentSettings): string {
    const locale = this.i18n.locale;
    return this.#t(`errors.amount.${this.i18n.has(`paymentForm.errors.amount.${reason.reason}`) ? reason.reason : 'invalid'}`, {
      example: amountExample(locale, settings.currency),
      digits: this.i18n.format.number(currencyDigits(settings.currency)),
      min: this.#money(Number(reason.params?.min ?? settings.minAmount)),
      max: this.#money(Number(reason.params?.max ?? settings.maxAmount)),
    });
  }

  #renderForm(settings: PaymentSettings): TemplateResult {
    const choice = this.choice;
    const locked = this.busy || this.outcome?.type === 'unknown' || this.#payment.open !== null;
    const problems = this.errors.length + this.tokenizerProblems;
    return html`<form novalidate @submit=${this.#submit} aria-describedby=${problems ? 'summary' : nothing}>
      <div role="alert" class="summary" id="summary">${problems ? this.#t('errors.summary', { count: problems }) : ''}</div>
      ${this.#renderOutcomeAlert()}
      <fieldset class="methods" ?disabled=${locked}>
        <legend>${this.#t('method')}</legend>
        ${this.choices.map(
          (option) => html`<label class="option">
            <input type="radio" name="method" value=${option.id} .checked=${live(option.id === choice?.id)} @change=${() => this.#choose(option.id)} />
            <span>${this.#choiceLabel(option)}</span>
          </label>`
        )}
      </fieldset>
      ${choice?.type === 'voucher' ? this.#renderVoucherField(locked) : this.#renderAmountField(settings, locked)}
      ${choice?.type === 'tokenized' ? this.#renderTokenizerFields(locked) : nothing}
      ${choice?.type === 'redirect' ? html`<p class="hint">${this.#t('redirectHint')}</p>` : nothing}
      ${this.tokenizer === null && needsTokenizer(settings, []) ? html`<p class="hint">${this.#t('noTokenizer')}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="pay-button" ?disabled=${this.busy} aria-describedby=${this.busy ? 'paying' : nothing}>
          ${this.#submitLabel(settings)}
        </button>
        <span role="status" id="paying" class="hint">${this.busy ? this.#t('paying') : ''}</span>
      </div>
    </form>`;
  }

  #renderOutcomeAlert(): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.type === 'declined') {
      return html`<div class="alert danger" role="alert" id="outcome" tabindex="-1">
        <strong>${this.#t('result.declined')}</strong>
        <p>${this.#declineMessage(outcome.reason)}</p>
      </div>`;
    }
    if (outcome.type === 'unknown') {
      return html`<div class="alert warning" role="alert" id="outcome" tabindex="-1">
        <strong>${this.#t('unknownOutcome')}</strong>
        <p>${this.#t('unknownOutcomeHint')}</p>
      </div>`;
    }
    if (outcome.type === 'action-cancelled')
      return html`<div class="alert warning" role="alert" id="outcome" tabindex="-1"><p>${this.#t('result.actionCancelled')}</p></div>`;
    if (outcome.type === 'error')
      return html`<div class="alert danger" role="alert" id="outcome" tabindex="-1"><p>${this.t(`errors.${outcome.code}`)}</p></div>`;
    if (outcome.type === 'return-failed') {
      return html`<div class="alert danger" role="alert" id="outcome" tabindex="-1">
        <p>${outcome.code === 'not_found' ? this.#t('result.returnNotFound') : this.t(`errors.${outcome.code}`)}</p>
        ${isOutcomeUnknown(outcome.code)
          ? html`<button type="button" @click=${() => void this.#readReturnedPayment(outcome.paymentId, outcome.fromUrl)}>${this.t('common.retry')}</button>`
          : nothing}
      </div>`;
    }
    return nothing;
  }

  #declineMessage(reason: string): string {
    return this.i18n.has(`paymentForm.declineReasons.${reason}`) ? this.#t(`declineReasons.${reason}`) : this.#t('declineReasons.unknown', { reason });
  }

  #choiceLabel(choice: PaymentChoice): string {
    if (choice.type !== 'saved') return this.#t(`kinds.${choice.id}`);
    const { method } = choice;
    const extras = [
      method.expiry ? this.#t('expires', { date: this.i18n.format.cardExpiry(method.expiry) }) : '',
      method.preferred ? this.#t('preferred') : '',
    ].filter(Boolean);
    const list = new Intl.ListFormat(this.i18n.locale, { type: 'unit', style: 'short' }).format(extras);
    return `${this.#t('saved', { label: method.label })}${extras.length ? ` (${list})` : ''}`;
  }

  #renderAmountField(settings: PaymentSettings, locked: boolean): TemplateResult {
    const reason = this.#errorFor('amount');
    const text =
      this.amountText ?? (this.amount !== undefined && Number.isFinite(this.amount) ? formatAmountInput(this.amount, this.i18n.locale, settings.currency) : '');
    return html`<div class="field">
      <label for="amount">${this.#t('amount')} <span class="currency">(${settings.currency})</span></label>
      <input
        id="amount"
        name="amount"
        type="text"
        inputmode="decimal"
        autocomplete="transaction-amount"
        dir="ltr"
        .value=${live(text)}
        ?readonly=${locked}
        aria-invalid=${reason ? 'true' : 'false'}
        aria-describedby="amount-hint amount-error"
        @input=${(event: Event) => {
          this.amountText = (event.target as HTMLInputElement).value;
          this.#clearError('amount');
        }}
        @change=${this.#normalizeAmount}
      />
      <p class="hint" id="amount-hint">
        ${this.#t('amountHint', {
          min: this.#money(settings.minAmount),
          max: this.#money(settings.maxAmount),
          example: amountExample(this.i18n.locale, settings.currency),
        })}
      </p>
      ${this.#fieldError('amount', (found) => this.#amountMessage(found, settings))}
    </div>`;
  }

  #renderVoucherField(locked: boolean): TemplateResult {
    const reason = this.#errorFor('code');
    return html`<div class="field">
      <label for="code">${this.#t('voucherCode')}</label>
      <input
        id="code"
        name="code"
        type="text"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        dir="ltr"
        .value=${live(this.voucherCode)}
        ?readonly=${locked}
        aria-invalid=${reason ? 'true' : 'false'}
        aria-describedby="code-hint code-error"
        @input=${(event: Event) => {
          this.voucherCode = (event.target as HTMLInputElement).value;
          this.#clearError('code');
        }}
      />
      <p class="hint" id="code-hint">${this.#t('voucherHint')}</p>
      ${this.#fieldError('code', (found) => this.#t(`errors.code.${this.i18n.has(`paymentForm.errors.code.${found.reason}`) ? found.reason : 'invalid'}`))}
    </div>`;
  }

  #renderTokenizerFields(locked: boolean): TemplateResult {
    const canSave = !!this.env?.adapter?.capabilities.payments.savedMethods;
    return html`<div class="fields" ?inert=${locked} @keydown=${submitOnEnter}><slot name=${PAYMENT_FIELDS_SLOT}></slot></div>
      ${canSave
        ? html`<label class="option">
            <input
              type="checkbox"
              name="save"
              .checked=${live(this.saveMethod)}
              ?disabled=${locked}
              @change=${(event: Event) => (this.saveMethod = (event.target as HTMLInputElement).checked)}
            />
            <span>${this.#t('save')}</span>
          </label>`
        : nothing}`;
  }

  #submitLabel(settings: PaymentSettings): string {
    if (this.outcome?.type === 'unknown') return this.#t('tryAgain');
    if (this.choice?.type === 'voucher') return this.#t('redeem');
    const amount = this.#readAmount(settings);
    return 'value' in amount ? this.#t('pay', { amount: this.#money(amount.value) }) : this.#t('payNoAmount');
  }

  #renderFinished(outcome: Outcome): TemplateResult {
    if (outcome.type === 'action') return this.#renderAction(outcome);
    if (outcome.type === 'returning') {
      return html`<div class="result" role="status">
        <p>${this.#t('result.returning')}</p>
        <div class="skeleton"></div>
      </div>`;
    }
    const heading = outcome.type === 'voucher' ? 'result.voucher' : outcome.type === 'pending' ? 'result.pending' : 'result.succeeded';
    const result = 'result' in outcome ? outcome.result : undefined;
    const rows: [string, string][] = [];
    if (result) rows.push([this.#t('result.amount'), this.i18n.format.money(result.amount.amount, result.amount.currency)]);
    if ('label' in outcome) rows.push([this.#t('result.method'), outcome.label]);
    if (outcome.type !== 'voucher' && 'result' in outcome) rows.push([this.#t('result.reference'), outcome.result.reference]);
    if (result?.newBalance !== undefined) rows.push([this.#t('result.newBalance'), this.i18n.format.money(result.newBalance, result.amount.currency)]);
    return html`<div class="result ${outcome.type}" part="receipt" role="status">
      <h3 id="result-title" tabindex="-1">${this.#t(heading)}</h3>
      ${outcome.type === 'pending' ? html`<p class="hint">${this.#t('result.pendingHint')}</p>` : nothing}
      ${result?.replayed ? html`<p class="note">${this.#t('result.replayed')}</p>` : nothing}
      <dl>
        ${rows.map(
          ([term, value]) =>
            html`<dt>${term}</dt>
              <dd>${value}</dd>`
        )}
      </dl>
      <div class="actions">
        ${outcome.type === 'pending'
          ? html`<button type="button" @click=${() => void this.#checkStatus(outcome.result, outcome.label)}>${this.#t('result.checkStatus')}</button>`
          : nothing}
        <button type="button" class="primary" @click=${this.#startOver}>${this.#t('result.another')}</button>
      </div>
    </div>`;
  }

  #renderAction(outcome: Extract<Outcome, { type: 'action' }>): TemplateResult {
    const action = outcome.result.action;
    // Only an http(s) address becomes a link: a javascript: or data: URL from the backend stays inert.
    const href = action ? safeHref(action.url, document.baseURI) : null;
    return html`<div class="result action" role="status">
      <h3 id="result-title" tabindex="-1">${this.#t('result.action')}</h3>
      <p>${this.#t(`result.actionHint.${action?.type === 'redirect' ? 'redirect' : 'three_ds'}`)}</p>
      ${outcome.waiting
        ? html`<p class="hint">${this.#t('paying')}</p>
            ${this.#settleAction
              ? html`<div class="actions">
                  <button type="button" @click=${() => this.#settleAction?.('cancelled')}>${this.#t('result.stopWaiting')}</button>
                </div>`
              : nothing}`
        : html`<div class="actions">
            ${href === null
              ? nothing
              : action?.type === 'redirect'
              ? html`<a href=${href} rel="noopener noreferrer">${this.#t('result.openAction')}</a>`
              : html`<a href=${href} target="_blank" rel="noopener noreferrer">${this.#t('result.openAction')}</a>`}
            <button type="button" class="primary" @click=${() => void this.#finishAction(outcome.result, outcome.label, 'completed')}>
              ${this.#t('result.actionDone')}
            </button>
          </div>`}
    </div>`;
  }

  // ----------------------------------------------------------------------------------------------
  // The tokenizer's fields
  // ----------------------------------------------------------------------------------------------

  /** Mounts the tokenizer's fields for the chosen kind into the light-DOM slot, or removes them. */
  async #syncTokenizer(): Promise<void> {
    const choice = this.choice;
    // Kept while 3-D Secure runs: a decline after it keeps what was typed but the security code.
    const showing = this.canPay && choice?.type === 'tokenized' && !(this.outcome && FIELDS_DONE.has(this.outcome.type));
    await this.#fields.sync(this.tokenizer, showing && choice?.type === 'tokenized' ? choice.kind : null);
  }

  // ----------------------------------------------------------------------------------------------
  // Coming back from a wallet or bank
  // ----------------------------------------------------------------------------------------------

  /** Asks, once, how the payment ended that the host names (`payment-id`) or the page's URL does (`rs-payment`). */
  #showReturnedPayment(): void {
    if (!this.env?.adapter || !this.canPay) return;
    const fromUrl = this.paymentId ? null : returnedPaymentId(location.href);
    const id = this.paymentId || fromUrl;
    if (!id || id === this.#returnAsked) return;
    this.#returnAsked = id;
    if (!isPaymentId(id)) {
      this.outcome = { type: 'return-failed', code: 'not_found', paymentId: id, fromUrl: false };
      return;
    }
    void this.#readReturnedPayment(id, fromUrl !== null);
  }

  async #readReturnedPayment(id: string, fromUrl: boolean): Promise<void> {
    const label = this.#t('kinds.redirect');
    this.outcome = { type: 'returning' };
    this.busy = true;
    try {
      // Through the store: a payment that went through refreshes every balance on the page.
      const payment = await this.#call((adapter, signal) => requireSection(adapter, 'payments').getPayment(id, { signal }));
      if (payment.status === 'requires_action') {
        this.outcome = { type: 'action', result: payment, label, waiting: false };
        this.#focusAfterUpdate = '#result-title';
      } else {
        this.#finish(payment, label);
      }
      if (fromUrl) this.#forgetReturnParam();
    } catch (caught) {
      const error = toRingsideError(caught);
      if (error.code === 'unauthorized') this.emit('rs-auth-required', { code: 'unauthorized' });
      this.outcome = { type: 'return-failed', code: error.code, paymentId: id, fromUrl };
      this.#focusAfterUpdate = '#outcome';
      // A lost answer keeps the parameter, so a reload asks again.
      if (fromUrl && !isOutcomeUnknown(error.code)) this.#forgetReturnParam();
    } finally {
      this.busy = false;
    }
  }

  /** Takes `rs-payment` out of the address bar, so a reload does not show the payment again. */
  #forgetReturnParam(): void {
    const clean = withoutReturnParam(location.href);
    if (clean !== location.href) history.replaceState(history.state, '', clean);
  }

  // ----------------------------------------------------------------------------------------------
  // User actions
  // ----------------------------------------------------------------------------------------------

  #choose(id: string): void {
    this.choiceId = id;
    this.errors = [];
    this.tokenizerProblems = 0;
    if (this.outcome?.type !== 'unknown') this.outcome = null;
  }

  #clearError(field: string): void {
    if (this.#errorFor(field)) this.errors = this.errors.filter((reason) => reason.field !== field);
  }

  /** Shows a valid amount the locale's way once the user leaves the field (`12,5` → `12,50`). */
  #normalizeAmount = () => {
    const settings = this.settings.value;
    if (!settings || this.amountText === null) return;
    const parsed = parseAmount(this.amountText, this.i18n.locale, settings.currency);
    if (parsed.ok) this.amountText = formatAmountInput(parsed.value, this.i18n.locale, settings.currency);
  };

  #startOver = () => {
    this.outcome = null;
    this.errors = [];
    this.amountText = null;
    this.voucherCode = '';
    this.#focusAfterUpdate = 'input[name="method"]:checked';
  };

  #submit = async (event: Event) => {
    event.preventDefault();
    const settings = this.settings.value;
    const choice = this.choice;
    if (this.busy || !settings || !choice || !this.canPay) return;
    if (choice.type === 'voucher') await this.#redeem();
    else await this.#pay(settings, choice);
  };

  /** The amount typed, or the host's; field reasons when it is not acceptable. */
  #readAmount(settings: PaymentSettings): { value: number } | { reasons: FieldReason[] } {
    const parsed =
      this.amountText === null && this.amount !== undefined
        ? { ok: true as const, value: this.amount }
        : parseAmount(this.amountText ?? '', this.i18n.locale, settings.currency);
    const reasons = amountFieldReasons(parsed, settings);
    return reasons.length || !parsed.ok ? { reasons } : { value: parsed.value };
  }

  async #pay(settings: PaymentSettings, choice: Exclude<PaymentChoice, { type: 'voucher' }>): Promise<void> {
    this.busy = true;
    try {
      let request: PaymentRequest | null = this.#payment.open?.request ?? null;
      if (!request) {
        const built = await this.#buildRequest(settings, choice);
        if (!built) return;
        request = built;
      }
      const attempt = this.#payment.send(() => request);
      if (!attempt) return;
      const label = this.#sourceLabel(attempt.request.source, choice);
      try {
        const result = await this.#call((adapter, signal) =>
          requireSection(adapter, 'payments').makePayment({ ...attempt.request, idempotencyKey: attempt.key }, { signal })
        );
        await this.#handleResult(result, label);
      } catch (caught) {
        this.#handleFailure(toRingsideError(caught), this.#payment, settings);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Checks the fields, tokenizes new details, and answers the request; null (focus on the first problem) when something is wrong. */
  async #buildRequest(settings: PaymentSettings, choice: Exclude<PaymentChoice, { type: 'voucher' }>): Promise<PaymentRequest | null> {
    const amount = this.#readAmount(settings);
    this.errors = 'reasons' in amount ? amount.reasons : [];
    this.tokenizerProblems = 0;
    let source: PaymentSource;
    if (choice.type === 'saved') source = { savedMethodId: choice.method.id };
    else if (choice.type === 'redirect')
      source = { redirect: { returnUrl: withoutReturnParam(new URL(this.returnUrl || location.href, document.baseURI).href) } };
    else {
      const tokenizer = this.tokenizer;
      if (!tokenizer || this.#fields.tokenizer !== tokenizer) return null;
      // Checked even when the amount is wrong, so every problem shows at once.
      const tokenized = await tokenizer.tokenize();
      if (!tokenized.ok) {
        this.tokenizerProblems = tokenized.fields.length;
        // The fields are inert until the form is idle again: focus them then.
        this.#focusAfterUpdate = 'value' in amount ? TOKENIZER_FIELDS : '#amount';
        return null;
      }
      source = { tokenized: tokenized.method, ...(this.saveMethod ? { save: true } : {}) };
    }
    if (!('value' in amount)) {
      this.#focusAfterUpdate = '#amount';
      return null;
    }
    return { amount: { amount: amount.value, currency: settings.currency }, source, idempotencyKey: '' };
  }

  #sourceLabel(source: PaymentSource, choice: PaymentChoice): string {
    if ('savedMethodId' in source && choice.type === 'saved') return choice.method.label;
    if ('tokenized' in source) {
      const { brand, last4, kind } = source.tokenized;
      const name = brand ? this.#brandName(brand) : this.#t(`kinds.${kind}`);
      return last4 ? this.#t('methodDigits', { brand: name, last4 }) : name;
    }
    return this.#t(`kinds.${choice.id.startsWith('saved:') ? 'card' : choice.id}`);
  }

  /** A card brand's name in the user's language; a brand this version does not know is shown as sent. */
  #brandName(brand: string): string {
    const key = `paymentForm.brands.${brand.toLowerCase()}`;
    return this.i18n.has(key) ? this.t(key) : brand;
  }

  /** Runs one write through the store (which invalidates billing, so a balance card on the page refreshes), failing with `timeout` when the adapter does not answer in time. */
  async #call<T>(run: (adapter: RingsideAdapter, signal: AbortSignal) => Promise<T>): Promise<T> {
    const env = this.env;
    const adapter = env?.adapter;
    if (!env || !adapter) throw new RingsideError('not_configured');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, env.store.timeout);
    try {
      return await env.store.mutate(() => run(adapter, controller.signal), { invalidates: ['billing', 'payments/methods'] });
    } catch (error) {
      throw timedOut ? new RingsideError('timeout', { detail: `no answer after ${env.store.timeout} ms`, cause: error }) : error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #handleResult(result: PaymentResult, label: string): Promise<void> {
    if (result.status === 'requires_action') {
      this.#payment.keep();
      await this.#startAction(result, label);
      return;
    }
    this.#payment.settle();
    this.#finish(result, label);
  }

  #finish(result: PaymentResult, label: string): void {
    const known = ['succeeded', 'declined', 'pending'].includes(result.status);
    if (result.status === 'declined') {
      this.outcome = { type: 'declined', reason: result.declineReason ?? 'card_declined' };
      this.#fields.tokenizer?.clearSecurityCode?.();
      this.#focusAfterUpdate = '#outcome';
    } else if (result.status === 'succeeded') {
      this.outcome = { type: 'succeeded', result, label };
      this.#focusAfterUpdate = '#result-title';
    } else {
      // `pending`, or a status this version does not know: shown as waiting, never as paid.
      if (!known) warnOnce(`<${this.localName}>: unknown payment status "${result.status}" from the adapter.`);
      this.outcome = { type: 'pending', result, label };
      this.#focusAfterUpdate = '#result-title';
    }
    this.emit('rs-payment', {
      status: result.status,
      method: label,
      amount: result.amount,
      reference: result.reference,
      paymentId: result.id,
      newBalance: result.newBalance ?? null,
      replayed: result.replayed === true,
    } satisfies PaymentEventDetail);
  }

  /** Hands 3-D Secure or the wallet redirect to the host; once it answers `completed`, asks the adapter how the payment ended. */
  async #startAction(result: PaymentResult, label: string): Promise<void> {
    const action = result.action;
    this.#focusAfterUpdate = '#result-title';
    let respond: (outcome: 'completed' | 'cancelled') => void = () => undefined;
    const answered = new Promise<'completed' | 'cancelled'>((resolve) => (respond = resolve));
    this.#settleAction = (outcome) => respond(outcome);
    this.outcome = { type: 'action', result, label, waiting: true };
    const detail: PaymentActionDetail = { paymentId: result.id, action: action ?? { type: 'three_ds', url: '' }, respond: (outcome) => respond(outcome) };
    const handled = !this.emit('rs-payment-action', detail);
    if (!handled) {
      this.#settleAction = null;
      this.outcome = { type: 'action', result, label, waiting: false };
      return;
    }
    const answer = await answered;
    this.#settleAction = null;
    await this.#finishAction(result, label, answer);
  }

  async #finishAction(result: PaymentResult, label: string, answer: 'completed' | 'cancelled'): Promise<void> {
    if (answer === 'cancelled') {
      // The payment stays open at the processor: "Pay" again resumes it with the same key.
      this.outcome = { type: 'action-cancelled' };
      this.#focusAfterUpdate = '#outcome';
      return;
    }
    this.outcome = { type: 'action', result, label, waiting: true };
    await this.#checkStatus(result, label);
  }

  async #checkStatus(result: PaymentResult, label: string): Promise<void> {
    this.busy = true;
    try {
      const current = await this.#call((adapter, signal) => requireSection(adapter, 'payments').getPayment(result.id, { signal }));
      if (current.status === 'requires_action') {
        this.outcome = { type: 'action', result: current, label, waiting: false };
        return;
      }
      this.#payment.settle();
      this.#finish(current, label);
    } catch (caught) {
      const error = toRingsideError(caught);
      this.outcome = result.status === 'pending' ? { type: 'pending', result, label } : { type: 'action', result, label, waiting: false };
      if (error.code === 'unauthorized') this.emit('rs-auth-required', { code: 'unauthorized' });
    } finally {
      this.busy = false;
    }
  }

  /** A failed send: kept for an identical retry when its outcome is unknown, otherwise over. */
  #handleFailure(error: RingsideError, attempt: PaymentAttempt<unknown>, settings: PaymentSettings | undefined): void {
    if (error.code === 'unauthorized') this.emit('rs-auth-required', { code: 'unauthorized' });
    if (isOutcomeUnknown(error.code)) {
      attempt.keep();
      this.outcome = { type: 'unknown' };
      this.#focusAfterUpdate = '#outcome';
      return;
    }
    attempt.settle();
    if (error.code === 'payment_declined') {
      this.outcome = { type: 'declined', reason: error.fields[0]?.reason ?? 'card_declined' };
      this.#fields.tokenizer?.clearSecurityCode?.();
      this.#focusAfterUpdate = '#outcome';
      return;
    }
    const fieldReasons = error.code === 'validation' ? error.fields.filter((reason) => reason.field === 'amount' || reason.field === 'code') : [];
    if (fieldReasons.length && settings) {
      this.errors = fieldReasons;
      this.outcome = null;
      this.#focusAfterUpdate = fieldReasons[0]!.field === 'code' ? '#code' : '#amount';
      return;
    }
    this.outcome = { type: 'error', code: error.code };
    this.#focusAfterUpdate = '#outcome';
  }

  async #redeem(): Promise<void> {
    this.busy = true;
    try {
      let request = this.#voucher.open?.request ?? null;
      if (!request) {
        if (this.voucherCode.trim() === '') {
          this.errors = [{ field: 'code', reason: 'required' }];
          this.#focusAfterUpdate = '#code';
          return;
        }
        this.errors = [];
        request = { code: this.voucherCode, idempotencyKey: '' };
      }
      const attempt = this.#voucher.send(() => request);
      if (!attempt) return;
      try {
        const result = await this.#call((adapter, signal) =>
          requireSection(adapter, 'payments').redeemVoucher({ ...attempt.request, idempotencyKey: attempt.key }, { signal })
        );
        this.#voucher.settle();
        this.outcome = { type: 'voucher', result };
        this.#focusAfterUpdate = '#result-title';
        this.emit('rs-payment', {
          status: 'succeeded',
          method: this.#t('kinds.voucher'),
          amount: result.amount,
          reference: null,
          paymentId: null,
          newBalance: result.newBalance ?? null,
          replayed: result.replayed === true,
        } satisfies PaymentEventDetail);
      } catch (caught) {
        this.#handleFailure(toRingsideError(caught), this.#voucher, this.settings.value);
      }
    } finally {
      this.busy = false;
    }
  }
}
