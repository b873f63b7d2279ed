import type { BalanceSummary, RingsideAdapter } from '@ringside/core';
import { NO_CAPABILITIES, RingsideError } from '@ringside/core';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { screen as page } from 'shadow-dom-testing-library';
import { RsBalanceCard } from '../src/balance-card/balance-card.component.js';
import { provideRingside } from '../src/provider/provide-ringside.js';
import { QUICK_STORE, captureWarnings, memory, renderCard, visibleText } from './helpers.js';

/** An adapter whose balance answer is whatever the test says, to feed the card bad data. */
function adapterAnswering(balance: unknown): RingsideAdapter {
  const base = memory();
  return {
    ...base,
    name: 'fake',
    billing: { getBalance: async () => balance as BalanceSummary, getCharges: async () => [] },
  };
}

describe('<rs-balance-card>', () => {
  describe('with a postpaid business customer', () => {
    it('shows the adapter’s figures, formatted for the locale, and passes axe', async () => {
      const { card, screen } = await renderCard();
      await screen.findByShadowText('$412.35');
      expect(await screen.findByShadowRole('heading', { name: 'Balance' })).to.exist;
      const text = visibleText(card);
      expect(text).to.include('Postpaid');
      expect(text).to.include('Credit limit$1,000.00');
      expect(text).to.include('Available funds $587.65');
      expect(text).to.include('Balance due$187.40');
      expect(text).to.include('Overdue$62.10');
      expect(text).to.include('You have overdue invoices of $62.10.');
      expect(screen.getByShadowRole('progressbar', { name: '41% of credit limit used' })).to.exist;
      await expect(card).shadowDom.to.be.accessible();
    });

    it('fits a narrow column without overflowing', async () => {
      const { card, screen } = await renderCard({ locale: 'de-DE' }, html`<rs-balance-card style="inline-size: 16rem"></rs-balance-card>`);
      await screen.findByShadowText(/412,35/);
      const base = card.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    });

    it('formats the same data in German', async () => {
      const { card, screen } = await renderCard({ locale: 'de-DE' });
      await screen.findByShadowText(/412,35\s\$/);
      // The German texts arrive with their lazily loaded module, possibly after the numbers.
      await screen.findByShadowText('Kreditlimit');
      const text = visibleText(card).replace(/[\u00a0\u202f]/g, ' ');
      expect(text).to.include('Kreditlimit1.000,00 $');
      expect(screen.getByShadowRole('button', { name: 'Aufladen' })).to.exist;
    });

    it('renders Arabic right to left with Arabic text', async () => {
      const { card, screen } = await renderCard({ locale: 'ar' });
      await screen.findByShadowRole('heading', { name: 'الرصيد' });
      expect(card.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(card).direction).to.equal('rtl');
      expect(screen.getByShadowRole('button', { name: 'شحن الرصيد' })).to.exist;
      await expect(card).shadowDom.to.be.accessible();
    });

    it('keeps a direction the page author set', async () => {
      const { card, screen } = await renderCard({ locale: 'ar' }, html`<rs-balance-card dir="ltr"></rs-balance-card>`);
      await screen.findByShadowRole('heading', { name: 'الرصيد' });
      expect(card.getAttribute('dir')).to.equal('ltr');
    });
  });

  describe('with a prepaid residential customer', () => {
    it('presents the balance as money left, without a credit meter', async () => {
      const { card, screen } = await renderCard({ adapter: memory({ customer: 'residential' }), locale: 'en-IE' });
      await screen.findByShadowText('€7.85');
      expect(visibleText(card)).to.include('Last payment€20.00 on');
      const text = visibleText(card);
      expect(text).to.include('Prepaid');
      expect(text).to.include('Calls are paid from your balance.');
      expect(text).to.include('Credit limitNo limit');
      expect(screen.queryByShadowRole('progressbar')).to.equal(null);
      expect(text).not.to.include('Low balance');
    });

    it('warns about a low balance below the host’s threshold, and passes axe', async () => {
      const { card, screen } = await renderCard(
        { adapter: memory({ customer: 'residential' }), locale: 'en-IE' },
        html`<rs-balance-card low-balance-threshold="10"></rs-balance-card>`,
      );
      await screen.findByShadowText('Low balance');
      expect(visibleText(card)).to.include('Available funds are below €10.00.');
      await expect(card).shadowDom.to.be.accessible();
      card.lowBalanceThreshold = 5;
      await card.updateComplete;
      expect(visibleText(card)).not.to.include('Low balance');
      card.removeAttribute('low-balance-threshold');
      await card.updateComplete;
      expect(visibleText(card)).not.to.include('Low balance');
    });
  });

  describe('states', () => {
    it('shows loading while the adapter is working, and passes axe', async () => {
      const adapter = memory();
      adapter.faults.hang();
      const { card, screen } = await renderCard({ adapter, store: { timeout: 60_000 } });
      expect(await screen.findByShadowText('Loading balance…')).to.exist;
      expect(screen.queryByShadowRole('alert')).to.equal(null);
      expect(card.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
      await expect(card).shadowDom.to.be.accessible();
      adapter.faults.clear();
    });

    it('shows a translated error and recovers when the user retries', async () => {
      const adapter = memory();
      adapter.faults.failNext(1, 'unavailable');
      const { card, screen } = await renderCard({ adapter, locale: 'de' });
      const alert = await screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('Der Dienst ist gerade nicht verfügbar.');
      await expect(card).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Erneut versuchen' }).click();
      await screen.findByShadowText(/412,35/);
      expect(screen.queryByShadowRole('alert')).to.equal(null);
    });

    it('retries transient failures by itself before showing an error', async () => {
      const adapter = memory();
      adapter.faults.failNext(2, 'network');
      const { screen } = await renderCard({ adapter, store: { retry: { retries: 2, baseDelay: 10 }, timeout: 2000 } });
      await screen.findByShadowText('$412.35');
    });

    it('shows a timeout error with retry when the adapter never answers', async () => {
      const adapter = memory();
      adapter.faults.hang();
      const { card, screen } = await renderCard({ adapter, store: { timeout: 150, retry: { retries: 0 } } });
      expect(visibleText(card)).to.include('Loading balance…');
      const alert = await screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('The service did not answer in time.');
      adapter.faults.clear();
      screen.getByShadowRole('button', { name: 'Try again' }).click();
      await screen.findByShadowText('$412.35');
    });

    it('shows an empty state for an account without billing information', async () => {
      const { card, screen } = await renderCard({ adapter: memory({ customer: 'new' }) });
      await screen.findByShadowText('No billing information is available for this account yet.');
      await expect(card).shadowDom.to.be.accessible();
    });

    it('asks the host to sign the user in again when the session has expired', async () => {
      const adapter = memory();
      adapter.faults.failNext(1, 'unauthorized');
      const eventPromise = new Promise<CustomEvent>((resolve) => document.addEventListener('rs-auth-required', resolve, { once: true }));
      const { screen } = await renderCard({ adapter });
      const event = await eventPromise;
      expect(event.detail).to.deep.equal({ code: 'unauthorized' });
      expect((await screen.findByShadowRole('alert')).textContent).to.include('Your session has ended.');
    });
  });

  describe('not configured', () => {
    it('warns the developer and shows a translated "not connected" state', async () => {
      let card!: RsBalanceCard;
      const warnings = await captureWarnings(async () => {
        card = await fixture(html`<rs-balance-card lang="de"></rs-balance-card>`);
        await aTimeout(20);
      });
      expect(warnings.some((w) => w.includes('<rs-balance-card> has no adapter') && w.includes('provideRingside'))).to.equal(true);
      await waitUntil(() => visibleText(card).includes('Nicht verbunden'), 'German strings did not arrive');
      await expect(card).shadowDom.to.be.accessible();
    });
  });

  describe('a provider still waiting for its adapter (the host is signing in)', () => {
    it('shows "not connected" without warning the developer, then the balance once the adapter arrives', async () => {
      let setup!: Awaited<ReturnType<typeof renderCard>>;
      const warnings = await captureWarnings(async () => {
        setup = await renderCard({ adapter: null });
        await aTimeout(20);
      });
      expect(warnings.filter((w) => w.includes('has no adapter'))).to.deep.equal([]);
      expect(visibleText(setup.card)).to.include('Not connected');
      setup.provider.adapter = memory();
      await setup.screen.findByShadowText('$412.35');
    });
  });

  describe('malformed adapter answers', () => {
    it('shows an error, not "NaN", when the currency is missing', async () => {
      const { card, screen } = await renderCard({ adapter: adapterAnswering({ balance: 5, model: 'prepaid' }) });
      const alert = await screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('The service sent an answer that cannot be shown.');
      expect(visibleText(card)).not.to.match(/NaN|undefined|null/);
    });

    it('shows an error when the balance is NaN', async () => {
      const { card, screen } = await renderCard({ adapter: adapterAnswering({ currency: 'USD', balance: Number.NaN }) });
      await screen.findByShadowRole('alert');
      expect(visibleText(card)).not.to.match(/NaN|undefined/);
    });

    it('reads numbers sent as strings and drops a negative credit limit', async () => {
      const { card, screen } = await renderCard({
        adapter: adapterAnswering({ currency: 'USD', model: 'postpaid', balance: '25.5', creditLimit: -100, lastPayment: { amount: 'NaN', date: 'x' } }),
      });
      await screen.findByShadowText('$25.50');
      const text = visibleText(card);
      expect(text).not.to.match(/NaN|undefined|-\$100/);
      expect(text).not.to.include('Credit limit');
      expect(text).not.to.include('Last payment');
    });

    it('asks the adapter again when the user retries after a malformed answer', async () => {
      let answer: unknown = { balance: 5 };
      const adapter = adapterAnswering(undefined);
      adapter.billing!.getBalance = async () => answer as BalanceSummary;
      const { screen } = await renderCard({ adapter });
      await screen.findByShadowRole('alert');
      answer = { currency: 'USD', balance: 5, model: 'prepaid' };
      screen.getByShadowRole('button', { name: 'Try again' }).click();
      await screen.findByShadowText('$5.00');
    });

    it('does not claim there were no payments when the last payment was malformed', async () => {
      const { card, screen } = await renderCard({
        adapter: adapterAnswering({ currency: 'USD', model: 'prepaid', balance: 5, lastPayment: { amount: 'x', date: '2026-01-01' } }),
      });
      await screen.findByShadowText('$5.00');
      expect(visibleText(card)).not.to.include('No payments yet');
    });

    it('shows a billing model it does not know as the server named it', async () => {
      const { screen } = await renderCard({ adapter: adapterAnswering({ currency: 'USD', model: 'hybrid', balance: 3 }) });
      await screen.findByShadowText('hybrid');
    });
  });

  describe('top up', () => {
    it('dispatches rs-top-up with the currency and available funds', async () => {
      const { card, screen } = await renderCard({ adapter: memory({ customer: 'residential' }) });
      const button = await screen.findByShadowRole('button', { name: 'Top up' });
      setTimeout(() => button.click());
      const event = (await oneEvent(card, 'rs-top-up')) as CustomEvent;
      expect(event.detail).to.deep.equal({ currency: 'EUR', availableFunds: 7.85 });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('is not offered read-only or when the adapter cannot take payments', async () => {
      const readOnly = await renderCard({}, html`<rs-balance-card readonly></rs-balance-card>`);
      await readOnly.screen.findByShadowText('$412.35');
      expect(readOnly.screen.queryByShadowRole('button', { name: 'Top up' })).to.equal(null);
      expect(visibleText(readOnly.card)).to.include('View only');
      await expect(readOnly.card).shadowDom.to.be.accessible();

      const noPayments = await renderCard({
        adapter: memory({ capabilities: { payments: { ...NO_CAPABILITIES.payments, read: true } } }),
      });
      await noPayments.screen.findByShadowText('$412.35');
      expect(noPayments.screen.queryByShadowRole('button', { name: 'Top up' })).to.equal(null);
    });
  });

  describe('refreshing', () => {
    it('refreshes when a payment invalidates the balance', async () => {
      const adapter = memory({ customer: 'residential' });
      const { provider, screen } = await renderCard({ adapter, locale: 'en-IE' });
      await screen.findByShadowText('€7.85');
      const { store } = provider.environment;
      await store.mutate(
        () =>
          adapter.payments!.makePayment({
            amount: { amount: 20, currency: 'EUR' },
            source: { savedMethodId: 'pm-card-1881' },
            idempotencyKey: 'k-1',
          }),
        { invalidates: ['billing'] },
      );
      await screen.findByShadowText('€27.85');
    });

    it('refreshes every card that shows the balance', async () => {
      const adapter = memory({ customer: 'residential' });
      const provider = await fixture(html`<rs-provider .adapter=${adapter} locale="en-IE"
        ><rs-balance-card></rs-balance-card><rs-balance-card></rs-balance-card
      ></rs-provider>`);
      const cards = [...provider.querySelectorAll('rs-balance-card')];
      await waitUntil(() => cards.every((c) => visibleText(c).includes('€7.85')));
      adapter.data.balance!.balance = 99;
      (provider as unknown as { environment: { store: { invalidate(k: string): void } } }).environment.store.invalidate('billing');
      await waitUntil(() => cards.every((c) => visibleText(c).includes('€99.00')));
    });

    it('refreshes on the interval the host sets', async () => {
      const adapter = memory({ customer: 'residential' });
      const { card, screen } = await renderCard({ adapter, locale: 'en-IE' }, html`<rs-balance-card refresh-interval="0.1"></rs-balance-card>`);
      await screen.findByShadowText('€7.85');
      adapter.data.balance!.balance = 1.23;
      await screen.findByShadowText('€1.23', {}, { timeout: 2000 });
      card.refreshInterval = 0;
    });

    it('keeps showing the last figures, with an error beside them, when a refresh fails', async () => {
      const adapter = memory();
      const { provider, card, screen } = await renderCard({ adapter });
      await screen.findByShadowText('$412.35');
      adapter.faults.failNext(1, 'unavailable');
      provider.environment.store.invalidate('billing');
      await screen.findByShadowRole('alert');
      expect(visibleText(card)).to.include('$412.35');
    });

    it('ignores an answer that arrives after the card left the page', async () => {
      const adapter = memory({ latency: 100 });
      const { card } = await renderCard({ adapter });
      card.remove();
      await aTimeout(200);
      expect(card.balance.status).to.equal('loading');
      expect(card.balance.value).to.equal(undefined);
    });
  });

  describe('charges chart', () => {
    const chartLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/chart\.js\/|chart\.js\?|chart\.js$/.test(entry.name));

    it('downloads chart.js only when the user opens the charges', async () => {
      const { card, screen } = await renderCard();
      await screen.findByShadowText('$412.35');
      expect(chartLoaded(), 'chart.js was loaded before it was needed').to.equal(false);
      const toggle = screen.getByShadowRole('button', { name: 'Show charges' });
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      const region = await screen.findByShadowRole('region', { name: 'Charges, last 30 days' });
      await waitUntil(() => chartLoaded(), 'chart.js was not loaded', { timeout: 5000 });
      expect(screen.getByShadowRole('button', { name: 'Hide charges' }).getAttribute('aria-expanded')).to.equal('true');
      const table = await screen.findByShadowRole('table', { name: 'Charges by service' });
      expect(region.contains(table)).to.equal(true);
      expect(table.textContent).to.include('Calls');
      expect(table.textContent).to.include('Total');
      await waitUntil(() => card.shadowRoot!.querySelector('canvas')?.getAttribute('height'), 'chart was not drawn');
      await expect(card).shadowDom.to.be.accessible();
    });

    it('totals the same amounts the adapter reports for the period', async () => {
      const adapter = memory();
      const { screen } = await renderCard({ adapter }, html`<rs-balance-card chart-open chart-days="7"></rs-balance-card>`);
      const table = await screen.findByShadowRole('table', { name: 'Charges by service' });
      const today = new Date();
      const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
      const fromDay = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
      const expected = adapter.data.charges.filter((c) => c.date >= fromDay).reduce((sum, c) => sum + c.amount, 0);
      const total = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(Math.round(expected * 100) / 100);
      expect(table.querySelector('tfoot')!.textContent).to.include(total);
    });

    it('says so when there were no charges', async () => {
      const adapter = memory({ customer: 'residential' });
      adapter.data.charges.length = 0;
      const { screen } = await renderCard({ adapter }, html`<rs-balance-card chart-open></rs-balance-card>`);
      await screen.findByShadowText('No charges in this period.');
    });

    it('is not offered when the adapter has no charges data', async () => {
      const adapter = memory({ capabilities: { billing: { read: true, write: false, charges: false } } });
      const { screen } = await renderCard({ adapter });
      await screen.findByShadowText('$412.35');
      expect(screen.queryByShadowRole('button', { name: 'Show charges' })).to.equal(null);
    });
  });
});

describe('registration', () => {
  it('warns instead of throwing when a tag is defined twice', async () => {
    class Other extends RsBalanceCard {}
    const warnings = await captureWarnings(async () => {
      expect(() => Other.define('rs-balance-card')).not.to.throw();
    });
    expect(customElements.get('rs-balance-card')).to.equal(RsBalanceCard);
    expect(warnings.join()).to.match(/<rs-balance-card> is already defined \(version [\d.]+\); this copy \(version [\d.]+\) was not registered/);
  });

  it('registers under another name without side effects from importing the class', () => {
    class Renamed extends RsBalanceCard {}
    Renamed.define('acme-balance-card');
    expect(customElements.get('acme-balance-card')).to.equal(Renamed);
  });

  it('can register into a scoped registry', () => {
    const Registry = window.CustomElementRegistry as unknown as { new (): CustomElementRegistry };
    let registry: CustomElementRegistry;
    try {
      registry = new Registry();
    } catch {
      return; // This Chromium has no scoped registries yet; define() takes the registry as a parameter for when it does.
    }
    class Scoped extends RsBalanceCard {}
    Scoped.define('rs-balance-card', registry);
    expect(registry.get('rs-balance-card')).to.equal(Scoped);
  });
});

describe('provideRingside', () => {
  it('reaches widgets scattered in a page, and updates them', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><section><rs-balance-card></rs-balance-card></section></div>`);
    const adapter = memory({ customer: 'residential' });
    const handle = provideRingside(container, { adapter, locale: 'en-IE', store: QUICK_STORE });
    const card = container.querySelector('rs-balance-card')!;
    await page.findByShadowText('€7.85');
    handle.update({ locale: 'de-DE', theme: 'dark' });
    await waitUntil(() => visibleText(card).includes('Guthaben'));
    expect(container.style.getPropertyValue('--rs-color-surface')).to.equal('#161b22');
    handle.disconnect();
    await waitUntil(() => visibleText(card).includes('Nicht verbunden'));
    expect(container.style.getPropertyValue('--rs-color-surface')).to.equal('');
  });

  it('reaches a widget added after the provider', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    provideRingside(container, { adapter: memory(), store: QUICK_STORE });
    const card = document.createElement('rs-balance-card');
    container.append(card);
    await waitUntil(() => visibleText(card).includes('$412.35'));
  });
});

describe('<rs-provider>', () => {
  it('applies the dark theme to the widgets inside through custom properties', async () => {
    const { provider, card, screen } = await renderCard({ theme: 'dark' });
    await screen.findByShadowText('$412.35');
    const base = card.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 27, 34)');
    await expect(card).shadowDom.to.be.accessible();
    provider.theme = 'light';
    await provider.updateComplete;
    await card.updateComplete;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('gives a new adapter a new cache', async () => {
    const { provider, screen } = await renderCard();
    await screen.findByShadowText('$412.35');
    provider.adapter = memory({ customer: 'residential' });
    await screen.findByShadowText(/7\.85/);
  });

  it('maps thrown non-Ringside errors to a message, never raw server text', async () => {
    const adapter = memory();
    const hostile = {
      ...adapter,
      billing: {
        ...adapter.billing!,
        getBalance: async () => {
          throw new Error('<img src=x onerror=alert(1)> internal stack trace');
        },
      },
    };
    const { card, screen } = await renderCard({ adapter: hostile });
    await screen.findByShadowRole('alert');
    expect(visibleText(card)).not.to.include('stack trace');
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
  });
});

describe('RingsideError at the widget boundary', () => {
  it('shows validation codes from the adapter as the translated message', async () => {
    const adapter = memory();
    const failing = {
      ...adapter,
      billing: { ...adapter.billing!, getBalance: async () => Promise.reject(new RingsideError('forbidden')) },
    };
    const { screen } = await renderCard({ adapter: failing });
    expect((await screen.findByShadowRole('alert')).textContent).to.include('You do not have permission to do this.');
  });
});
