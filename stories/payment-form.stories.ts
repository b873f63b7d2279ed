import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@ringside/adapter-memory';
import { RingsideError, createI18n, type RingsideAdapter } from '@ringside/core';
import { createDemoTokenizer, createLocalDemoService, type PaymentActionDetail, type PaymentEventDetail, type RsPaymentForm } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideParameters } from '../.storybook/ringside.js';

interface FormArgs {
  readonly: boolean;
  amount: number | undefined;
  /** How the story's host answers 3-D Secure and wallet redirects; `none` leaves it to the form. */
  actionAnswer: 'completed' | 'cancelled' | 'none';
  /** A payment to show on arrival (`payment-id`), as after a wallet's redirect back. */
  paymentId: string;
  onPayment: (event: CustomEvent<PaymentEventDetail>) => void;
}

type Story = StoryObj<FormArgs>;

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

/** A fresh seeded memory adapter per story render, changed by `plan` (faults, capabilities). */
function memory(
  customer: 'business' | 'residential' | 'new' = 'business',
  plan?: (adapter: MemoryAdapter) => void,
  capabilities?: MemoryAdapterOptions['capabilities']
): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer, ...(capabilities ? { capabilities } : {}) });
    plan?.(adapter);
    return adapter;
  };
}

/** The memory adapter whose first payment answer gets lost after the charge, as on a flaky network. */
function losingFirstAnswer(): () => RingsideAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer: 'business' });
    const payments = adapter.payments!;
    let lost = false;
    return {
      ...adapter,
      payments: {
        ...payments,
        makePayment: async (request, options) => {
          const result = await payments.makePayment(request, options);
          if (lost) return result;
          lost = true;
          throw new RingsideError('timeout', { detail: 'answer lost on the way back' });
        },
      },
    };
  };
}

const noRetries = { retry: { retries: 0 }, timeout: 3000 };

async function getForm({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const form = await waitFor(() => {
    const found = canvasElement.querySelector<RsPaymentForm>('rs-payment-form');
    if (!found?.shadowRoot) throw new Error('<rs-payment-form> has not rendered');
    return found;
  });
  await form.updateComplete;
  const i18n = createI18n({ locale: String(globals.locale ?? 'en') });
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options).replace(/\s+/g, ' ');
  return {
    form,
    shadow: within(form.shadowRoot as unknown as HTMLElement),
    /** The tokenizer's fields, in the light DOM. */
    fields: within(form),
    t,
    money: (amount: number, currency = 'USD') => i18n.format.money(amount, currency).replace(/\s+/g, ' '),
  };
}

type FormQueries = Awaited<ReturnType<typeof getForm>>;

async function enterCard({ form, shadow, fields, t }: FormQueries, number: string) {
  await userEvent.click(await shadow.findByRole('radio', { name: t('paymentForm.kinds.card') }));
  await form.updateComplete;
  await userEvent.type(await fields.findByLabelText(t('paymentFields.card.number')), number);
  await userEvent.type(fields.getByLabelText(t('paymentFields.card.expiry')), '12/34');
  await userEvent.type(fields.getByLabelText(t('paymentFields.card.securityCode')), '123');
  await userEvent.type(fields.getByLabelText(t('paymentFields.card.holder')), 'Jane Doe');
}

/** Types `typed` as the amount and presses the pay button, which names the amount (`value`) in the story's locale. */
async function payAmount({ shadow, t, money }: FormQueries, typed: string, value: number, currency = 'USD') {
  const input = await shadow.findByLabelText(new RegExp(`^${t('paymentForm.amount')}`));
  await userEvent.type(input, typed, { initialSelectionStart: 0, initialSelectionEnd: (input as HTMLInputElement).value.length });
  await userEvent.click(
    await shadow.findByRole('button', { name: (name) => name.replace(/\s+/g, ' ') === t('paymentForm.pay', { amount: money(value, currency) }) })
  );
}

const meta = {
  title: 'Widgets/Payment form',
  component: 'rs-payment-form',
  parameters: ringside({ adapter: memory(), storeOptions: noRetries, width: '28rem' }),
  args: { readonly: false, amount: undefined, actionAnswer: 'completed', paymentId: '', onPayment: fn() },
  argTypes: {
    readonly: { description: 'Shows the balance but takes no payment.', control: 'boolean', table: { category: 'attributes' } },
    amount: { description: 'The amount to start with.', control: { type: 'number', min: 0, step: 5 }, table: { category: 'attributes' } },
    actionAnswer: {
      description: 'How this story’s host answers rs-payment-action (3-D Secure, wallet).',
      control: 'inline-radio',
      options: ['completed', 'cancelled', 'none'],
      table: { category: 'story' },
    },
    paymentId: {
      name: 'payment-id',
      description: 'A payment to show on arrival (after a wallet’s redirect back); otherwise the page URL’s `rs-payment` parameter.',
      control: 'text',
      table: { category: 'attributes' },
    },
    onPayment: { name: 'rs-payment', description: 'A payment or voucher came to an end.', table: { category: 'events' } },
  },
  render: (args) => {
    const answer = (event: CustomEvent<PaymentActionDetail>) => {
      if (args.actionAnswer === 'none') return;
      event.preventDefault();
      setTimeout(() => event.detail.respond(args.actionAnswer as 'completed' | 'cancelled'), 300);
    };
    return html`<rs-payment-form
      ?readonly=${args.readonly}
      .amount=${args.amount}
      payment-id=${args.paymentId}
      .tokenizer=${createDemoTokenizer({ service: createLocalDemoService() })}
      @rs-payment=${args.onPayment}
      @rs-payment-action=${answer}
    ></rs-payment-form>`;
  },
} satisfies Meta<FormArgs>;

export default meta;

/** The seeded business customer: the preferred stored card is chosen. */
export const StoredMethod: Story = {
  name: 'Stored method (default)',
  play: async (context) => {
    const { shadow, money } = await getForm(context);
    const preferred = await shadow.findByRole('radio', { name: /Visa •••• 4242/ });
    await expect(preferred).toBeChecked();
    await expect(shadow.getByText(money(412.35))).toBeVisible();
  },
};

/** A new card, saved for later: the receipt, and `rs-payment` without card data. */
export const Succeeded: Story = {
  name: 'Result: succeeded',
  play: async (context) => {
    const queries = await getForm(context);
    await enterCard(queries, '4242 4242 4242 4242');
    await payAmount(queries, '12.50', 12.5);
    await expect(await queries.shadow.findByRole('heading', { name: queries.t('paymentForm.result.succeeded') })).toBeVisible();
    await expect(context.args.onPayment).toHaveBeenCalledTimes(1);
    const detail = (context.args.onPayment as ReturnType<typeof fn>).mock.calls[0]![0].detail as PaymentEventDetail;
    await expect(detail.status).toBe('succeeded');
    await expect(JSON.stringify(detail)).not.toContain('4242424242424242');
  },
};

/** Declined for insufficient funds: the reason, everything typed kept but the security code. */
export const Declined: Story = {
  name: 'Result: declined',
  play: async (context) => {
    const queries = await getForm(context);
    await enterCard(queries, '4000 0000 0000 9995');
    await payAmount(queries, '20', 20);
    await expect(await queries.shadow.findByText(queries.t('paymentForm.declineReasons.insufficient_funds'))).toBeVisible();
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.number'))).toHaveValue('4000 0000 0000 9995');
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.securityCode'))).toHaveValue('');
  },
};

/** 3-D Secure: the host answers `rs-payment-action` (here after a moment), then the payment completes. */
export const ThreeDSecure: Story = {
  name: 'Result: requires action (3-D Secure)',
  play: async (context) => {
    const queries = await getForm(context);
    await enterCard(queries, '4000 0000 0000 3220');
    await payAmount(queries, '40', 40);
    await expect(await queries.shadow.findByRole('heading', { name: queries.t('paymentForm.result.action') })).toBeVisible();
    await expect(await queries.shadow.findByRole('heading', { name: queries.t('paymentForm.result.succeeded') }, { timeout: 3000 })).toBeVisible();
  },
};

/** 3-D Secure passes, then the bank declines (4000 0084 0000 1629): the reason, everything typed kept but the security code. */
export const ThreeDSecureThenDeclined: Story = {
  name: 'Result: declined after 3-D Secure',
  play: async (context) => {
    const queries = await getForm(context);
    await enterCard(queries, '4000 0084 0000 1629');
    await payAmount(queries, '40', 40);
    await expect(await queries.shadow.findByText(queries.t('paymentForm.declineReasons.card_declined'), {}, { timeout: 3000 })).toBeVisible();
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.number'))).toHaveValue('4000 0084 0000 1629');
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.holder'))).toHaveValue('Jane Doe');
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.securityCode'))).toHaveValue('');
  },
};

/** Back from a wallet: the page names the payment (here the host, with `payment-id`), and the form shows its receipt. */
export const ReturnedFromWallet: Story = {
  name: 'Result: back from a wallet',
  args: { paymentId: 'pay-wallet' },
  parameters: ringside({
    adapter: memory('business', (adapter) => {
      // The payment the customer started before leaving for the wallet, which they approved there.
      adapter.data.payments.history.push({
        id: 'pay-wallet',
        status: 'requires_action',
        amount: { amount: 25, currency: 'USD' },
        reference: 'RS-000042',
        action: { type: 'redirect', url: 'https://pay.example.test/redirect/pay-wallet' },
      });
    }),
  }),
  play: async (context) => {
    const { shadow, t, money } = await getForm(context);
    await expect(await shadow.findByRole('heading', { name: t('paymentForm.result.succeeded') })).toBeVisible();
    // The new balance, in the receipt and in the balance above it.
    await waitFor(() => expect(shadow.getAllByText(money(387.35))).toHaveLength(2));
    await expect(context.args.onPayment).toHaveBeenCalledTimes(1);
  },
};

/** No host answers the action: the form offers the confirmation page and waits for the customer. */
export const ActionUnanswered: Story = {
  name: 'Result: requires action, no host hook',
  args: { actionAnswer: 'none' },
  play: async (context) => {
    const queries = await getForm(context);
    await userEvent.click(await queries.shadow.findByRole('radio', { name: queries.t('paymentForm.kinds.redirect') }));
    await payAmount(queries, '25', 25);
    await expect(await queries.shadow.findByRole('link', { name: queries.t('paymentForm.result.openAction') })).toBeVisible();
    await expect(queries.shadow.getByRole('button', { name: queries.t('paymentForm.result.actionDone') })).toBeEnabled();
  },
};

/** A bank payment still clearing. */
export const Pending: Story = {
  name: 'Result: pending',
  play: async (context) => {
    const queries = await getForm(context);
    const { shadow, fields, t, form } = queries;
    await userEvent.click(await shadow.findByRole('radio', { name: t('paymentForm.kinds.bank_account') }));
    await form.updateComplete;
    await userEvent.type(await fields.findByLabelText(t('paymentFields.accountHolder')), 'Jo Smith');
    await userEvent.type(fields.getByLabelText(t('paymentFields.bank.routingNumber')), '110000000');
    await userEvent.type(fields.getByLabelText(t('paymentFields.bank.accountNumber')), '000333333335');
    await userEvent.selectOptions(fields.getByLabelText(t('paymentFields.bank.accountType')), 'checking');
    await payAmount(queries, '50', 50);
    await expect(await shadow.findByRole('heading', { name: t('paymentForm.result.pending') })).toBeVisible();
  },
};

/** The first answer got lost after the charge: "Try again" recovers the same payment, charged once. */
export const RecoveredAfterLostAnswer: Story = {
  name: 'Result: recovered after a lost answer',
  parameters: ringside({ adapter: losingFirstAnswer() }),
  play: async (context) => {
    const queries = await getForm(context);
    await payAmount(queries, '15', 15);
    await expect(await queries.shadow.findByText(queries.t('paymentForm.unknownOutcome'))).toBeVisible();
    await userEvent.click(queries.shadow.getByRole('button', { name: queries.t('paymentForm.tryAgain') }));
    await expect(await queries.shadow.findByText(queries.t('paymentForm.result.replayed'))).toBeVisible();
  },
};

/** Field errors: announced, shown at their fields, focus on the first. */
export const InvalidInput: Story = {
  name: 'Invalid input',
  play: async (context) => {
    const queries = await getForm(context);
    await enterCard(queries, '4242 4242 4242 4241');
    await userEvent.type(queries.shadow.getByLabelText(new RegExp(`^${queries.t('paymentForm.amount')}`)), '2');
    // Below the minimum the button names no amount.
    await userEvent.click(queries.shadow.getByRole('button', { name: queries.t('paymentForm.payNoAmount') }));
    const amount = queries.shadow.getByLabelText(new RegExp(`^${queries.t('paymentForm.amount')}`));
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    await expect(queries.fields.getByLabelText(queries.t('paymentFields.card.number'))).toHaveAttribute('aria-invalid', 'true');
    await expect(queries.shadow.getByText(queries.t('paymentForm.errors.summary', { count: 2 }))).toBeVisible();
  },
};

/** A recharge voucher. */
export const Voucher: Story = {
  name: 'Voucher',
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await userEvent.click(await shadow.findByRole('radio', { name: t('paymentForm.kinds.voucher') }));
    await userEvent.type(shadow.getByLabelText(t('paymentForm.voucherCode')), 'RS-DEMO-10');
    await userEvent.click(shadow.getByRole('button', { name: t('paymentForm.redeem') }));
    await expect(await shadow.findByRole('heading', { name: t('paymentForm.result.voucher') })).toBeVisible();
  },
};

export const Loading: Story = {
  name: 'State: loading',
  parameters: ringside({ adapter: memory('business', (adapter) => adapter.faults.hang()) }),
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await expect(await shadow.findByText(t('paymentForm.loading'))).toBeInTheDocument();
  },
};

export const LoadError: Story = {
  name: 'State: error with retry',
  parameters: ringside({ adapter: memory('business', (adapter) => adapter.faults.failNext(1, 'unavailable')) }),
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await expect(await shadow.findByText(t('errors.unavailable'))).toBeVisible();
    await userEvent.click(shadow.getByRole('button', { name: t('common.retry') }));
    await expect(await shadow.findByRole('radio', { name: /Visa •••• 4242/ })).toBeVisible();
  },
};

export const ReadOnly: Story = {
  name: 'State: read-only',
  parameters: ringside({ adapter: memory('business', undefined, { payments: { write: false } }) }),
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await expect(await shadow.findByText(t('paymentForm.readOnly'))).toBeVisible();
  },
};

export const NoMethods: Story = {
  name: 'State: empty (no methods)',
  parameters: ringside({ adapter: memory('new', undefined, { payments: { methods: [] } }) }),
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await expect(await shadow.findByText(t('paymentForm.noMethods'))).toBeVisible();
  },
};

export const NotConfigured: Story = {
  name: 'State: not connected',
  parameters: ringside({ adapter: null }),
  play: async (context) => {
    const { shadow, t } = await getForm(context);
    await expect(await shadow.findByText(t('common.notConfigured.title'))).toBeVisible();
  },
};

export const German: Story = {
  name: 'German (12,50)',
  parameters: ringside({ adapter: memory('residential') }),
  globals: { locale: 'de' },
  play: async (context) => {
    const queries = await getForm(context);
    await payAmount(queries, '12,50', 12.5, 'EUR');
    await expect(await queries.shadow.findByRole('heading', { name: 'Zahlung erfolgreich' })).toBeVisible();
  },
};

export const Arabic: Story = {
  name: 'Arabic (right to left)',
  globals: { locale: 'ar' },
  play: async (context) => {
    const { form, shadow } = await getForm(context);
    await expect(await shadow.findByRole('heading', { name: 'إجراء دفعة' })).toBeVisible();
    await expect(getComputedStyle(form).direction).toBe('rtl');
  },
};
