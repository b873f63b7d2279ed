import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import { createI18n } from '@ringside/core';
import type { RsHuntgroupEditor } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideLoaded, RingsideParameters } from '../.storybook/ringside.js';

interface EditorArgs {
  readonly: boolean;
  onChange: (event: Event) => void;
}

type Story = StoryObj<EditorArgs>;

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

/** A fresh seeded business customer per story render, adjusted by `change`. */
function business(change?: (adapter: MemoryAdapter) => void, options: Parameters<typeof createMemoryAdapter>[0] = {}): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer: 'business', ...options });
    change?.(adapter);
    return adapter;
  };
}

const adapterOf = (loaded: Record<string, unknown>) => (loaded as unknown as RingsideLoaded).adapter as MemoryAdapter;

/** Queries inside the editor's shadow root, and strings in the story's locale. */
async function getEditor({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const editor = await waitFor(() => {
    const found = canvasElement.querySelector<RsHuntgroupEditor>('rs-huntgroup-editor');
    if (!found?.shadowRoot) throw new Error('<rs-huntgroup-editor> has not rendered');
    return found;
  });
  await editor.updateComplete;
  const i18n = createI18n({ locale: String(globals.locale ?? 'en') });
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(`huntGroups.${key}`, options);
  const shadow = within(editor.shadowRoot as unknown as HTMLElement);
  return {
    editor,
    shadow,
    t,
    /** Opens a seeded group's editor and, when given, one of its tabs. */
    open: async (group: string, tab?: 'settings' | 'members' | 'included') => {
      await userEvent.click(await shadow.findByRole('button', { name: t('editLabel', { group }) }));
      if (tab) await userEvent.click(shadow.getByRole('tab', { name: new RegExp(`^${t(`tab.${tab}`)}`) }));
    },
    rows: () => [...editor.shadowRoot!.querySelectorAll('#panel-members tbody th[scope="row"]')].map((cell) => cell.textContent!.trim()),
  };
}

const meta = {
  title: 'Widgets/Hunt group editor',
  component: 'rs-huntgroup-editor',
  parameters: ringside({ adapter: business(), width: '60rem' }),
  args: { readonly: false, onChange: fn() },
  argTypes: {
    readonly: {
      description: 'Shows the groups without controls that change them.',
      control: 'boolean',
      table: { category: 'attributes' },
    },
    onChange: {
      name: 'rs-hunt-group-change',
      description: 'A group was created, updated or deleted.',
      table: { category: 'events' },
    },
  },
  render: (args) => html`<rs-huntgroup-editor ?readonly=${args.readonly} @rs-hunt-group-change=${args.onChange}></rs-huntgroup-editor>`,
} satisfies Meta<EditorArgs>;

export default meta;

/** The seeded groups: number, name, sequence, members, caller ID and pickup. */
export const List: Story = {
  name: 'List (default)',
  play: async (context) => {
    const { shadow, t } = await getEditor(context);
    const table = await shadow.findByRole('table', { name: t('title') });
    await expect(within(table).getAllByRole('row')).toHaveLength(4);
    await expect(within(table).getByRole('rowheader', { name: 'Front Office' })).toBeVisible();
    await expect(within(table).getByText(t('sequence.least_used'))).toBeVisible();
    await expect(
      shadow.getByRole('list', {
        name: t('membersOf', { group: '200 Front Office', count: 3 }),
      })
    ).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('add') })).toBeVisible();
  },
};

/** A new customer without groups. */
export const Empty: Story = {
  parameters: ringside({
    adapter: () => createMemoryAdapter({ customer: 'new' }),
  }),
  play: async (context) => {
    const { shadow, t } = await getEditor(context);
    await expect(await shadow.findByText(t('empty'))).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('add') })).toBeVisible();
  },
};

/** Editing a group's settings: a one-line explanation per sequence. */
export const Editing: Story = {
  play: async (context) => {
    const { shadow, t, open } = await getEditor(context);
    await open('210 Billing Desk');
    await expect(
      shadow.getByRole('heading', {
        name: t('editTitle', { group: '210 Billing Desk' }),
      })
    ).toBeVisible();
    await expect(
      shadow.getByRole('radio', {
        name: new RegExp(t('sequence.simultaneous')),
      })
    ).toBeChecked();
    await expect(shadow.getByText(t('sequenceHint.least_used'))).toBeVisible();
    await userEvent.type(shadow.getByLabelText(t('field.name')), ' (2nd floor)');
    await expect(shadow.getByText(t('unsaved'))).toBeVisible();
  },
};

/** Members in `order`: reordered by keyboard (Alt+Arrow) and buttons, each move announced. */
export const MembersReorder: Story = {
  name: 'Members reorder',
  play: async (context) => {
    const { editor, shadow, t, open, rows } = await getEditor(context);
    await open('200 Front Office', 'members');
    await expect(rows()).toEqual(['101 Front Desk', '109 Grace Whitfield', '105 Lena Fischer']);
    await userEvent.click(
      shadow.getByRole('button', {
        name: t('members.moveUp', { member: '105 Lena Fischer' }),
      })
    );
    await expect(rows()).toEqual(['101 Front Desk', '105 Lena Fischer', '109 Grace Whitfield']);
    await userEvent.click(
      shadow.getByRole('spinbutton', {
        name: t('members.ringDelayLabel', { member: '105 Lena Fischer' }),
      })
    );
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(rows()).toEqual(['105 Lena Fischer', '101 Front Desk', '109 Grace Whitfield']));
    const live = editor.shadowRoot!.querySelector('section > [role="status"]')!;
    await expect(live).toHaveTextContent(
      t('announce.moved', {
        member: '105 Lena Fischer',
        position: '1',
        count: '3',
      })
    );
  },
};

/** Including a group that already includes this one is refused, naming the loop. */
export const CycleError: Story = {
  name: 'Cycle error',
  play: async (context) => {
    const { shadow, t, open } = await getEditor(context);
    await open('210 Billing Desk', 'included');
    await userEvent.selectOptions(shadow.getByLabelText(t('included.choose')), 'hg-1');
    await userEvent.click(shadow.getByRole('button', { name: t('included.add') }));
    await expect(await shadow.findByText(t('reasons.cycle', { path: '210 → 200 → 210' }))).toBeVisible();
    await expect(shadow.getByLabelText(t('included.choose'))).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Pickup prefix *77: the primary group's code is *77, another group's *77 and its number. */
export const PickupHelp: Story = {
  name: 'Pickup help',
  play: async (context) => {
    const { shadow, t, open } = await getEditor(context);
    await open('200 Front Office', 'members');
    const help = shadow.getByRole('region', { name: t('pickup.title') });
    await expect(within(help).getByText('*77200')).toBeVisible();
    await expect(within(help).getAllByText('*77')).toHaveLength(2);
  },
};

/** Someone else saved the group meanwhile: both versions, field by field. */
export const Conflict: Story = {
  play: async (context) => {
    const adapter = adapterOf(context.loaded);
    const { shadow, t, open } = await getEditor(context);
    await open('200 Front Office');
    const name = shadow.getByLabelText(t('field.name')) as HTMLInputElement;
    await userEvent.type(name, 'Reception', {
      initialSelectionStart: 0,
      initialSelectionEnd: name.value.length,
    });
    await expect(name).toHaveValue('Reception');
    const { id: _id, version, ...input } = await adapter.huntGroups!.get('hg-1');
    await adapter.huntGroups!.update('hg-1', { ...input, name: 'Front Office East', pickupAllowed: false }, { ifMatch: version });
    await userEvent.click(shadow.getByRole('button', { name: t('save') }));
    const conflict = await shadow.findByRole('alert', {
      name: t('conflict.title'),
    });
    await expect(within(conflict).getByText('Front Office East')).toBeVisible();
    await expect(within(conflict).getByText('Reception')).toBeVisible();
    await expect(within(conflict).getByRole('button', { name: t('conflict.useSelected') })).toBeVisible();
  },
};

/** `readonly`: everything shown, nothing changeable. */
export const ReadOnly: Story = {
  name: 'Read-only',
  args: { readonly: true },
  play: async (context) => {
    const { shadow, t } = await getEditor(context);
    await shadow.findByRole('table', { name: t('title') });
    await expect(shadow.queryByRole('button', { name: t('add') })).toBeNull();
    await userEvent.click(
      shadow.getByRole('button', {
        name: t('viewLabel', { group: '200 Front Office' }),
      })
    );
    await expect(shadow.getByLabelText(t('field.name'))).toBeDisabled();
    await expect(shadow.queryByRole('button', { name: t('save') })).toBeNull();
  },
};

/** The backend never answers (within a day). */
export const Loading: Story = {
  parameters: ringside({
    adapter: business((adapter) => adapter.faults.hang()),
    storeOptions: { timeout: 86_400_000 },
  }),
  play: async (context) => {
    const { editor, shadow, t } = await getEditor(context);
    await expect(shadow.getByText(t('loading'))).toBeInTheDocument();
    await expect(editor.shadowRoot!.querySelector('[part="base"]')).toHaveAttribute('aria-busy', 'true');
  },
};

/** The backend fails; "Try again" asks again. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: ringside({
    adapter: business((adapter) => adapter.faults.failNext(1, 'unavailable')),
    storeOptions: { retry: { retries: 0 } },
  }),
  play: async (context) => {
    const { shadow, t } = await getEditor(context);
    const i18n = createI18n({ locale: String(context.globals.locale ?? 'en') });
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent(i18n.t('errors.unavailable'));
    await userEvent.click(within(alert).getByRole('button', { name: i18n.t('common.retry') }));
    await expect(await shadow.findByRole('table', { name: t('title') })).toBeVisible();
  },
};
