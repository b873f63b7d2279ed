import { registerMessages, requireSection, type BalanceSummary, type ChargeEntry } from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController } from '../base/query-controller.js';
import { RefreshTimer } from '../base/refresh-timer.js';
import { RingsideElement, warnOnce } from '../base/ringside-element.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { balanceCardStyles } from './balance-card.styles.js';
import { isLowBalance, toBalanceView, type BalanceView } from './balance-view.js';
import type { ChargesPanel } from './charges-panel.js';
import { lastDays } from './charges-summary.js';
import messages from './locales/en.js';

/**
 * @summary The customer's balance, credit limit, available funds, invoices due and recent charges.
 *
 * @event rs-top-up - The user pressed "Top up". `detail: { currency, availableFunds }`. Cancelable.
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * @csspart base - The card.
 * @csspart amount - The headline amount.
 * @csspart top-up-button - The "Top up" button.
 *
 * @cssproperty --rs-color-surface - Card background.
 * @cssproperty --rs-color-accent - Buttons and the credit meter.
 * @cssproperty --rs-color-warning - Low-balance text.
 * @cssproperty --rs-chart-1 - First chart series; `--rs-chart-2` … `--rs-chart-5` follow.
 */
export class RsBalanceCard extends RingsideElement {
  static {
    registerMessages('balance-card', {
      en: messages,
      languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
    });
  }

  static override styles = [baseStyles, surfaceStyles, balanceCardStyles];

  /** Below this amount of available funds (in the account's currency) the card warns. */
  @property({ type: Number, attribute: 'low-balance-threshold' }) lowBalanceThreshold?: number;

  /** Hides actions that change anything, e.g. for account-level users. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Reloads the balance every this many seconds while the page is visible; 0 turns it off. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 0;

  /** How many days of charges the chart shows. */
  @property({ type: Number, attribute: 'chart-days' }) chartDays = 30;

  /** Whether the charges panel is open; chart.js is downloaded only when it is. */
  @property({ type: Boolean, reflect: true, attribute: 'chart-open' }) chartOpen = false;

  @state() private chargesPanel: ChargesPanel | undefined;
  @state() private chargesPanelFailed = false;
  protected readonly refreshTimer = new RefreshTimer(this, () => this.refreshInterval, () => this.balance.refresh());

  readonly balance: QueryController<BalanceSummary | null> = new QueryController<BalanceSummary | null>(this, () => ({
    key: 'billing/balance',
    load: (adapter, signal) => requireSection(adapter, 'billing').getBalance({ signal }),
  }));

  readonly charges: QueryController<ChargeEntry[]> = new QueryController<ChargeEntry[]>(this, () => {
    if (!this.chartOpen || !this.canShowCharges) return null;
    const days = this.#chartDayRange();
    const range = { from: days[0] ?? '', to: days[days.length - 1] ?? '' };
    return {
      key: `billing/charges/${range.from}..${range.to}`,
      load: (adapter, signal) => requireSection(adapter, 'billing').getCharges(range, { signal }),
    };
  });

  private get canShowCharges(): boolean {
    return !!this.env?.adapter?.capabilities.billing.charges;
  }

  private get canTopUp(): boolean {
    return !this.readonly && !!this.env?.adapter?.capabilities.payments.write;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('chartOpen') && this.chartOpen && !this.chargesPanel) void this.#loadChargesPanel();
  }

  protected override render(): TemplateResult {
    const { view, body } = this.notConfigured ? { view: undefined, body: this.renderNotConfigured() } : this.#renderContent();
    // The header stays the same element across states, so a screen reader's place is kept.
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.balance.status === 'loading' ? 'true' : 'false'} lang=${this.i18n.locale}>
      ${this.#renderHeader(view)} ${body}
    </section>`;
  }


  #renderContent(): { view?: BalanceView; body: TemplateResult } {
    const { status, value, error, refreshing } = this.balance;
    if (status === 'idle' || status === 'loading') {
      return { body: html`<div role="status"><span class="visually-hidden">${this.t('balance.loading')}</span><div class="skeleton"></div></div>` };
    }
    if (status === 'error' && error) return { body: this.#renderError(error.code) };
    if (value === null || value === undefined) return { body: html`<p class="hint">${this.t('balance.empty')}</p>` };
    const result = toBalanceView(value);
    if (!result.ok) {
      warnOnce(`<${this.localName}>: the adapter's balance has no valid ${result.problems.join(', ')}.`);
      return { body: this.#renderError('invalid_response') };
    }
    if (result.ignored.length) warnOnce(`<${this.localName}>: ignored malformed ${result.ignored.join(', ')} from the adapter.`);
    const view = result.view;
    return {
      view,
      body: html`<div role="status" class="status">${refreshing ? this.t('common.refreshing') : nothing}</div>
        ${error ? this.#renderError(error.code) : nothing} ${this.#renderHeadline(view)} ${this.#renderAlerts(view)}
        ${this.#renderDetails(view, result.ignored)} ${this.#renderActions(view)} ${this.canShowCharges ? this.#renderCharges(view) : nothing}`,
    };
  }

  #renderHeader(view: BalanceView | undefined): TemplateResult {
    const modelText = view && (this.i18n.has(`balance.model.${view.model}`) ? this.t(`balance.model.${view.model}`) : view.model);
    return html`<header>
      <h2 id="title">${this.t('balance.title')}</h2>
      ${modelText ? html`<span class="badge">${modelText}</span>` : nothing}
      ${this.readonly ? html`<span class="badge">${this.t('common.readOnly')}</span>` : nothing}
    </header>`;
  }

  #renderError(code: string): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.t(`errors.${code}`)}</p>
      <button type="button" @click=${() => this.balance.retry()}>${this.t('common.retry')}</button>
    </div>`;
  }

  #renderHeadline(view: BalanceView): TemplateResult {
    const money = (amount: number) => this.i18n.format.money(amount, view.currency);
    const postpaid = view.model === 'postpaid';
    return html`<div class="headline">
        <div>
          <span class="headline-label" id="headline-label">${this.t(postpaid ? 'balance.owed' : 'balance.balance')}</span>
          <span part="amount" aria-describedby="headline-label">${money(view.balance)}</span>
        </div>
        ${view.availableFunds !== undefined && (postpaid || view.availableFunds !== view.balance)
          ? html`<div>
              <span class="headline-label">${this.t('balance.availableFunds')}</span>
              <strong>${money(view.availableFunds)}</strong>
            </div>`
          : nothing}
      </div>
      ${view.creditUsed !== undefined
        ? html`<progress max="1" .value=${Math.min(1, view.creditUsed)} aria-labelledby="credit-used"></progress>
            <p class="hint" id="credit-used" aria-hidden="true">${this.t('balance.creditUsed', { percent: this.i18n.format.percent(view.creditUsed) })}</p>`
        : nothing}
      ${this.i18n.has(`balance.modelHint.${view.model}`) ? html`<p class="hint">${this.t(`balance.modelHint.${view.model}`)}</p>` : nothing}`;
  }

  #renderAlerts(view: BalanceView): TemplateResult {
    const money = (amount: number) => this.i18n.format.money(amount, view.currency);
    const low = isLowBalance(view, this.lowBalanceThreshold);
    return html`${low
      ? html`<p class="alert warning" data-state="low-balance">
          <strong>${this.t('balance.lowBalance')}</strong>${this.t('balance.lowBalanceHint', { threshold: money(this.lowBalanceThreshold ?? 0) })}
        </p>`
      : nothing}
    ${view.overdueAmount ? html`<p class="alert danger">${this.t('balance.overdueHint', { amount: money(view.overdueAmount) })}</p>` : nothing}`;
  }

  #renderDetails(view: BalanceView, ignored: readonly string[]): TemplateResult {
    const { format } = this.i18n;
    const money = (amount: number) => format.money(amount, view.currency);
    const rows: [string, TemplateResult | string, string?][] = [];
    if (view.creditLimit !== undefined) {
      rows.push([this.t('balance.creditLimit'), view.creditLimit === null ? this.t('balance.noCreditLimit') : money(view.creditLimit)]);
    }
    if (view.balanceDue !== undefined) rows.push([this.t('balance.balanceDue'), money(view.balanceDue)]);
    if (view.overdueAmount) rows.push([this.t('balance.overdue'), money(view.overdueAmount), 'overdue']);
    if (view.lastInvoice) {
      rows.push([
        this.t('balance.lastInvoice'),
        this.t('balance.lastInvoiceValue', { amount: money(view.lastInvoice.amount), date: format.date(view.lastInvoice.dueDate) }),
      ]);
    }
    if (view.lastPayment) {
      rows.push([
        this.t('balance.lastPayment'),
        this.t('balance.lastPaymentValue', { amount: money(view.lastPayment.amount), date: format.date(view.lastPayment.date) }),
      ]);
    } else if (!ignored.includes('lastPayment')) {
      // A malformed last payment is left out rather than claimed not to exist.
      rows.push([this.t('balance.lastPayment'), this.t('balance.noPayments')]);
    }
    return html`<dl>
      ${rows.map(([label, value, className]) => html`<dt>${label}</dt><dd class=${className ?? ''}>${value}</dd>`)}
    </dl>`;
  }

  #renderActions(view: BalanceView): TemplateResult | typeof nothing {
    const chartToggle = this.canShowCharges
      ? html`<button type="button" aria-expanded=${this.chartOpen ? 'true' : 'false'} aria-controls="charges" @click=${this.#toggleChart}>
          ${this.t(this.chartOpen ? 'balance.charges.hide' : 'balance.charges.show')}
        </button>`
      : nothing;
    if (!this.canTopUp && chartToggle === nothing) return nothing;
    return html`<div class="actions">
      ${this.canTopUp
        ? html`<button type="button" class="primary" part="top-up-button" @click=${() => this.#topUp(view)}>${this.t('balance.topUp')}</button>`
        : nothing}
      ${chartToggle}
    </div>`;
  }

  #renderCharges(view: BalanceView): TemplateResult {
    const title = this.t('balance.charges.title', { count: this.chartDays });
    if (!this.chartOpen) return html`<div id="charges" hidden></div>`;
    const { status, value, error } = this.charges;
    let body: TemplateResult;
    if (status === 'error' && error) {
      body = html`<div class="alert danger" role="alert">
        <p>${this.t(`errors.${error.code}`)}</p>
        <button type="button" @click=${() => this.charges.retry()}>${this.t('common.retry')}</button>
      </div>`;
    } else if (this.chargesPanelFailed) {
      body = html`<p class="hint" role="status">${this.t('balance.charges.loadFailed')}</p>`;
    } else if (status !== 'ready' || !value || !this.chargesPanel) {
      body = html`<div role="status"><span class="visually-hidden">${this.t('common.loading')}</span><div class="skeleton"></div></div>`;
    } else {
      body = this.chargesPanel.render(value, this.#chartDayRange(), view.currency);
    }
    return html`<div id="charges" class="chart-panel" role="region" aria-label=${title}>
      <h3 class="hint">${title}</h3>
      ${body}
    </div>`;
  }

  #chartDayRange(): string[] {
    return lastDays(new Date(), Math.max(1, Math.min(366, Math.floor(this.chartDays) || 30)));
  }

  #toggleChart = () => {
    this.chartOpen = !this.chartOpen;
  };

  #topUp(view: BalanceView): void {
    this.emit('rs-top-up', { currency: view.currency, availableFunds: view.availableFunds ?? null });
  }

  async #loadChargesPanel(): Promise<void> {
    if (this.#panelLoading) return;
    this.#panelLoading = true;
    try {
      const { ChargesPanel } = await import('./charges-panel.js');
      this.chargesPanel = new ChargesPanel(this);
    } catch (error) {
      warnOnce(`<${this.localName}>: could not load the charges (${String(error)}).`);
      this.chargesPanelFailed = true;
    }
  }

  #panelLoading = false;
}
