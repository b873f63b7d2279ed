import type { MemoryAdapter } from '@ringside/adapter-memory';
import { RingsideError, type PaymentRequest, type PaymentResult, type RingsideAdapter } from '@ringside/core';
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RsBalanceCard } from '../src/balance-card/balance-card.component.js';
import { createDemoTokenizer, createLocalDemoService } from '../src/payment-form/demo-tokenizer.js';
import type { PaymentActionDetail, PaymentEventDetail, RsPaymentForm } from '../src/payment-form/payment-form.component.js';
import { captureWarnings, memory, renderWidget, visibleText, type RenderOptions } from './helpers.js';

const CARD = '4242 4242 4242 4242';
const CARD_DIGITS = '4242424242424242';
const CVC = '737';

/** A fresh demo tokenizer whose payment service runs in the page (no reference server in these tests). */
const demoTokenizer = () => createDemoTokenizer({ service: createLocalDemoService() });

interface Calls {
  makePayment: PaymentRequest[];
}

/** The memory adapter, recording what reaches `makePayment`; `loseAnswers` makes the first N answers get lost after the charge. */
function recording(adapter: MemoryAdapter, options: { loseAnswers?: number; slow?: number } = {}): { adapter: RingsideAdapter; calls: Calls } {
  const calls: Calls = { makePayment: [] };
  let lose = options.loseAnswers ?? 0;
  const payments = adapter.payments!;
  return {
    calls,
    adapter: {
      ...adapter,
      payments: {
        ...payments,
        makePayment: async (request, callOptions) => {
          calls.makePayment.push(structuredClone(request));
          if (options.slow) await aTimeout(options.slow);
          const result = await payments.makePayment(request, callOptions);
          if (lose > 0) {
            lose -= 1;
            throw new RingsideError('timeout', { detail: 'answer lost on the way back' });
          }
          return result;
        },
      },
    },
  };
}

async function renderForm(options: RenderOptions & { tokenizer?: boolean } = {}, template = html`<rs-payment-form></rs-payment-form>`) {
  const setup = await renderWidget<RsPaymentForm>('rs-payment-form', template, options);
  const form = setup.element;
  if (options.tokenizer !== false) form.tokenizer = demoTokenizer();
  const events: PaymentEventDetail[] = [];
  form.addEventListener('rs-payment', (event) => events.push(event.detail));
  await settle(form);
  return { ...setup, form, events };
}

async function settle(form: RsPaymentForm): Promise<void> {
  await form.updateComplete;
  await aTimeout(0);
  await form.updateComplete;
}

function fill(input: HTMLElement, value: string): void {
  const field = input as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

type Screen = Awaited<ReturnType<typeof renderForm>>['screen'];

async function chooseNewCard(form: RsPaymentForm, screen: Screen): Promise<void> {
  (await screen.findByShadowRole('radio', { name: 'New card' })).click();
  await settle(form);
}

function fillCard(screen: Screen, card: { number?: string; expiry?: string; cvc?: string; holder?: string } = {}): void {
  fill(screen.getByShadowLabelText('Card number'), card.number ?? CARD);
  fill(screen.getByShadowLabelText('Expiry date (MM/YY)'), card.expiry ?? '12/34');
  fill(screen.getByShadowLabelText('Security code'), card.cvc ?? CVC);
  fill(screen.getByShadowLabelText('Name on card'), card.holder ?? 'Jane Doe');
}

async function pay(form: RsPaymentForm, screen: Screen, amount = '12.50'): Promise<void> {
  fill(screen.getByShadowLabelText(/^Amount/), amount);
  await settle(form);
  screen.getByShadowRole('button', { name: /^Pay/ }).click();
}

const paymentsOf = (adapter: MemoryAdapter) => adapter.data.payments.history;

/** Pays 40 with the 3-D Secure test card while the host takes the action (`rs-payment-action` cancelled), recording what it is asked. */
async function payNeedingHostAction(adapter: MemoryAdapter) {
  const rendered = await renderForm({ adapter });
  const actions: PaymentActionDetail[] = [];
  rendered.form.addEventListener('rs-payment-action', (event) => {
    event.preventDefault();
    actions.push(event.detail);
  });
  await chooseNewCard(rendered.form, rendered.screen);
  fillCard(rendered.screen, { number: '4000 0000 0000 3220' });
  await pay(rendered.form, rendered.screen, '40');
  return { ...rendered, actions };
}

describe('<rs-payment-form>', () => {
  it('shows the balance, the limits and the preferred stored method preselected, and passes axe', async () => {
    const { form, screen } = await renderForm();
    await screen.findByShadowRole('heading', { name: 'Make a payment' });
    const text = visibleText(form);
    expect(text).to.include('Amount used $412.35');
    expect(text).to.include('Between $5.00 and $1,000.00');
    const preferred = screen.getByShadowRole('radio', { name: /Saved: Visa •••• 4242/ }) as HTMLInputElement;
    expect(preferred.checked).to.equal(true);
    expect(screen.getByShadowRole('radio', { name: /Amex •••• 0005/ })).to.exist;
    for (const name of ['New card', 'Bank account (eCheck)', 'Direct debit (SEPA)', 'PayPal or another online wallet', 'Recharge voucher']) {
      expect(screen.getByShadowRole('radio', { name })).to.exist;
    }
    const amount = screen.getByShadowLabelText(/^Amount/) as HTMLInputElement;
    expect(amount.inputMode).to.equal('decimal');
    await expect(form).shadowDom.to.be.accessible();
  });

  it('mounts the tokenizer’s card fields in the light DOM, with the right autocomplete tokens and input modes', async () => {
    const { form, screen } = await renderForm();
    await chooseNewCard(form, screen);
    const slotted = form.querySelector('[slot="payment-fields"]')!;
    expect(slotted, 'a light-DOM container for hosted fields').to.exist;
    const byName = (name: string) => slotted.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    expect(byName('number').autocomplete).to.equal('cc-number');
    expect(byName('number').inputMode).to.equal('numeric');
    expect(byName('expiry').autocomplete).to.equal('cc-exp');
    expect(byName('securityCode').autocomplete).to.equal('cc-csc');
    expect(byName('holder').autocomplete).to.equal('cc-name');
    expect(screen.getByShadowLabelText('Card number')).to.equal(byName('number'));
    expect(screen.getByShadowRole('checkbox', { name: 'Save for future payments' })).to.exist;
    await expect(form).shadowDom.to.be.accessible();
  });

  it('pays with a new card: the adapter gets a token only, the receipt shows, and a balance card on the page refreshes', async () => {
    const base = memory();
    const { adapter, calls } = recording(base);
    const { form, screen, events, provider } = await renderForm({ adapter }, html`<rs-balance-card></rs-balance-card><rs-payment-form></rs-payment-form>`);
    const card = provider.querySelector<RsBalanceCard>('rs-balance-card')!;
    await waitUntil(() => visibleText(card).includes('$412.35'));
    await chooseNewCard(form, screen);
    fillCard(screen);
    (screen.getByShadowRole('checkbox', { name: 'Save for future payments' }) as HTMLInputElement).click();
    await pay(form, screen, '12.50');
    const heading = await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(form.shadowRoot!.activeElement, 'focus moves to the result').to.equal(heading);
    const receipt = visibleText(form);
    expect(receipt).to.match(/Amount\s*\$12\.50/);
    expect(receipt).to.match(/Paid with\s*Visa •••• 4242/);
    expect(receipt).to.match(/Reference\s*RS-\d+/);
    expect(receipt).to.match(/New balance\s*\$399\.85/);
    await waitUntil(() => visibleText(card).includes('$399.85'), 'the balance card shows the new balance');

    expect(calls.makePayment).to.have.length(1);
    const sent = calls.makePayment[0]!;
    expect(sent.idempotencyKey).to.match(/^rs-[0-9a-f]{32}$/);
    expect(sent.amount).to.deep.equal({ amount: 12.5, currency: 'USD' });
    expect(sent.source).to.deep.include({ save: true });
    const tokenized = (sent.source as unknown as { tokenized: Record<string, unknown> }).tokenized;
    expect(Object.keys(tokenized).sort()).to.deep.equal(['brand', 'expiry', 'kind', 'last4', 'token']);
    expect(tokenized).to.deep.include({ kind: 'card', brand: 'visa', last4: '4242', expiry: { month: 12, year: 2034 } });
    // The key and the token are random text that may contain any three digits; everything else must not carry card data.
    const rest = JSON.stringify({ ...sent, idempotencyKey: undefined, source: { ...sent.source, tokenized: { ...tokenized, token: undefined } } });
    expect(rest).not.to.include(CARD_DIGITS).and.not.to.include(CVC).and.not.to.include('Jane');
    expect(String(tokenized.token)).not.to.include(CARD_DIGITS);
    expect(
      base.data.payments.methods.some((method) => method.label === 'Visa •••• 4242' && method.id !== 'pm-card-4242'),
      'saved for future use'
    ).to.equal(true);

    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({
      status: 'succeeded',
      method: 'Visa •••• 4242',
      amount: { amount: 12.5, currency: 'USD' },
      newBalance: 399.85,
      replayed: false,
    });
    expect(JSON.stringify(events)).not.to.include(String(tokenized.token));
    expect(form.querySelector('input'), 'the card fields are gone with the typed data').to.equal(null);
    await expect(form).shadowDom.to.be.accessible();
  });

  it('is usable by keyboard alone: arrows choose the method, Tab walks the fields, Enter pays', async () => {
    const adapter = memory();
    const { form, screen } = await renderForm({ adapter });
    (await screen.findByShadowRole('radio', { name: /Visa •••• 4242/ })).focus();
    for (let step = 0; step < 3; step++) await sendKeys({ press: 'ArrowDown' });
    await settle(form);
    expect((screen.getByShadowRole('radio', { name: 'New card' }) as HTMLInputElement).checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(form.shadowRoot!.activeElement).to.equal(screen.getByShadowLabelText(/^Amount/));
    await sendKeys({ type: '25' });
    for (const [label, text] of [
      ['Card number', CARD],
      ['Expiry date (MM/YY)', '1234'],
      ['Security code', CVC],
      ['Name on card', 'Jane Doe'],
    ] as const) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, label).to.equal(screen.getByShadowLabelText(label));
      await sendKeys({ type: text });
    }
    await sendKeys({ press: 'Enter' });
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter)[0]!.amount.amount).to.equal(25);
  });

  it('pays with the preferred stored method and starts over for another payment', async () => {
    const adapter = memory();
    const { form, screen } = await renderForm({ adapter });
    await screen.findByShadowRole('radio', { name: /Visa •••• 4242/ });
    await pay(form, screen, '20');
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter)).to.have.length(1);
    screen.getByShadowRole('button', { name: 'Make another payment' }).click();
    await settle(form);
    expect((screen.getByShadowLabelText(/^Amount/) as HTMLInputElement).value).to.equal('');
    await pay(form, screen, '20');
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter), 'a new payment gets a new key').to.have.length(2);
  });

  it('reads and shows amounts the German way, and explains "12.50" instead of guessing', async () => {
    const adapter = memory({ customer: 'residential' });
    const { form, screen } = await renderForm({ adapter, locale: 'de-DE' });
    const amount = (await screen.findByShadowLabelText(/^Betrag/)) as HTMLInputElement;
    fill(amount, '12.50');
    await settle(form);
    screen.getByShadowRole('button', { name: /bezahlen$/i }).click();
    await waitUntil(() => amount.getAttribute('aria-invalid') === 'true');
    await settle(form);
    expect(form.shadowRoot!.activeElement, 'focus on the invalid field').to.equal(amount);
    const error = form.shadowRoot!.getElementById('amount-error')!;
    expect(error.textContent).to.equal('Geben Sie den Betrag als Zahl ein, zum Beispiel 12,50.');
    expect(amount.getAttribute('aria-describedby')).to.include('amount-error');
    expect(screen.getByShadowRole('alert').textContent).to.include('Bitte korrigieren Sie 1 Feld.');
    expect(paymentsOf(adapter)).to.have.length(0);
    fill(amount, '12,5');
    await settle(form);
    expect(amount.value, 'shown the locale’s way once left').to.equal('12,50');
    expect(screen.getByShadowRole('button', { name: /12,50\s€ bezahlen/ })).to.exist;
    screen.getByShadowRole('button', { name: /bezahlen$/i }).click();
    await screen.findByShadowRole('heading', { name: 'Zahlung erfolgreich' });
    expect(paymentsOf(adapter)[0]!.amount).to.deep.equal({ amount: 12.5, currency: 'EUR' });
    await expect(form).shadowDom.to.be.accessible();
  });

  it('shows every problem at its field, announces them and focuses the first', async () => {
    const { adapter, calls } = recording(memory());
    const { form, screen } = await renderForm({ adapter });
    await chooseNewCard(form, screen);
    fillCard(screen, { number: '4242 4242 4242 4241', expiry: '01/20', cvc: '12', holder: '' });
    await pay(form, screen, '2');
    const number = screen.getByShadowLabelText('Card number') as HTMLInputElement;
    await waitUntil(() => number.getAttribute('aria-invalid') === 'true');
    await settle(form);
    const amount = screen.getByShadowLabelText(/^Amount/);
    expect(form.shadowRoot!.activeElement, 'the amount comes first').to.equal(amount);
    expect(amount.getAttribute('aria-invalid')).to.equal('true');
    expect(form.shadowRoot!.getElementById('amount-error')!.textContent).to.equal('The smallest amount is $5.00.');
    const described = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent;
    expect(described(number)).to.equal('This card number is not valid. Check it for typing mistakes.');
    expect(described(screen.getByShadowLabelText('Expiry date (MM/YY)'))).to.equal('This card has expired.');
    expect(described(screen.getByShadowLabelText('Security code'))).to.equal('The security code has 3 digits.');
    expect(described(screen.getByShadowLabelText('Name on card'))).to.equal('Enter the name as printed on the card.');
    expect(screen.getByShadowRole('alert').textContent).to.include('Please correct 5 fields.');
    expect(calls.makePayment, 'nothing was sent').to.have.length(0);

    fill(amount, '10');
    await settle(form);
    screen.getByShadowRole('button', { name: /^Pay/ }).click();
    await waitUntil(() => document.activeElement === number, 'then the first card field');
    await expect(form).shadowDom.to.be.accessible();
  });

  it('keeps what was typed but the security code after a decline, and gives the reason', async () => {
    const adapter = memory();
    const { form, screen, events } = await renderForm({ adapter });
    await chooseNewCard(form, screen);
    fillCard(screen, { number: '4000-0000-0000-9995' });
    await pay(form, screen);
    const alert = await screen.findByShadowText('There is not enough money on the card or account.');
    expect(alert).to.exist;
    await settle(form);
    expect((screen.getByShadowLabelText('Card number') as HTMLInputElement).value).to.equal('4000-0000-0000-9995');
    expect((screen.getByShadowLabelText('Name on card') as HTMLInputElement).value).to.equal('Jane Doe');
    expect((screen.getByShadowLabelText('Expiry date (MM/YY)') as HTMLInputElement).value).to.equal('12/34');
    expect((screen.getByShadowLabelText('Security code') as HTMLInputElement).value).to.equal('');
    expect((screen.getByShadowLabelText(/^Amount/) as HTMLInputElement).value).to.equal('12.50');
    expect(events.map((event) => event.status)).to.deep.equal(['declined']);
    await expect(form).shadowDom.to.be.accessible();

    // Another card is another payment: a new key, charged.
    fillCard(screen, { number: CARD });
    screen.getByShadowRole('button', { name: /^Pay/ }).click();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    const keys = new Set(Object.keys(adapter.data.payments.idempotency.payments));
    expect(keys.size).to.equal(2);
  });

  it('charges once on a double click', async () => {
    const base = memory();
    const { adapter, calls } = recording(base, { slow: 50 });
    const { form, screen } = await renderForm({ adapter });
    await screen.findByShadowRole('radio', { name: /Visa •••• 4242/ });
    fill(screen.getByShadowLabelText(/^Amount/), '15');
    await settle(form);
    const button = screen.getByShadowRole('button', { name: /^Pay/ }) as HTMLButtonElement;
    button.click();
    button.click();
    form.shadowRoot!.querySelector('form')!.requestSubmit();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(calls.makePayment).to.have.length(1);
    expect(paymentsOf(base)).to.have.length(1);
  });

  it('recovers a payment whose answer got lost: "Try again" charges once and says so', async () => {
    const base = memory();
    const { adapter, calls } = recording(base, { loseAnswers: 1 });
    const { form, screen, events } = await renderForm({ adapter });
    await chooseNewCard(form, screen);
    fillCard(screen);
    await pay(form, screen, '30');
    await screen.findByShadowText('We could not confirm whether the payment went through.');
    await settle(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('outcome');
    expect((screen.getByShadowLabelText(/^Amount/) as HTMLInputElement).readOnly, 'the amount cannot change meanwhile').to.equal(true);
    await expect(form).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Try again' }).click();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(visibleText(form)).to.include('This payment had already gone through; you were charged only once.');
    expect(calls.makePayment).to.have.length(2);
    expect(calls.makePayment[1], 'the same request with the same key').to.deep.equal(calls.makePayment[0]);
    expect(paymentsOf(base)).to.have.length(1);
    expect(base.data.balance!.balance).to.equal(382.35);
    expect(events.map((event) => [event.status, event.replayed])).to.deep.equal([['succeeded', true]]);
  });

  it('hands 3-D Secure to the host and finishes the payment once the host answers', async () => {
    const adapter = memory();
    const { form, screen, events, actions } = await payNeedingHostAction(adapter);
    await screen.findByShadowRole('heading', { name: 'Waiting for your confirmation' });
    await waitUntil(() => actions.length === 1);
    expect(actions[0]!.action.type).to.equal('three_ds');
    expect(actions[0]!.action.url).to.match(/^https:\/\//);
    expect(paymentsOf(adapter)[0]!.status).to.equal('requires_action');
    await expect(form).shadowDom.to.be.accessible();
    actions[0]!.respond('completed');
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter)[0]!.status).to.equal('succeeded');
    expect(events.map((event) => event.status)).to.deep.equal(['succeeded']);
  });

  it('offers the confirmation page itself when the host does not answer the action, and resumes a cancelled one with the same key', async () => {
    const adapter = memory();
    const { form, screen } = await renderForm({ adapter });
    await screen.findByShadowRole('radio', { name: 'PayPal or another online wallet' });
    screen.getByShadowRole('radio', { name: 'PayPal or another online wallet' }).click();
    await settle(form);
    expect(visibleText(form)).to.include('You will confirm the payment on your wallet’s page');
    await pay(form, screen, '25');
    const link = (await screen.findByShadowRole('link', { name: 'Open the confirmation page' })) as HTMLAnchorElement;
    expect(link.href).to.match(/^https:\/\/pay\.example\.test\/redirect\//);
    expect(link.rel).to.include('noopener');
    await expect(form).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'I have confirmed the payment' }).click();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter)).to.have.length(1);
  });

  it('never makes a javascript: action address a link', async () => {
    const base = memory();
    const payments = base.payments!;
    const adapter: RingsideAdapter = {
      ...base,
      payments: {
        ...payments,
        makePayment: async (request, options) => {
          const result = await payments.makePayment(request, options);
          return { ...result, action: { type: 'redirect', url: 'javascript:alert(document.domain)' } };
        },
      },
    };
    const { form, screen } = await renderForm({ adapter });
    (await screen.findByShadowRole('radio', { name: 'PayPal or another online wallet' })).click();
    await settle(form);
    await pay(form, screen, '25');
    await screen.findByShadowRole('button', { name: 'I have confirmed the payment' });
    expect(screen.queryByShadowRole('link'), 'no link to the action').to.equal(null);
    expect(form.shadowRoot!.querySelector('[href^="javascript"]')).to.equal(null);
    await expect(form).shadowDom.to.be.accessible();
  });

  it('lets the user stop waiting for the host, and stops waiting by itself when it leaves the page', async () => {
    const adapter = memory();
    const { form, screen, actions } = await payNeedingHostAction(adapter);
    const stop = await screen.findByShadowRole('button', { name: 'Stop waiting' });
    await expect(form).shadowDom.to.be.accessible();
    stop.click();
    await screen.findByShadowText('The payment was not confirmed, and nothing was charged. You can try again.');
    await settle(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('outcome');
    expect((screen.getByShadowRole('button', { name: /^Pay/ }) as HTMLButtonElement).disabled, 'the form is usable again').to.equal(false);

    screen.getByShadowRole('button', { name: /^Pay/ }).click();
    await screen.findByShadowRole('button', { name: 'Stop waiting' });
    expect(actions).to.have.length(2);
    const parent = form.parentElement!;
    form.remove();
    await aTimeout(0);
    parent.append(form);
    await screen.findByShadowText('The payment was not confirmed, and nothing was charged. You can try again.');
    await settle(form);
    expect(form.shadowRoot!.querySelector('section')!.getAttribute('aria-busy'), 'not busy after coming back').to.equal('false');
    expect((screen.getByShadowRole('button', { name: /^Pay/ }) as HTMLButtonElement).disabled).to.equal(false);
    actions[1]!.respond('completed');
    await settle(form);
    expect(paymentsOf(adapter)).to.have.length(1);
  });

  it('says when a customer cancelled 3-D Secure, and charges once when they pay again', async () => {
    const adapter = memory();
    const { form, screen } = await renderForm({ adapter });
    let answer: 'completed' | 'cancelled' = 'cancelled';
    form.addEventListener('rs-payment-action', (event) => {
      event.preventDefault();
      event.detail.respond(answer);
    });
    await chooseNewCard(form, screen);
    fillCard(screen, { number: '4000 0000 0000 3220' });
    await pay(form, screen, '40');
    await screen.findByShadowText('The payment was not confirmed, and nothing was charged. You can try again.');
    answer = 'completed';
    await settle(form);
    screen.getByShadowRole('button', { name: /^Pay/ }).click();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect(paymentsOf(adapter)).to.have.length(1);
  });

  it('reports a bank payment that is still clearing as pending', async () => {
    const { form, screen, events } = await renderForm();
    (await screen.findByShadowRole('radio', { name: 'Bank account (eCheck)' })).click();
    await settle(form);
    fill(screen.getByShadowLabelText('Account holder'), 'Jo Smith');
    fill(screen.getByShadowLabelText('Routing number'), '110000000');
    fill(screen.getByShadowLabelText('Account number'), '000333333335');
    fill(screen.getByShadowLabelText('Account type'), 'checking');
    await pay(form, screen, '50');
    await screen.findByShadowRole('heading', { name: 'Payment is being processed' });
    expect(visibleText(form)).to.match(/Paid with\s*Bank account \(eCheck\) •••• 3335/);
    expect(events.map((event) => event.status)).to.deep.equal(['pending']);
    await expect(form).shadowDom.to.be.accessible();
  });

  it('checks an IBAN by its checksum before anything is sent', async () => {
    const { adapter, calls } = recording(memory({ customer: 'residential' }));
    const { form, screen } = await renderForm({ adapter });
    (await screen.findByShadowRole('radio', { name: 'Direct debit (SEPA)' })).click();
    await settle(form);
    fill(screen.getByShadowLabelText('Account holder'), 'Maya Lindqvist');
    fill(screen.getByShadowLabelText('IBAN'), 'DE89 3704 0044 0532 0130 01');
    await pay(form, screen, '20');
    const iban = screen.getByShadowLabelText('IBAN');
    await waitUntil(() => document.activeElement === iban);
    expect(iban.getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText(form) + form.textContent).to.include('This IBAN is not valid.');
    expect(calls.makePayment).to.have.length(0);
    fill(iban, 'DE89 3704 0044 0532 0130 00');
    screen.getByShadowRole('button', { name: /^Pay/ }).click();
    await screen.findByShadowRole('heading', { name: 'Payment successful' });
    expect((calls.makePayment[0]!.source as { tokenized: { last4: string } }).tokenized.last4).to.equal('3000');
  });

  it('redeems a voucher once, and explains a used one at the field', async () => {
    const adapter = memory();
    const { form, screen, events } = await renderForm({ adapter });
    (await screen.findByShadowRole('radio', { name: 'Recharge voucher' })).click();
    await settle(form);
    expect(screen.queryByShadowLabelText(/^Amount/), 'a voucher carries its amount').to.equal(null);
    const code = screen.getByShadowLabelText('Voucher code') as HTMLInputElement;
    fill(code, 'rs-demo-50');
    await settle(form);
    screen.getByShadowRole('button', { name: 'Redeem voucher' }).click();
    await waitUntil(() => code.getAttribute('aria-invalid') === 'true');
    expect(form.shadowRoot!.getElementById('code-error')!.textContent).to.equal('This voucher has already been used.');
    expect(code.value, 'what was typed stays').to.equal('rs-demo-50');
    fill(code, ' rs-demo-25 ');
    await settle(form);
    screen.getByShadowRole('button', { name: 'Redeem voucher' }).click();
    await screen.findByShadowRole('heading', { name: 'Voucher redeemed' });
    expect(visibleText(form)).to.match(/Amount\s*\$25\.00/);
    expect(events.map((event) => [event.status, event.amount.amount])).to.deep.equal([['succeeded', 25]]);
    await expect(form).shadowDom.to.be.accessible();
  });

  it('never puts card data or tokens in events, the console or storage', async () => {
    const seen: string[] = [];
    const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) console[name] = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      seen.push(`${key}=${value}`);
      return setItem.call(this, key, value);
    };
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (event: Event) {
      if (event instanceof CustomEvent) seen.push(JSON.stringify(event.detail ?? null, (_key, value: unknown) => (typeof value === 'function' ? 'fn' : value)));
      return dispatch.call(this, event);
    };
    const base = memory();
    const { adapter, calls } = recording(base);
    try {
      const { form, screen } = await renderForm({ adapter });
      await chooseNewCard(form, screen);
      fillCard(screen, { number: '4000 0000 0000 0002' });
      await pay(form, screen, '12.50');
      await screen.findByShadowText('Your card was declined. Please use another card or contact your bank.');
      fillCard(screen);
      screen.getByShadowRole('button', { name: /^Pay/ }).click();
      await screen.findByShadowRole('heading', { name: 'Payment successful' });
      expect(location.href).not.to.include('4242');
    } finally {
      Object.assign(console, originals);
      Storage.prototype.setItem = setItem;
      EventTarget.prototype.dispatchEvent = dispatch;
    }
    const tokens = calls.makePayment.map((request) => (request.source as { tokenized: { token: string } }).tokenized.token);
    expect(tokens).to.have.length(2);
    const everything = seen.join('\n');
    expect(seen.length, 'events were watched').to.be.greaterThan(0);
    for (const secret of [CARD_DIGITS, CARD, '4000000000000002', CVC, ...tokens]) expect(everything).not.to.include(secret);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  describe('states', () => {
    it('is "not connected" without an adapter, and passes axe', async () => {
      const { form, screen } = await renderForm({ adapter: null });
      expect(await screen.findByShadowText('Not connected')).to.exist;
      await expect(form).shadowDom.to.be.accessible();
    });

    it('shows loading while settings are on their way', async () => {
      const adapter = memory();
      adapter.faults.hang();
      const { form, screen } = await renderForm({ adapter });
      expect(await screen.findByShadowText('Loading payment options…')).to.exist;
      expect(form.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(form).shadowDom.to.be.accessible();
      adapter.faults.clear();
    });

    it('offers a retry when the settings cannot be read', async () => {
      const adapter = memory();
      adapter.faults.failNext(1, 'unavailable');
      const { form, screen } = await renderForm({ adapter });
      expect(await screen.findByShadowText('The service is not available right now.')).to.exist;
      await expect(form).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Try again' }).click();
      expect(await screen.findByShadowRole('radio', { name: /Visa •••• 4242/ })).to.exist;
    });

    it('is read-only where the adapter cannot take payments', async () => {
      const adapter = memory({ capabilities: { payments: { write: false } } });
      const { form, screen } = await renderForm({ adapter });
      expect(await screen.findByShadowText('Payments cannot be made from this account.')).to.exist;
      expect(screen.queryByShadowRole('button', { name: /^Pay/ })).to.equal(null);
      expect(visibleText(form)).to.include('View only');
      await expect(form).shadowDom.to.be.accessible();
    });

    it('says so when nothing can be paid with, and offers only what needs no tokenizer without one', async () => {
      const { form, screen } = await renderForm({ adapter: memory({ customer: 'new' }), tokenizer: false });
      await screen.findByShadowRole('radio', { name: 'Recharge voucher' });
      expect(screen.queryByShadowRole('radio', { name: 'New card' })).to.equal(null);
      expect(visibleText(form)).to.include('Card and bank payments are not set up on this page.');
      const empty = await renderForm({ adapter: memory({ customer: 'new', capabilities: { payments: { methods: [] } } }) });
      expect(await empty.screen.findByShadowText('No payment methods are available for this account.')).to.exist;
      await expect(empty.form).shadowDom.to.be.accessible();
    });

    it('renders Arabic right to left', async () => {
      const { form, screen } = await renderForm({ locale: 'ar' });
      await screen.findByShadowRole('heading', { name: 'إجراء دفعة' });
      expect(getComputedStyle(form).direction).to.equal('rtl');
      expect(screen.getByShadowRole('radio', { name: 'بطاقة جديدة' })).to.exist;
      await expect(form).shadowDom.to.be.accessible();
    });
  });

  it('keeps the card details through 3-D Secure and gives the reason when the bank then declines, keeping all but the security code', async () => {
    const adapter = memory();
    const { form, screen, events } = await renderForm({ adapter });
    form.addEventListener('rs-payment-action', (event) => {
      event.preventDefault();
      event.detail.respond('completed');
    });
    await chooseNewCard(form, screen);
    fillCard(screen, { number: '4000 0084 0000 1629' });
    await pay(form, screen, '40');
    await screen.findByShadowText('Your card was declined. Please use another card or contact your bank.');
    await settle(form);
    expect(paymentsOf(adapter)[0]).to.deep.include({ status: 'declined', declineReason: 'card_declined' });
    expect(adapter.data.balance!.balance, 'nothing charged').to.equal(412.35);
    expect((screen.getByShadowLabelText('Card number') as HTMLInputElement).value).to.equal('4000 0084 0000 1629');
    expect((screen.getByShadowLabelText('Expiry date (MM/YY)') as HTMLInputElement).value).to.equal('12/34');
    expect((screen.getByShadowLabelText('Name on card') as HTMLInputElement).value).to.equal('Jane Doe');
    expect((screen.getByShadowLabelText('Security code') as HTMLInputElement).value).to.equal('');
    expect((screen.getByShadowLabelText(/^Amount/) as HTMLInputElement).value).to.equal('40.00');
    expect(form.shadowRoot!.activeElement?.id).to.equal('outcome');
    expect(events.map((event) => [event.status, event.paymentId])).to.deep.equal([['declined', paymentsOf(adapter)[0]!.id]]);
    await expect(form).shadowDom.to.be.accessible();
  });

  it('says so when the bank cannot confirm the card in 3-D Secure', async () => {
    const adapter = memory();
    const { form, screen } = await renderForm({ adapter });
    form.addEventListener('rs-payment-action', (event) => {
      event.preventDefault();
      event.detail.respond('completed');
    });
    await chooseNewCard(form, screen);
    fillCard(screen, { number: '4000 0084 0000 1280' });
    await pay(form, screen, '40');
    await screen.findByShadowText('Your bank could not confirm the payment.');
    expect(paymentsOf(adapter)[0]).to.deep.include({ status: 'declined', declineReason: 'authentication_failed' });
    expect((screen.getByShadowLabelText('Card number') as HTMLInputElement).value).to.equal('4000 0084 0000 1280');
  });

  describe('coming back from a wallet', () => {
    const page = location.href;
    afterEach(() => history.replaceState(history.state, '', page));

    /** Starts a wallet payment at the backend, as the form does before the customer leaves, and answers it. */
    async function walletPayment(adapter: MemoryAdapter, amount = 25): Promise<PaymentResult> {
      return adapter.payments!.makePayment({
        amount: { amount, currency: 'USD' },
        source: { redirect: { returnUrl: page } },
        idempotencyKey: `rs-wallet-${Math.random()}`,
      });
    }

    const returnTo = (id: string) => {
      const url = new URL(page);
      url.searchParams.set('rs-payment', id);
      history.replaceState(history.state, '', url.href);
    };

    it('sends the page as the return address, and the backend names the payment in it', async () => {
      const base = memory();
      const { adapter, calls } = recording(base);
      returnTo('pay-old');
      const { form, screen } = await renderForm({ adapter });
      await screen.findByShadowText(/We could not find the payment/);
      (await screen.findByShadowRole('radio', { name: 'PayPal or another online wallet' })).click();
      await settle(form);
      await pay(form, screen, '25');
      const link = (await screen.findByShadowRole('link', { name: 'Open the confirmation page' })) as HTMLAnchorElement;
      const sent = calls.makePayment[0]!.source as { redirect: { returnUrl: string } };
      expect(sent.redirect.returnUrl, 'the page, without an earlier return').to.equal(page);
      const back = new URL(new URL(link.href).searchParams.get('return')!);
      expect(back.searchParams.get('rs-payment')).to.equal(paymentsOf(base)[0]!.id);
      expect(link.target, 'the customer leaves in this window, and comes back to it').to.equal('');
    });

    it('shows the receipt of the payment the URL names, refreshes the balance card, and takes the parameter out of the address bar', async () => {
      const adapter = memory();
      const started = await walletPayment(adapter);
      expect(started.status).to.equal('requires_action');
      returnTo(started.id);
      const events: PaymentEventDetail[] = [];
      const { form, screen, provider } = await renderForm(
        { adapter },
        html`<rs-balance-card></rs-balance-card
          ><rs-payment-form @rs-payment=${(event: CustomEvent<PaymentEventDetail>) => events.push(event.detail)}></rs-payment-form>`
      );
      const card = provider.querySelector<RsBalanceCard>('rs-balance-card')!;
      await screen.findByShadowRole('heading', { name: 'Payment successful' });
      const receipt = visibleText(form);
      expect(receipt).to.match(/Amount\s*\$25\.00/);
      expect(receipt).to.match(/Paid with\s*PayPal or another online wallet/);
      expect(receipt).to.match(/New balance\s*\$387\.35/);
      await waitUntil(() => visibleText(card).includes('$387.35'), 'the balance card shows the new balance');
      expect(new URL(location.href).searchParams.has('rs-payment')).to.equal(false);
      expect(location.href).to.equal(page);
      expect(events.map((event) => [event.status, event.paymentId])).to.deep.equal([['succeeded', started.id]]);
      expect(adapter.data.balance!.balance, 'credited once').to.equal(387.35);
      await expect(form).shadowDom.to.be.accessible();
    });

    it('shows a payment the host hands in with payment-id: a decline with its reason', async () => {
      const adapter = memory();
      const started = await adapter.payments!.makePayment({
        amount: { amount: 30, currency: 'USD' },
        source: {
          tokenized: { kind: 'card', token: 'tok_3ds_decline.insufficient_funds.abc', brand: 'visa', last4: '3178', expiry: { month: 12, year: 2099 } },
        },
        idempotencyKey: 'rs-host-route',
      });
      const events: PaymentEventDetail[] = [];
      const { form, screen } = await renderForm(
        { adapter },
        html`<rs-payment-form payment-id=${started.id} @rs-payment=${(event: CustomEvent<PaymentEventDetail>) => events.push(event.detail)}></rs-payment-form>`
      );
      await screen.findByShadowText('There is not enough money on the card or account.');
      expect(events.map((event) => event.status)).to.deep.equal(['declined']);
      expect(adapter.data.balance!.balance).to.equal(412.35);
      expect(screen.getByShadowRole('button', { name: /^Pay/ }), 'the form is there to pay again').to.exist;
      await expect(form).shadowDom.to.be.accessible();
    });

    it('offers to continue a payment that still waits for the customer', async () => {
      const base = memory();
      const started = await walletPayment(base, 20);
      let reads = 0;
      // The wallet has not heard from the customer yet on the first read.
      const adapter: RingsideAdapter = {
        ...base,
        payments: { ...base.payments!, getPayment: async (id, options) => (reads++ === 0 ? started : base.payments!.getPayment(id, options)) },
      };
      returnTo(started.id);
      const { form, screen } = await renderForm({ adapter });
      await screen.findByShadowRole('heading', { name: 'Waiting for your confirmation' });
      const link = screen.getByShadowRole('link', { name: 'Open the confirmation page' }) as HTMLAnchorElement;
      expect(link.href).to.equal(started.action!.url);
      expect(new URL(location.href).searchParams.has('rs-payment')).to.equal(false);
      await expect(form).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'I have confirmed the payment' }).click();
      await screen.findByShadowRole('heading', { name: 'Payment successful' });
      expect(base.data.balance!.balance).to.equal(392.35);
    });

    it('says when the payment named is unknown, in the page’s language, and takes the parameter away', async () => {
      returnTo('pay-does-not-exist');
      const { form, screen } = await renderForm({ locale: 'de' });
      await screen.findByShadowText('Die Zahlung, von der Sie zurückkommen, wurde nicht gefunden. Bitte prüfen Sie Ihr Guthaben, bevor Sie erneut zahlen.');
      expect(form.shadowRoot!.activeElement?.id).to.equal('outcome');
      expect(location.href).to.equal(page);
      await expect(form).shadowDom.to.be.accessible();
    });

    it('keeps the parameter when the answer got lost, and asks again on "Try again"', async () => {
      const base = memory();
      const started = await walletPayment(base);
      let fail = true;
      const adapter: RingsideAdapter = {
        ...base,
        payments: {
          ...base.payments!,
          getPayment: async (id, options) => {
            if (fail) throw new RingsideError('network');
            return base.payments!.getPayment(id, options);
          },
        },
      };
      returnTo(started.id);
      const { screen } = await renderForm({ adapter });
      const retry = await screen.findByShadowRole('button', { name: 'Try again' });
      expect(new URL(location.href).searchParams.get('rs-payment')).to.equal(started.id);
      fail = false;
      retry.click();
      await screen.findByShadowRole('heading', { name: 'Payment successful' });
      expect(location.href).to.equal(page);
      expect(base.data.balance!.balance).to.equal(387.35);
    });
  });

  it('shows an unknown payment status as pending, never as paid', async () => {
    const base = memory();
    const adapter: RingsideAdapter = {
      ...base,
      payments: {
        ...base.payments!,
        makePayment: async (request) => ({ ...(await base.payments!.makePayment(request)), status: 'on_hold' as PaymentResult['status'] }),
      },
    };
    const { form, screen } = await renderForm({ adapter });
    await screen.findByShadowRole('radio', { name: /Visa •••• 4242/ });
    const warnings = await captureWarnings(async () => {
      await pay(form, screen, '20');
      await screen.findByShadowRole('heading', { name: 'Payment is being processed' });
    });
    expect(warnings.join()).to.include('unknown payment status "on_hold"');
    expect(visibleText(form)).not.to.include('Payment successful');
  });
});
