import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@ringside/adapter-memory';
import { createI18n } from '@ringside/core';
import { createDemoTokenizer, createLocalDemoService, type RsPaymentMethods } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideLoaded, RingsideParameters } from '../.storybook/ringside.js';

interface MethodsArgs {
  readonly: boolean;
}

type Story = StoryObj<MethodsArgs>;

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

function memory(customer: 'business' | 'residential' | 'new' = 'business', capabilities?: MemoryAdapterOptions['capabilities']): () => MemoryAdapter {
  return () => createMemoryAdapter({ customer, ...(capabilities ? { capabilities } : {}) });
}

async function getMethods({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const element = await waitFor(() => {
    const found = canvasElement.querySelector<RsPaymentMethods>('rs-payment-methods');
    if (!found?.shadowRoot) throw new Error('<rs-payment-methods> has not rendered');
    return found;
  });
  await element.updateComplete;
  const i18n = createI18n({ locale: String(globals.locale ?? 'en') });
  return {
    element,
    shadow: within(element.shadowRoot as unknown as HTMLElement),
    fields: within(element),
    t: (key: string, options?: Record<string, unknown>) => i18n.t(key, options).replace(/\s+/g, ' '),
    money: (amount: number, currency = 'USD') => i18n.format.money(amount, currency).replace(/\s+/g, ' '),
  };
}

const adapterOf = (loaded: Record<string, unknown>) => (loaded as unknown as RingsideLoaded).adapter as MemoryAdapter;

const meta = {
  title: 'Widgets/Payment methods and auto-pay',
  component: 'rs-payment-methods',
  parameters: ringside({ adapter: memory(), storeOptions: { retry: { retries: 0 } }, width: '30rem' }),
  args: { readonly: false },
  argTypes: {
    readonly: { description: 'Shows the methods and auto-pay without changing anything.', control: 'boolean', table: { category: 'attributes' } },
  },
  render: (args) =>
    html`<rs-payment-methods ?readonly=${args.readonly} .tokenizer=${createDemoTokenizer({ service: createLocalDemoService() })}></rs-payment-methods>`,
} satisfies Meta<MethodsArgs>;

export default meta;

/** The business customer: three stored methods (one expired), invoices paid automatically. */
export const StoredMethods: Story = {
  name: 'Stored methods (default)',
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    const list = await shadow.findByRole('list', { name: t('paymentMethods.listTitle') });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await expect(shadow.getByRole('checkbox', { name: t('paymentMethods.autoPay.payInvoices') })).toBeChecked();
  },
};

/** Adding a card: the tokenizer's fields, then the new method in the list. */
export const AddCard: Story = {
  name: 'Add a card',
  play: async (context) => {
    const { shadow, fields, t, element } = await getMethods(context);
    await userEvent.click(await shadow.findByRole('button', { name: t('paymentMethods.add') }));
    await element.updateComplete;
    await userEvent.type(await fields.findByLabelText(t('paymentFields.card.number')), '5555 5555 5555 4444');
    await userEvent.type(fields.getByLabelText(t('paymentFields.card.expiry')), '09/31');
    await userEvent.type(fields.getByLabelText(t('paymentFields.card.securityCode')), '123');
    await userEvent.type(fields.getByLabelText(t('paymentFields.card.holder')), 'Jane Doe');
    await userEvent.click(shadow.getByRole('button', { name: t('paymentMethods.saveMethod') }));
    const list = shadow.getByRole('list', { name: t('paymentMethods.listTitle') });
    await expect(await within(list).findByText('Mastercard •••• 4444')).toBeVisible();
  },
};

/** Removing asks first. */
export const ConfirmRemoval: Story = {
  name: 'Remove (confirmation)',
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    await userEvent.click(await shadow.findByRole('button', { name: t('paymentMethods.removeLabel', { label: 'Checking •••• 6789' }) }));
    await expect(shadow.getByRole('group', { name: t('paymentMethods.confirmRemove', { label: 'Checking •••• 6789' }) })).toBeVisible();
  },
};

/** A top-up below the minimum is refused at its field. */
export const AutoPayInvalid: Story = {
  name: 'Auto-pay: invalid top-up',
  play: async (context) => {
    const { shadow, t, money } = await getMethods(context);
    await userEvent.click(await shadow.findByRole('checkbox', { name: t('paymentMethods.autoPay.topUp') }));
    await userEvent.type(shadow.getByLabelText(new RegExp(`^${t('paymentMethods.autoPay.thresholdPostpaid')}`)), '50');
    const amount = shadow.getByLabelText(new RegExp(`^${t('paymentMethods.autoPay.amount')}`));
    await userEvent.type(amount, '2', { initialSelectionStart: 0, initialSelectionEnd: (amount as HTMLInputElement).value.length });
    await userEvent.click(shadow.getByRole('button', { name: t('paymentMethods.autoPay.save') }));
    await expect(await shadow.findByText(t('paymentMethods.autoPay.errors.too_small', { min: money(5) }))).toBeVisible();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Saved while auto-pay changed elsewhere: the entries stay, the user is asked to save again. */
export const AutoPayConflict: Story = {
  name: 'Auto-pay: changed elsewhere',
  parameters: ringside({ adapter: memory('residential') }),
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    await shadow.findByRole('button', { name: t('paymentMethods.autoPay.save') });
    const adapter = adapterOf(context.loaded);
    const current = await adapter.payments!.getAutoPay();
    await adapter.payments!.updateAutoPay({ ...current, payInvoices: true }, { ifMatch: current.version });
    await userEvent.click(shadow.getByRole('button', { name: t('paymentMethods.autoPay.save') }));
    await expect(await shadow.findByText(t('paymentMethods.autoPay.conflict'))).toBeVisible();
  },
};

export const ReadOnly: Story = {
  name: 'State: read-only',
  parameters: ringside({ adapter: memory('business', { payments: { write: false } }) }),
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    await shadow.findByRole('list', { name: t('paymentMethods.listTitle') });
    await expect(shadow.queryByRole('button', { name: t('paymentMethods.add') })).toBeNull();
  },
};

export const NoMethods: Story = {
  name: 'State: empty',
  parameters: ringside({ adapter: memory('new') }),
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    await expect(await shadow.findByText(t('paymentMethods.empty'))).toBeVisible();
  },
};

export const NotConfigured: Story = {
  name: 'State: not connected',
  parameters: ringside({ adapter: null }),
  play: async (context) => {
    const { shadow, t } = await getMethods(context);
    await expect(await shadow.findByText(t('common.notConfigured.title'))).toBeVisible();
  },
};
