import type { ChargeEntry, RingsideI18n } from '@ringside/core';
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { warnOnce } from '../base/ringside-element.js';
import { token } from '../themes/tokens.js';
import type { ChartPresentation } from './charges-chart.js';
import { summarizeCharges, type ChargesSummary } from './charges-summary.js';

type ChartModule = typeof import('./charges-chart.js');
type DrawnChart = ReturnType<ChartModule['drawChargesChart']>;

const CHART_COLORS = 5;

export const chargesPanelStyles = css`
  .chart-box {
    position: relative;
    block-size: 12rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9em;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.2rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  td.amount,
  th.amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.75em;
    block-size: 0.75em;
    border-radius: 2px;
    margin-inline-end: 0.4em;
    vertical-align: baseline;
  }
  .swatch[data-series='0'] {
    background: ${token('--rs-chart-1')};
  }
  .swatch[data-series='1'] {
    background: ${token('--rs-chart-2')};
  }
  .swatch[data-series='2'] {
    background: ${token('--rs-chart-3')};
  }
  .swatch[data-series='3'] {
    background: ${token('--rs-chart-4')};
  }
  .swatch[data-series='4'] {
    background: ${token('--rs-chart-5')};
  }`;

interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly i18n: RingsideI18n;
  readonly environment: { theme: string } | undefined;
}

/**
 * The balance card's charges: a table of totals per service (also the chart's accessible
 * alternative) and a stacked bar chart. Downloaded with its styles only when the user opens the
 * charges; chart.js follows in a chunk of its own, and the table does not wait for it.
 */
export class ChargesPanel implements ReactiveController {
  readonly #host: PanelHost;
  #chartModule: ChartModule | undefined;
  #chartFailed = false;
  #chart: DrawnChart | undefined;
  #drawnFor: { summary: ChargesSummary; canvas: HTMLCanvasElement; theme: string | undefined; locale: string } | undefined;
  #summaryFor: { entries: readonly ChargeEntry[]; days: string; summary: ChargesSummary } | undefined;
  #shown: { summary: ChargesSummary; currency: string } | undefined;

  constructor(host: PanelHost) {
    this.#host = host;
    host.addController(this);
    const root = host.renderRoot;
    if (root instanceof ShadowRoot && chargesPanelStyles.styleSheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, chargesPanelStyles.styleSheet];
    }
    void this.#loadChart();
  }

  render(entries: readonly ChargeEntry[], days: string[], currency: string): TemplateResult {
    const summary = this.#summarize(entries, days);
    this.#shown = summary.services.length ? { summary, currency } : undefined;
    if (!this.#shown) return html`<p class="hint">${this.#t('balance.charges.empty')}</p>`;
    const money = (amount: number) => this.#host.i18n.format.money(amount, currency);
    return html`${this.#chartFailed
        ? html`<p class="hint" role="status">${this.#t('balance.charges.loadFailed')}</p>`
        : html`<div class="chart-box" part="chart"><canvas role="img" aria-label=${this.#t('balance.charges.summary')}></canvas></div>`}
      <table>
        <caption class="visually-hidden">
          ${this.#t('balance.charges.summary')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.#t('balance.charges.service')}</th>
            <th scope="col" class="amount">${this.#t('balance.charges.amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${summary.services.map(
            (series, index) => html`<tr>
              <th scope="row"><span class="swatch" data-series=${index % CHART_COLORS}></span>${this.#serviceLabel(series.service)}</th>
              <td class="amount">${money(series.total)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${this.#t('balance.charges.total')}</th>
            <td class="amount">${money(summary.total)}</td>
          </tr>
        </tfoot>
      </table>`;
  }

  hostUpdated(): void {
    const canvas = this.#host.renderRoot.querySelector('canvas') ?? undefined;
    if (!canvas || !this.#chartModule || !this.#shown) {
      this.#destroyChart();
      return;
    }
    const drawnFor = { summary: this.#shown.summary, canvas, theme: this.#host.environment?.theme, locale: this.#host.i18n.locale };
    const previous = this.#drawnFor;
    if (this.#chart && previous && (Object.keys(drawnFor) as (keyof typeof drawnFor)[]).every((key) => previous[key] === drawnFor[key])) return;
    this.#destroyChart();
    this.#drawnFor = drawnFor;
    this.#chart = this.#chartModule.drawChargesChart(canvas, drawnFor.summary, this.#presentation(this.#shown.currency));
  }

  hostDisconnected(): void {
    this.#destroyChart();
  }

  #t(key: string): string {
    return this.#host.i18n.t(key);
  }

  #serviceLabel(service: string): string {
    return this.#host.i18n.has(`services.${service}`) ? this.#t(`services.${service}`) : service;
  }

  #summarize(entries: readonly ChargeEntry[], days: string[]): ChargesSummary {
    const dayKey = `${days[0]}..${days[days.length - 1]}`;
    if (this.#summaryFor?.entries !== entries || this.#summaryFor.days !== dayKey) {
      this.#summaryFor = { entries, days: dayKey, summary: summarizeCharges(entries, days) };
    }
    return this.#summaryFor.summary;
  }

  async #loadChart(): Promise<void> {
    try {
      this.#chartModule = await import('./charges-chart.js');
    } catch (error) {
      warnOnce(`<${this.#host.localName}>: could not load the chart (${String(error)}).`);
      this.#chartFailed = true;
    }
    this.#host.requestUpdate();
  }

  #presentation(currency: string): ChartPresentation {
    // The legend swatches carry the themed series colours; the chart copies them so both agree.
    const swatches = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('.swatch')];
    const hostStyle = getComputedStyle(this.#host);
    const { format, dir } = this.#host.i18n;
    return {
      colors: swatches.map((swatch) => getComputedStyle(swatch).backgroundColor),
      textColor: hostStyle.color,
      gridColor: hostStyle.getPropertyValue('--rs-color-border').trim() || 'rgb(128 128 128 / 0.3)',
      fontFamily: hostStyle.fontFamily,
      rtl: dir === 'rtl',
      animate: !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
      serviceLabel: (service) => this.#serviceLabel(service),
      dayLabel: (day) => format.dayMonth(day),
      money: (amount) => format.money(amount, currency),
    };
  }

  #destroyChart(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#drawnFor = undefined;
  }
}
