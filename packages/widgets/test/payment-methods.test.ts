import { RingsideError } from '@ringside/core';
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { createDemoTokenizer, createLocalDemoService } from '../src/payment-form/demo-tokenizer.js';
import type { RsPaymentMethods } from '../src/payment-methods/payment-methods.component.js';
import { memory, renderWidget, visibleText, type RenderOptions } from './helpers.js';

async function renderMethods(options: RenderOptions = {}) {
  const setup = await renderWidget<RsPaymentMethods>('rs-payment-methods', html`<rs-payment-methods></rs-payment-methods>`, options);
  setup.element.tokenizer = createDemoTokenizer({ service: createLocalDemoService() });
  await settle(setup.element);
  return { ...setup, methods: setup.element };
}

async function settle(element: RsPaymentMethods): Promise<void> {
  await element.updateComplete;
  await aTimeout(0);
  await element.updateComplete;
}

function fill(input: HTMLElement, value: string): void {
  const field = input as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const focused = (element: RsPaymentMethods) => element.shadowRoot!.activeElement;

/** The element that really has the focus, through every shadow root. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function addCard(methods: RsPaymentMethods, screen: Awaited<ReturnType<typeof renderMethods>>['screen']): Promise<void> {
  fill(await screen.findByShadowLabelText('Card number'), '5555 5555 5555 4444');
  fill(screen.getByShadowLabelText('Expiry date (MM/YY)'), '09/31');
  fill(screen.getByShadowLabelText('Security code'), '123');
  fill(screen.getByShadowLabelText('Name on card'), 'Jane Doe');
  await settle(methods);
}

describe('<rs-payment-methods>', () => {
  it('lists the stored methods with the preferred one marked and expired cards said so, and passes axe', async () => {
    const { methods, screen } = await renderMethods();
    const list = await screen.findByShadowRole('list', { name: 'Saved methods' });
    const items = [...list.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.match(/^Visa •••• 4242 Expires \d\d\/\d\d Preferred/);
    expect(items[1]).to.match(/^Checking •••• 6789 Make preferred/);
    expect(items[2]).to.match(/^Amex •••• 0005 Expired 03\/\d\d/);
    expect(screen.queryByShadowRole('button', { name: 'Make preferred: Visa •••• 4242' })).to.equal(null);
    await expect(methods).shadowDom.to.be.accessible();
  });

  it('makes another method the preferred one', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    (await screen.findByShadowRole('button', { name: 'Make preferred: Checking •••• 6789' })).click();
    await waitUntil(() => adapter.data.payments.methods.find((method) => method.id === 'pm-bank-6789')?.preferred);
    await waitUntil(() => visibleText(methods).includes('Checking •••• 6789 Preferred'));
    expect(screen.getByShadowRole('status').textContent).to.equal('Checking •••• 6789 is now your preferred method.');
  });

  it('removes a method only after confirmation, and keeps it on "Keep"', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    const remove = await screen.findByShadowRole('button', { name: 'Remove Checking •••• 6789' });
    remove.click();
    await settle(methods);
    expect(screen.getByShadowRole('group', { name: 'Remove Checking •••• 6789?' })).to.exist;
    expect(focused(methods)?.textContent?.trim(), 'focus on the confirming button').to.equal('Remove');
    await expect(methods).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Keep' }).click();
    await settle(methods);
    expect(focused(methods)).to.equal(screen.getByShadowRole('button', { name: 'Remove Checking •••• 6789' }));
    expect(adapter.data.payments.methods).to.have.length(3);
    screen.getByShadowRole('button', { name: 'Remove Checking •••• 6789' }).click();
    await settle(methods);
    screen.getByShadowRole('button', { name: 'Remove' }).click();
    await waitUntil(() => adapter.data.payments.methods.length === 2);
    await waitUntil(() => !screen.getByShadowRole('list', { name: 'Saved methods' }).textContent!.includes('6789'));
    expect(screen.queryByShadowRole('option', { name: 'Checking •••• 6789' }), 'gone from auto-pay’s choices too').to.equal(null);
    expect(screen.getByShadowRole('status').textContent).to.equal('Checking •••• 6789 was removed.');
  });

  it('keeps the focus on the method after making it preferred, and on the list after a removal', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    const makePreferred = await screen.findByShadowRole('button', { name: 'Make preferred: Checking •••• 6789' });
    makePreferred.focus();
    makePreferred.click();
    await waitUntil(() => visibleText(methods).includes('Checking •••• 6789 Preferred'));
    await settle(methods);
    const row = deepActiveElement();
    expect(row?.tagName, 'focus on the method’s row').to.equal('LI');
    expect(row?.textContent).to.include('Checking •••• 6789');
    await expect(methods).shadowDom.to.be.accessible();

    (await screen.findByShadowRole('button', { name: 'Remove Amex •••• 0005' })).click();
    await settle(methods);
    screen.getByShadowRole('button', { name: 'Remove' }).click();
    await waitUntil(() => !screen.getByShadowRole('list', { name: 'Saved methods' }).textContent!.includes('0005'));
    await settle(methods);
    expect(deepActiveElement(), 'focus on the list’s heading').to.equal(screen.getByShadowRole('heading', { name: 'Saved methods' }));
  });

  it('stores a method once when the answer to adding it got lost and the user saves again', async () => {
    const adapter = memory();
    const base = adapter.payments!;
    let lose = 1;
    const sent: unknown[] = [];
    const losing = {
      ...adapter,
      payments: {
        ...base,
        addMethod: async (method: Parameters<typeof base.addMethod>[0], options?: Parameters<typeof base.addMethod>[1]) => {
          sent.push(method);
          const saved = await base.addMethod(method, options);
          if (lose-- > 0) throw new RingsideError('timeout', { detail: 'answer lost on the way back' });
          return saved;
        },
      },
    };
    const { methods, screen } = await renderMethods({ adapter: losing });
    (await screen.findByShadowRole('button', { name: 'Add a payment method' })).click();
    await settle(methods);
    await addCard(methods, screen);
    screen.getByShadowRole('button', { name: 'Save method' }).click();
    await waitUntil(() => methods.shadowRoot!.querySelector('#action-error'), 'the lost answer is reported');
    expect(adapter.data.payments.methods).to.have.length(4);
    screen.getByShadowRole('button', { name: 'Save method' }).click();
    await waitUntil(() => !screen.queryByShadowRole('button', { name: 'Save method' }), 'the form closes');
    expect(sent, 'the retry adopted the stored method instead of adding it again').to.have.length(1);
    expect(adapter.data.payments.methods.filter((method) => method.last4 === '4444')).to.have.length(1);
    await waitUntil(() => screen.getByShadowRole('status').textContent === 'Mastercard •••• 4444 was added.');
  });

  it('explains why the method auto-pay uses cannot be removed', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    (await screen.findByShadowRole('button', { name: 'Remove Visa •••• 4242' })).click();
    await settle(methods);
    screen.getByShadowRole('button', { name: 'Remove' }).click();
    const alert = await screen.findByShadowText(/Auto-pay uses this method/);
    await settle(methods);
    expect(focused(methods)).to.equal(alert.closest('[role="alert"]'));
    expect(adapter.data.payments.methods).to.have.length(3);
    await expect(methods).shadowDom.to.be.accessible();
  });

  it('adds a card through the tokenizer; the adapter gets only a token', async () => {
    const adapter = memory();
    const added: unknown[] = [];
    const base = adapter.payments!;
    const recorded = {
      ...adapter,
      payments: {
        ...base,
        addMethod: (method: Parameters<typeof base.addMethod>[0], options?: Parameters<typeof base.addMethod>[1]) => (
          added.push(structuredClone(method)), base.addMethod(method, options)
        ),
      },
    };
    const { methods, screen } = await renderMethods({ adapter: recorded });
    (await screen.findByShadowRole('button', { name: 'Add a payment method' })).click();
    await settle(methods);
    const number = await screen.findByShadowLabelText('Card number');
    await waitUntil(() => document.activeElement === number, 'focus in the first field');
    fill(number, '5555 5555 5555 4444');
    fill(screen.getByShadowLabelText('Expiry date (MM/YY)'), '09/31');
    fill(screen.getByShadowLabelText('Security code'), '123');
    fill(screen.getByShadowLabelText('Name on card'), 'Jane Doe');
    await expect(methods).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Save method' }).click();
    await waitUntil(() => visibleText(methods).includes('Mastercard •••• 4444'));
    expect(added).to.have.length(1);
    expect(JSON.stringify(added)).not.to.include('5555555555554444').and.not.to.include('"123"');
    expect(added[0]).to.deep.include({ kind: 'card', brand: 'mastercard', last4: '4444', expiry: { month: 9, year: 2031 } });
    expect(methods.querySelector('input'), 'the fields are gone').to.equal(null);
  });

  it('shows card problems at their fields before anything is sent', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    (await screen.findByShadowRole('button', { name: 'Add a payment method' })).click();
    await settle(methods);
    fill(await screen.findByShadowLabelText('Card number'), '1234');
    screen.getByShadowRole('button', { name: 'Save method' }).click();
    await waitUntil(() => screen.getByShadowLabelText('Card number').getAttribute('aria-invalid') === 'true');
    expect(
      screen
        .getAllByShadowRole('alert')
        .map((alert) => alert.textContent)
        .join()
    ).to.include('Please correct 4 fields.');
    expect(adapter.data.payments.methods).to.have.length(3);
  });

  it('saves auto-pay top-ups, checking the amount against the minimum and the threshold against the credit limit', async () => {
    const adapter = memory();
    const { methods, screen } = await renderMethods({ adapter });
    const topUp = (await screen.findByShadowRole('checkbox', { name: 'Top up automatically when funds run low' })) as HTMLInputElement;
    expect((screen.getByShadowRole('checkbox', { name: 'Pay invoices automatically' }) as HTMLInputElement).checked).to.equal(true);
    topUp.click();
    await settle(methods);
    const threshold = screen.getByShadowLabelText(/^When my available credit falls below/) as HTMLInputElement;
    const amount = screen.getByShadowLabelText(/^Top up by/) as HTMLInputElement;
    expect(amount.value, 'starts at the minimum').to.equal('5.00');
    fill(threshold, '1,500');
    fill(amount, '4');
    screen.getByShadowRole('button', { name: 'Save auto-pay' }).click();
    await settle(methods);
    expect(focused(methods)).to.equal(threshold);
    expect(threshold.getAttribute('aria-invalid')).to.equal('true');
    expect(methods.shadowRoot!.getElementById('threshold-error')!.textContent).to.equal('The largest amount is $1,000.00.');
    expect(methods.shadowRoot!.getElementById('top-up-amount-error')!.textContent).to.equal('The smallest amount is $5.00.');
    await expect(methods).shadowDom.to.be.accessible();
    fill(threshold, '50');
    fill(amount, '25');
    screen.getByShadowRole('button', { name: 'Save auto-pay' }).click();
    await screen.findByShadowText('Auto-pay settings saved.');
    expect(adapter.data.payments.autoPay).to.deep.include({ payInvoices: true, topUp: { threshold: 50, amount: 25 }, methodId: 'pm-card-4242' });
  });

  it('keeps the user’s entries when auto-pay changed elsewhere meanwhile, and saves on the second try', async () => {
    const adapter = memory({ customer: 'residential' });
    const { screen } = await renderMethods({ adapter });
    const amount = (await screen.findByShadowLabelText(/^Top up by/)) as HTMLInputElement;
    expect(screen.getByShadowLabelText(/^When my balance falls below/)).to.exist;
    // Another tab changes auto-pay.
    const current = await adapter.payments!.getAutoPay();
    await adapter.payments!.updateAutoPay({ payInvoices: true, topUp: current.topUp, methodId: current.methodId }, { ifMatch: current.version });
    fill(amount, '30');
    screen.getByShadowRole('button', { name: 'Save auto-pay' }).click();
    await screen.findByShadowText(/Auto-pay was changed elsewhere in the meantime/);
    expect(amount.value, 'the entry is kept').to.equal('30');
    expect(adapter.data.payments.autoPay.topUp!.amount).to.equal(20);
    screen.getByShadowRole('button', { name: 'Save auto-pay' }).click();
    await screen.findByShadowText('Auto-pay settings saved.');
    expect(adapter.data.payments.autoPay.topUp!.amount).to.equal(30);
  });

  it('is read-only where the adapter cannot write, and "not connected" without an adapter', async () => {
    const { methods, screen } = await renderMethods({ adapter: memory({ capabilities: { payments: { write: false } } }) });
    await screen.findByShadowRole('list', { name: 'Saved methods' });
    expect(screen.queryByShadowRole('button', { name: /Remove/ })).to.equal(null);
    expect(screen.queryByShadowRole('button', { name: 'Save auto-pay' })).to.equal(null);
    expect(visibleText(methods)).to.include('View only');
    await expect(methods).shadowDom.to.be.accessible();
    const none = await renderMethods({ adapter: null });
    expect(await none.screen.findByShadowText('Not connected')).to.exist;
    await expect(none.methods).shadowDom.to.be.accessible();
  });

  it('speaks German and Arabic', async () => {
    const german = await renderMethods({ locale: 'de' });
    expect(await german.screen.findByShadowRole('heading', { name: 'Zahlungsarten' })).to.exist;
    expect(german.screen.getByShadowRole('checkbox', { name: 'Rechnungen automatisch bezahlen' })).to.exist;
    const arabic = await renderMethods({ locale: 'ar' });
    expect(await arabic.screen.findByShadowRole('heading', { name: 'طرق الدفع' })).to.exist;
    expect(getComputedStyle(arabic.methods).direction).to.equal('rtl');
    await expect(arabic.methods).shadowDom.to.be.accessible();
  });
});
