import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import { NO_CAPABILITIES, createI18n, type BalanceSummary, type BillingAdapter, type RingsideAdapter } from '@ringside/core';
import type { RsBalanceCard, TopUpDetail } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideLoaded, RingsideParameters } from '../.storybook/ringside.js';

interface CardArgs {
  lowBalanceThreshold: number | undefined;
  readonly: boolean;
  refreshInterval: number;
  chartDays: number;
  chartOpen: boolean;
  onTopUp: (event: CustomEvent<TopUpDetail>) => void;
}

type Story = StoryObj<CardArgs>;

// ---------------------------------------------------------------------------------------------
// Adapters. Each factory runs in the preview's loader once per story render: a fresh adapter,
// so fault injection and data changes never leak from one story into another.
// ---------------------------------------------------------------------------------------------

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

/** A seeded memory adapter whose balance a story may adjust. */
function memory(customer: 'business' | 'residential' | 'new', change?: (balance: BalanceSummary) => void): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer });
    if (change && adapter.data.balance) change(adapter.data.balance);
    return adapter;
  };
}

/** A memory adapter with a fault planned before the card's first read. */
function faulty(plan: (adapter: MemoryAdapter) => void): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer: 'business' });
    plan(adapter);
    return adapter;
  };
}

/** A hand-written adapter whose backend answers `balance` as it is, well-formed or not. */
function answering(balance: unknown): () => RingsideAdapter {
  return () => ({
    name: 'hand-written',
    capabilities: {
      ...NO_CAPABILITIES,
      billing: { read: true, write: false, charges: false },
      payments: { ...NO_CAPABILITIES.payments, read: true, write: true },
    },
    billing: {
      getBalance: async () => structuredClone(balance) as BalanceSummary,
      getCharges: async () => [],
    },
  });
}

/** Stops retries (and, when given, waits at most `timeout` ms) so failure stories settle quickly. */
const noRetries = (timeout?: number) => ({ retry: { retries: 0 }, ...(timeout ? { timeout } : {}) });

// ---------------------------------------------------------------------------------------------
// Play helpers. Everything is queried by role and accessible name through the card's shadow root.
// Expected strings come from the locale the story renders in (the toolbar may switch it), so the
// play functions also pass for designers browsing in German or Arabic; the story tests run in
// English, and the German and Arabic stories check their translations literally.
// ---------------------------------------------------------------------------------------------

/** Testing Library collapses whitespace (Intl's no-break spaces too) in the DOM, not in expectations. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

async function getCard({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const card = await waitFor(() => {
    const found = canvasElement.querySelector<RsBalanceCard>('rs-balance-card');
    if (!found?.shadowRoot) throw new Error('<rs-balance-card> has not rendered');
    return found;
  });
  await card.updateComplete;
  const i18n = createI18n({ locale: String(globals.locale ?? 'en') });
  return {
    card,
    shadow: within(card.shadowRoot as unknown as HTMLElement),
    /** A translated string, as the card should show it. */
    t: (key: string, options?: Record<string, unknown>) => collapse(i18n.t(key, options)),
    /** An amount, formatted as the card should show it. */
    money: (amount: number, currency: string) => collapse(i18n.format.money(amount, currency)),
    /** A ratio as a percentage, formatted as the card should show it. */
    percent: (ratio: number) => collapse(i18n.format.percent(ratio)),
  };
}

/** Matches an accessible name whose whitespace differs (Intl puts no-break spaces in "41 %"). */
const named = (expected: string) => (name: string) => collapse(name) === expected;

type ShadowQueries = Awaited<ReturnType<typeof getCard>>['shadow'];

/**
 * The value of a row of the card's details list (<dt>/<dd>), found by the term's text. Terms get no
 * accessible name from their content, so `getByRole('term', { name })` cannot find them.
 */
function detail(shadow: ShadowQueries, term: string): HTMLElement | null {
  const found = shadow.queryAllByRole('term').find((element) => collapse(element.textContent ?? '') === term);
  return (found?.nextElementSibling as HTMLElement | null) ?? null;
}

const adapterOf = (loaded: Record<string, unknown>) => (loaded as unknown as RingsideLoaded).adapter as MemoryAdapter;

// ---------------------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/Balance card',
  component: 'rs-balance-card',
  parameters: ringside({ adapter: memory('business') }),
  args: {
    lowBalanceThreshold: undefined,
    readonly: false,
    refreshInterval: 0,
    chartDays: 30,
    chartOpen: false,
    onTopUp: fn(),
  },
  argTypes: {
    lowBalanceThreshold: {
      name: 'low-balance-threshold',
      description: 'Warns when available funds fall below this amount (account currency).',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes' },
    },
    readonly: { description: 'Hides actions that change anything.', control: 'boolean', table: { category: 'attributes' } },
    refreshInterval: {
      name: 'refresh-interval',
      description: 'Reloads the balance every this many seconds while the page is visible; 0 turns it off.',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes' },
    },
    chartDays: {
      name: 'chart-days',
      description: 'How many days of charges the chart shows.',
      control: { type: 'range', min: 1, max: 90, step: 1 },
      table: { category: 'attributes' },
    },
    chartOpen: {
      name: 'chart-open',
      description: 'Whether the charges panel is open.',
      control: 'boolean',
      table: { category: 'attributes' },
    },
    onTopUp: { name: 'rs-top-up', description: 'The user pressed "Top up".', table: { category: 'events' } },
  },
  render: (args) =>
    html`<rs-balance-card
      low-balance-threshold=${ifDefined(args.lowBalanceThreshold ?? undefined)}
      ?readonly=${args.readonly}
      refresh-interval=${args.refreshInterval}
      chart-days=${args.chartDays}
      ?chart-open=${args.chartOpen}
      @rs-top-up=${args.onTopUp}
    ></rs-balance-card>`,
} satisfies Meta<CardArgs>;

export default meta;

/** A business customer on a postpaid plan with a credit limit: the seeded demo data as it is. */
export const PostpaidBusiness: Story = {
  name: 'Postpaid business (default)',
  play: async ({ canvasElement, globals, args, step }) => {
    const { shadow, t, money, percent } = await getCard({ canvasElement, globals });
    await step('shows the formatted balance and the credit details', async () => {
      await expect(await shadow.findByText(money(412.35, 'USD'))).toBeVisible(); // "$412.35"
      await expect(shadow.getByRole('heading', { name: t('balance.title') })).toBeVisible();
      await expect(detail(shadow, t('balance.creditLimit'))).toHaveTextContent(money(1000, 'USD')); // "Credit limit"
      await expect(shadow.getByText(t('balance.availableFunds')).parentElement).toHaveTextContent(money(587.65, 'USD'));
      await expect(shadow.getByRole('progressbar', { name: named(t('balance.creditUsed', { percent: percent(0.41235) })) })).toBeVisible();
      await expect(shadow.queryByRole('alert')).toBeNull();
    });
    await step('"Top up" dispatches rs-top-up, which leaves the shadow root', async () => {
      const received: CustomEvent<TopUpDetail>[] = [];
      const listener = (event: Event) => received.push(event as CustomEvent<TopUpDetail>);
      document.addEventListener('rs-top-up', listener);
      const topUp = shadow.getByRole('button', { name: t('balance.topUp') });
      try {
        await userEvent.click(topUp);
        topUp.blur(); // leave the story as a designer expects to see it, without a focus ring
      } finally {
        document.removeEventListener('rs-top-up', listener);
      }
      await expect(args.onTopUp).toHaveBeenCalledTimes(1);
      await expect(received).toHaveLength(1);
      const event = received[0]!;
      await expect(event.composed && event.bubbles && event.cancelable).toBe(true);
      await expect(event.detail.currency).toBe('USD');
      await expect(event.detail.availableFunds).toBeCloseTo(587.65, 2);
    });
  },
};

/** A residential customer paying in advance, with no credit. */
export const PrepaidResidential: Story = {
  name: 'Prepaid residential',
  parameters: ringside({ adapter: memory('residential') }),
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(money(7.85, 'EUR'))).toBeVisible();
    await expect(shadow.getByText(t('balance.model.prepaid'))).toBeVisible();
    await expect(detail(shadow, t('balance.creditLimit'))).toHaveTextContent(t('balance.noCreditLimit'));
    await expect(shadow.queryByRole('progressbar')).toBeNull();
    await expect(shadow.queryByText(t('balance.lowBalance'))).toBeNull();
  },
};

/** Available funds (€7.85) below the host's `low-balance-threshold` (10). */
export const LowBalance: Story = {
  name: 'Low balance',
  parameters: ringside({ adapter: memory('residential') }),
  args: { lowBalanceThreshold: 10 },
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(t('balance.lowBalance'))).toBeVisible();
    await expect(shadow.getByText(t('balance.lowBalanceHint', { threshold: money(10, 'EUR') }))).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('balance.topUp') })).toBeEnabled();
  },
};

/** Invoices past their due date. */
export const OverdueInvoices: Story = {
  name: 'Overdue invoices',
  parameters: ringside({
    adapter: memory('business', (balance) => {
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      Object.assign(balance, {
        balance: 612.35,
        balanceDue: 412.35,
        overdueAmount: 224.95,
        lastInvoice: { amount: 224.95, dueDate: daysAgo(20) },
        lastPayment: { amount: 150, date: daysAgo(52) },
      });
    }),
  }),
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(t('balance.overdueHint', { amount: money(224.95, 'USD') }))).toBeVisible();
    await expect(detail(shadow, t('balance.overdue'))).toHaveTextContent(money(224.95, 'USD'));
  },
};

/** A postpaid account without a credit limit: no meter, no available funds. */
export const NoCreditLimit: Story = {
  name: 'No credit limit',
  parameters: ringside({ adapter: memory('business', (balance) => Object.assign(balance, { creditLimit: null, overdueAmount: null })) }),
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(money(412.35, 'USD'))).toBeVisible();
    await expect(detail(shadow, t('balance.creditLimit'))).toHaveTextContent(t('balance.noCreditLimit'));
    await expect(shadow.queryByRole('progressbar')).toBeNull();
    await expect(shadow.queryByText(t('balance.availableFunds'))).toBeNull();
  },
};

/** A new account that has no billing information yet. */
export const Empty: Story = {
  name: 'Empty (new customer)',
  parameters: ringside({ adapter: memory('new') }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(await shadow.findByText(t('balance.empty'))).toBeVisible();
    await expect(shadow.queryByRole('button', { name: t('balance.topUp') })).toBeNull();
  },
};

/** The backend never answers (within a day): the skeleton stays. */
export const Loading: Story = {
  parameters: ringside({ adapter: faulty((adapter) => adapter.faults.hang()), storeOptions: { timeout: 86_400_000 } }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(shadow.getByRole('region', { name: t('balance.title') })).toHaveAttribute('aria-busy', 'true');
    await expect(shadow.getByRole('status')).toHaveTextContent(t('balance.loading'));
    await expect(shadow.queryByRole('alert')).toBeNull();
  },
};

/** The backend fails (`unavailable`) and keeps failing; retries are off so the error shows at once. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: ringside({ adapter: faulty((adapter) => adapter.faults.failNext(1_000, 'unavailable')), storeOptions: noRetries() }),
  play: async (context) => {
    const adapter = adapterOf(context.loaded);
    const { shadow, t } = await getCard(context);
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent(t('errors.unavailable')); // "The service is not available right now."
    await expect(alert).not.toHaveTextContent('injected fault'); // the adapter's own detail never shows
    // "Try again" asks the backend again; it still fails, so the error stays.
    const getBalance = spyOn(adapter.billing as BillingAdapter, 'getBalance');
    await userEvent.click(within(alert).getByRole('button', { name: t('common.retry') }));
    await waitFor(() => expect(getBalance).toHaveBeenCalledTimes(1));
    await expect(await shadow.findByRole('alert')).toHaveTextContent(t('errors.unavailable'));
  },
};

/** The same failure, then the backend comes back and "Try again" recovers. */
export const ErrorThenRetry: Story = {
  name: 'Error, then "Try again" recovers',
  parameters: ErrorState.parameters,
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent(t('errors.unavailable'));
    adapterOf(context.loaded).faults.clear();
    await userEvent.click(within(alert).getByRole('button', { name: t('common.retry') }));
    await expect(await shadow.findByText(money(412.35, 'USD'))).toBeVisible();
    await expect(shadow.queryByRole('alert')).toBeNull();
  },
};

/** The error in German: messages come from the locale, never from the server. */
export const ErrorGerman: Story = {
  name: 'Error (German)',
  parameters: ErrorState.parameters,
  globals: { locale: 'de' },
  play: async (context) => {
    const { card, shadow } = await getCard(context);
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent('Der Dienst ist gerade nicht verfügbar.');
    await expect(within(alert).getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
    await expect(card).toHaveAttribute('dir', 'ltr');
  },
};

/** The backend hangs; the store gives up after 1.5 s. */
export const Timeout: Story = {
  parameters: ringside({ adapter: faulty((adapter) => adapter.faults.hang()), storeOptions: noRetries(1500) }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(shadow.getByRole('status')).toHaveTextContent(t('balance.loading'));
    const alert = await shadow.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(t('errors.timeout')); // "The service did not answer in time."
    await expect(within(alert).getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** `readonly`: no actions that change anything. */
export const ReadOnly: Story = {
  name: 'Read-only',
  args: { readonly: true },
  play: async (context) => {
    const { card, shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(money(412.35, 'USD'))).toBeVisible();
    await expect(card).toHaveAttribute('readonly');
    await expect(shadow.getByText(t('common.readOnly'))).toBeVisible();
    await expect(shadow.queryByRole('button', { name: t('balance.topUp') })).toBeNull();
    await expect(shadow.getByRole('button', { name: t('balance.charges.show') })).toBeVisible();
  },
};

/** `chart-open`: the charges of the last 30 days, as a chart and a table. */
export const ChartOpen: Story = {
  name: 'Chart open',
  args: { chartOpen: true },
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    const region = await shadow.findByRole('region', { name: t('balance.charges.title', { count: context.args.chartDays }) });
    const panel = within(region);
    const table = await panel.findByRole('table', { name: t('balance.charges.summary') });
    await expect(within(table).getByRole('columnheader', { name: t('balance.charges.service') })).toBeVisible();
    await expect(within(table).getByRole('rowheader', { name: t('services.calls') })).toBeVisible();
    await expect(within(table).getByRole('rowheader', { name: t('balance.charges.total') })).toBeVisible();
    await expect(await panel.findByRole('img', { name: t('balance.charges.summary') })).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('balance.charges.hide') })).toHaveAttribute('aria-expanded', 'true');
  },
};

/** No adapter at all: the widget says it is not connected. */
export const NotConfigured: Story = {
  name: 'Not configured',
  parameters: ringside({ adapter: null }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(shadow.getByRole('status')).toHaveTextContent(t('common.notConfigured.title')); // "Not connected"
    await expect(shadow.queryByRole('button')).toBeNull();
  },
};

/** The backend answers `{ balance: 'abc' }`: nothing honest to show. */
export const MalformedBalance: Story = {
  name: 'Malformed answer (balance "abc")',
  parameters: ringside({ adapter: answering({ balance: 'abc' }) }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(await shadow.findByRole('alert')).toHaveTextContent(t('errors.invalid_response'));
    await expect(shadow.queryByText(/NaN|abc/)).toBeNull();
  },
};

/** A well-formed amount without a currency. */
export const MissingCurrency: Story = {
  name: 'Malformed answer (no currency)',
  parameters: ringside({ adapter: answering({ model: 'prepaid', balance: 12.5, creditLimit: null }) }),
  play: async (context) => {
    const { shadow, t } = await getCard(context);
    await expect(await shadow.findByRole('alert')).toHaveTextContent(t('errors.invalid_response'));
    await expect(shadow.queryByText(/12[.,]5/)).toBeNull();
  },
};

/** Optional parts that are malformed are left out; the rest still shows. */
export const PartlyMalformed: Story = {
  name: 'Malformed answer (optional parts)',
  parameters: ringside({
    adapter: answering({
      currency: 'usd',
      model: 'postpaid',
      balance: '120.5',
      creditLimit: 500,
      balanceDue: -3,
      lastInvoice: { amount: 'lots', dueDate: 'soon' },
    }),
  }),
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(money(120.5, 'USD'))).toBeVisible();
    await expect(shadow.queryByRole('alert')).toBeNull();
    await expect(detail(shadow, t('balance.creditLimit'))).toHaveTextContent(money(500, 'USD'));
    await expect(detail(shadow, t('balance.balanceDue'))).toBeNull();
    await expect(detail(shadow, t('balance.lastInvoice'))).toBeNull();
    await expect(shadow.queryByText(/lots|soon|NaN/)).toBeNull();
  },
};

/** Large amounts in a narrow column (16rem): wrapping and number layout. */
export const LargeAmountsNarrow: Story = {
  name: 'Large amounts, narrow column',
  parameters: ringside({
    adapter: memory('business', (balance) => Object.assign(balance, { balance: 1_234_567.89, creditLimit: 2_500_000, overdueAmount: 98_765.43 })),
    width: '16rem',
  }),
  play: async (context) => {
    const { shadow, money } = await getCard(context);
    await expect(await shadow.findByText(money(1_234_567.89, 'USD'))).toBeVisible();
  },
};

/** Arabic: translated, right to left. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  args: { chartOpen: true },
  play: async (context) => {
    const { card, shadow } = await getCard(context);
    await expect(await shadow.findByRole('heading', { name: 'الرصيد' })).toBeVisible();
    await expect(card).toHaveAttribute('dir', 'rtl');
    await expect(getComputedStyle(card).direction).toBe('rtl');
    await expect(shadow.getByRole('button', { name: 'شحن الرصيد' })).toBeVisible();
    await expect(await shadow.findByRole('table', { name: 'الرسوم حسب الخدمة' })).toBeVisible();
  },
};

/** The dark theme, on a dark page. */
export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  play: async (context) => {
    const { shadow, t, money } = await getCard(context);
    await expect(await shadow.findByText(money(412.35, 'USD'))).toBeVisible();
    const base = shadow.getByRole('region', { name: t('balance.title') });
    await expect(getComputedStyle(base).backgroundColor).toBe('rgb(22, 27, 34)'); // --rs-color-surface, dark
    await expect(getComputedStyle(base).colorScheme).toBe('dark');
    await expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(13, 17, 23)'); // the page follows
  },
};
