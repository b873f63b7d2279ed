import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import { createI18n, loadLocale, RingsideError } from '@ringside/core';
import type { ExtensionDeletedDetail, ExtensionSavedDetail, RsExtensionTable } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideLoaded, RingsideParameters } from '../.storybook/ringside.js';

interface TableArgs {
  readonly: boolean;
  onSaved: (event: CustomEvent<ExtensionSavedDetail>) => void;
  onDeleted: (event: CustomEvent<ExtensionDeletedDetail>) => void;
}

type Story = StoryObj<TableArgs>;

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

/** A fresh seeded adapter per story render; `change` adjusts its data or plans faults first. */
function memory(options: Parameters<typeof createMemoryAdapter>[0] = {}, change?: (adapter: MemoryAdapter) => void): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter(options);
    change?.(adapter);
    return adapter;
  };
}

const noRetries = { retry: { retries: 0 } };

/** The table, its shadow root queries, and the strings of the locale the story renders in. */
async function getTable({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const table = await waitFor(() => {
    const found = canvasElement.querySelector<RsExtensionTable>('rs-extension-table');
    if (!found?.shadowRoot) throw new Error('<rs-extension-table> has not rendered');
    return found;
  });
  await table.updateComplete;
  const locale = String(globals.locale ?? 'en');
  await loadLocale(locale);
  const i18n = createI18n({ locale });
  return {
    table,
    shadow: within(table.shadowRoot as unknown as HTMLElement),
    t: (key: string, options?: Record<string, unknown>) => i18n.t(key, options).replace(/\s+/g, ' ').trim(),
    number: (value: number) => i18n.format.number(value),
  };
}

const adapterOf = (loaded: Record<string, unknown>) => (loaded as unknown as RingsideLoaded).adapter as MemoryAdapter;

const meta = {
  title: 'Widgets/Extension table',
  component: 'rs-extension-table',
  parameters: ringside({ adapter: memory({ customer: 'business' }), width: '64rem', storeOptions: noRetries }),
  args: { readonly: false, onSaved: fn(), onDeleted: fn() },
  argTypes: {
    readonly: { description: 'Shows the extensions without any way to change them.', control: 'boolean', table: { category: 'attributes' } },
    onSaved: { name: 'rs-extension-saved', description: 'An extension was added or changed.', table: { category: 'events' } },
    onDeleted: { name: 'rs-extension-deleted', description: 'Extensions were deleted.', table: { category: 'events' } },
  },
  render: (args) =>
    html`<rs-extension-table ?readonly=${args.readonly} @rs-extension-saved=${args.onSaved} @rs-extension-deleted=${args.onDeleted}></rs-extension-table>`,
} satisfies Meta<TableArgs>;

export default meta;

/** A small office: five extensions, every column. */
export const FiveRows: Story = {
  name: '5 extensions',
  parameters: ringside({ adapter: memory({ customer: 'business' }, (adapter) => adapter.data.extensions.splice(5)) }),
  play: async (context) => {
    const { shadow, t, number } = await getTable(context);
    const grid = await shadow.findByRole('grid', { name: t('extensionTable.title') });
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '6'));
    await expect(await shadow.findByText(t('extensionTable.count', { count: 5, total: number(5) }))).toBeVisible();
    await expect(shadow.getAllByRole('row')).toHaveLength(6);
    await expect(shadow.getByRole('gridcell', { name: 'Front Desk' })).toBeVisible();
  },
};

/** A call centre: 10,000 extensions, virtualized; only the visible page is fetched. */
export const TenThousandRows: Story = {
  name: '10,000 extensions',
  parameters: ringside({ adapter: memory({ customer: 'business', extensions: 10_000 }) }),
  play: async (context) => {
    const { table, shadow } = await getTable(context);
    const grid = await shadow.findByRole('grid');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '10001'));
    await waitFor(() => expect(shadow.getAllByRole('row').length).toBeGreaterThan(5));
    await expect(shadow.getAllByRole('row').length).toBeLessThan(40);
    await expect(table.shadowRoot!.querySelectorAll('*').length).toBeLessThan(2000);
  },
};

/** No extensions yet. */
export const Empty: Story = {
  parameters: ringside({ adapter: memory({ customer: 'business' }, (adapter) => (adapter.data.extensions.length = 0)) }),
  play: async (context) => {
    const { shadow, t } = await getTable(context);
    await expect(await shadow.findByText(t('extensionTable.empty'))).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('extensionTable.export') })).toBeDisabled();
  },
};

/** The first page has not arrived (the backend does not answer). */
export const Loading: Story = {
  parameters: ringside({ adapter: memory({ customer: 'business' }, (adapter) => adapter.faults.hang()) }),
  play: async (context) => {
    const { shadow, t } = await getTable(context);
    await expect(await shadow.findByText(t('extensionTable.loading'))).toBeInTheDocument();
    await expect(shadow.queryByRole('grid')).toBeNull();
  },
};

/** The backend fails; "Try again" asks again. */
export const LoadFailed: Story = {
  name: 'Error',
  parameters: ringside({
    adapter: memory({ customer: 'business' }, (adapter) => {
      const list = adapter.extensions!.list;
      let failures = 1;
      (adapter.extensions as { list: typeof list }).list = (query, options) =>
        failures-- > 0 ? Promise.reject(new RingsideError('unavailable')) : list(query, options);
    }),
  }),
  play: async (context) => {
    const { shadow, t } = await getTable(context);
    await expect(await shadow.findByText(t('errors.unavailable'))).toBeVisible();
    await userEvent.click(shadow.getByRole('button', { name: t('common.retry') }));
    await expect(await shadow.findByRole('grid')).toBeVisible();
  },
};

/** Account-level self-care sees the extensions but cannot change them. */
export const ReadOnly: Story = {
  name: 'Read-only',
  args: { readonly: true },
  play: async (context) => {
    const { shadow, t } = await getTable(context);
    await shadow.findByRole('grid');
    await expect(shadow.getByText(t('common.readOnly'))).toBeVisible();
    await expect(shadow.queryByRole('button', { name: t('extensionTable.add') })).toBeNull();
    await expect(shadow.queryAllByRole('checkbox')).toHaveLength(0);
  },
};

/** Adding an extension with a number in use by a hunt group and no name: the errors show at the fields. */
export const EditingWithErrors: Story = {
  name: 'Editing with errors',
  play: async (context) => {
    const { shadow, t } = await getTable(context);
    await userEvent.click(await shadow.findByRole('button', { name: t('extensionTable.add') }));
    const numberField = await shadow.findByLabelText(t('extensionTable.form.number'));
    await userEvent.type(numberField, '200');
    await userEvent.click(shadow.getByRole('button', { name: t('extensionTable.form.save') }));
    await expect(await shadow.findByText(t('extensionTable.reasons.group_number'))).toBeVisible();
    await expect(shadow.getByText(t('extensionTable.reasons.required'))).toBeVisible();
    await expect(numberField).toHaveAttribute('aria-invalid', 'true');
    await expect(numberField).toHaveValue('200');
    await expect(context.canvasElement.querySelector('rs-extension-table')!.shadowRoot!.activeElement).toBe(numberField);
  },
};

/** Someone else changed the extension while it was being edited: reload theirs or overwrite. */
export const Conflict: Story = {
  play: async (context) => {
    const { shadow, t, table } = await getTable(context);
    const adapter = adapterOf(context.loaded);
    await userEvent.click(await shadow.findByRole('button', { name: t('extensionTable.editRow', { number: '102' }) }));
    const name = await shadow.findByLabelText(t('extensionTable.form.name'));
    await waitFor(() => expect(table.shadowRoot!.querySelector('dialog')?.open).toBe(true));
    await adapter.extensions!.update('ext-2', { number: '102', name: 'Priya Raman-Lee' });
    // Replaces the selected old name, as a user selecting it and typing does.
    await userEvent.type(name, 'Priya R.', { initialSelectionStart: 0, initialSelectionEnd: (name as HTMLInputElement).value.length });
    await userEvent.click(shadow.getByRole('button', { name: t('extensionTable.form.save') }));
    await expect(await shadow.findByText(t('extensionTable.conflict.title'))).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('extensionTable.conflict.reload') })).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('extensionTable.conflict.overwrite') })).toBeVisible();
    await expect(name).toHaveValue('Priya R.');
    await expect(table.shadowRoot!.querySelector('dialog')?.open).toBe(true);
  },
};

/** The field errors in German. */
export const EditingWithErrorsGerman: Story = {
  ...EditingWithErrors,
  name: 'Editing with errors (German)',
  globals: { locale: 'de' },
};

/** A conflict in Arabic: translated, right to left. */
export const ConflictArabic: Story = {
  name: 'Conflict (Arabic, RTL)',
  globals: { locale: 'ar' },
  play: async (context) => {
    await Conflict.play!(context);
    const table = context.canvasElement.querySelector('rs-extension-table')!;
    await expect(table).toHaveAttribute('dir', 'rtl');
    await expect(getComputedStyle(table).direction).toBe('rtl');
  },
};

/** A call centre's 10,000 extensions in the dark theme. */
export const TenThousandRowsDark: Story = {
  name: '10,000 extensions (dark theme)',
  globals: { theme: 'dark' },
  parameters: TenThousandRows.parameters,
  play: async (context) => {
    await TenThousandRows.play!(context);
    const { shadow, t } = await getTable(context);
    const base = shadow.getByRole('region', { name: t('extensionTable.title') });
    await expect(getComputedStyle(base).backgroundColor).toBe('rgb(22, 27, 34)'); // --rs-color-surface, dark
    await expect(getComputedStyle(base).colorScheme).toBe('dark');
  },
};
