import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import { createI18n, type TicketMessage } from '@ringside/core';
import type { RsTicketList, TicketChangeDetail } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideLoaded, RingsideParameters } from '../.storybook/ringside.js';

interface ListArgs {
  readonly: boolean;
  refreshInterval: number;
  pageSize: number;
  ticketId: string;
  onChange: (event: CustomEvent<TicketChangeDetail>) => void;
}

type Story = StoryObj<ListArgs>;

// Each factory runs once per story render: a fresh adapter, so faults and changes never leak.
const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({
  ringside: { width: '60rem', ...options },
});

function memory(customer: 'business' | 'residential' | 'new' = 'business', change?: (adapter: MemoryAdapter) => void): () => MemoryAdapter {
  return () => {
    const adapter = createMemoryAdapter({ customer });
    change?.(adapter);
    return adapter;
  };
}

const noRetries = { retry: { retries: 0 } };

/** Tickets enough for several pages, with statuses the contract does not know among them. */
function manyTickets(adapter: MemoryAdapter): void {
  const seeded = adapter.data.tickets.tickets;
  const statuses = ['new', 'open', 'stalled', 'resolved', 'rejected', 'waiting-for-vendor'];
  const now = Date.now();
  for (let index = 1; index <= 60; index++) {
    const at = new Date(now - index * 5 * 3_600_000).toISOString();
    seeded.push({
      ...seeded[index % seeded.length]!,
      id: String(2000 + index),
      subject: `Line ${100 + index} drops calls after ${index} minutes`,
      status: statuses[index % statuses.length]!,
      createdAt: at,
      updatedAt: at,
    });
  }
  adapter.data.tickets.settings.statuses.push('waiting-for-vendor');
}

/** A conversation of 60 messages on ticket 1001, with a link and an attachment here and there. */
function longConversation(adapter: MemoryAdapter): void {
  const conversation = adapter.data.tickets.messages['1001']!;
  const start = Date.parse(conversation.at(-1)!.createdAt);
  for (let index = 1; index <= 56; index++) {
    const agent = index % 2 === 1;
    conversation.push({
      id: `msg-story-${index}`,
      author: agent ? { name: 'Ravi Menon (Voice engineering)', role: 'agent' } : { name: 'Harbor Point Dental Group', role: 'customer' },
      createdAt: new Date(Math.min(Date.now(), start + index * 600_000)).toISOString(),
      body: agent
        ? `Test fax ${index} of the series: see https://status.example.com/fax/${index} for the trace.`
        : `Fax ${index} arrived with ${index % 5} missing pages.`,
      attachments:
        index % 10 === 0
          ? [
              {
                id: `att-story-${index}`,
                name: `fax-${index}.pdf`,
                size: 40_000 * index,
                contentType: 'application/pdf',
              },
            ]
          : [],
    } satisfies TicketMessage);
  }
}

async function getList({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const list = await waitFor(() => {
    const found = canvasElement.querySelector<RsTicketList>('rs-ticket-list');
    if (!found?.shadowRoot) throw new Error('<rs-ticket-list> has not rendered');
    return found;
  });
  await list.updateComplete;
  const i18n = createI18n({ locale: String(globals.locale ?? 'en') });
  return {
    list,
    shadow: within(list.shadowRoot as unknown as HTMLElement),
    t: (key: string, options?: Record<string, unknown>) => i18n.t(key, options),
  };
}

const rows = (list: RsTicketList) => list.shadowRoot!.querySelectorAll('tbody tr').length;
const adapterOf = (loaded: Record<string, unknown>) => (loaded as unknown as RingsideLoaded).adapter as MemoryAdapter;

const meta = {
  title: 'Widgets/Ticket list',
  component: 'rs-ticket-list',
  parameters: ringside({ adapter: memory('business') }),
  args: {
    readonly: false,
    refreshInterval: 0,
    pageSize: 20,
    ticketId: '',
    onChange: fn(),
  },
  argTypes: {
    readonly: {
      description: 'Hides new ticket, reply, close, reopen and escalate.',
      control: 'boolean',
      table: { category: 'attributes' },
    },
    refreshInterval: {
      name: 'refresh-interval',
      description: 'Reloads the list and an open ticket every this many seconds while the page is visible; 0 turns it off.',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes' },
    },
    pageSize: {
      name: 'page-size',
      description: 'Tickets per page.',
      control: { type: 'number', min: 1, max: 100 },
      table: { category: 'attributes' },
    },
    ticketId: {
      name: 'ticket-id',
      description: 'The open ticket; empty shows the list.',
      control: 'text',
      table: { category: 'attributes' },
    },
    onChange: {
      name: 'rs-ticket-change',
      description: 'The user opened, replied to, closed, reopened or escalated a ticket.',
      table: { category: 'events' },
    },
  },
  render: (args) =>
    html`<rs-ticket-list
      ?readonly=${args.readonly}
      refresh-interval=${args.refreshInterval}
      page-size=${args.pageSize}
      ticket-id=${args.ticketId}
      @rs-ticket-change=${args.onChange}
    ></rs-ticket-list>`,
} satisfies Meta<ListArgs>;

export default meta;

/** The seeded business customer: open tickets first, newest activity on top. */
export const OpenTickets: Story = {
  name: 'Open tickets (default)',
  play: async (context) => {
    const { list, shadow, t } = await getList(context);
    await waitFor(() => expect(rows(list)).toBe(7));
    await expect(shadow.getByRole('table', { name: t('tickets.title') })).toBeVisible();
    await expect(shadow.getByRole('combobox', { name: t('tickets.filters.show') })).toHaveValue('open');
    await expect(
      shadow.getByRole('columnheader', {
        name: new RegExp(t('tickets.columns.updated')),
      })
    ).toHaveAttribute('aria-sort', 'descending');
  },
};

/** No tickets at all. */
export const None: Story = {
  parameters: ringside({ adapter: memory('new') }),
  play: async (context) => {
    const { shadow, t } = await getList(context);
    await expect(await shadow.findByText(t('tickets.empty.open'))).toBeVisible();
    await expect(shadow.getByRole('button', { name: t('tickets.new') })).toBeVisible();
  },
};

/** Seventy tickets over several pages, some in a status the backend invented. */
export const Many: Story = {
  parameters: ringside({ adapter: memory('business', manyTickets) }),
  args: { pageSize: 10 },
  play: async (context) => {
    const { list, shadow, t } = await getList(context);
    await waitFor(() => expect(rows(list)).toBe(10));
    await userEvent.selectOptions(shadow.getByRole('combobox', { name: t('tickets.filters.show') }), 'all');
    await waitFor(() => expect(shadow.getByText(t('tickets.pager.page', { page: 1, pages: 8 }))).toBeVisible());
    await userEvent.click(shadow.getByRole('button', { name: t('tickets.pager.next') }));
    await waitFor(() => expect(shadow.getByText(t('tickets.pager.page', { page: 2, pages: 8 }))).toBeVisible());
    await userEvent.selectOptions(shadow.getByRole('combobox', { name: t('tickets.filters.show') }), 'status:waiting-for-vendor');
    await waitFor(() => expect(rows(list)).toBe(10));
    await expect(list.shadowRoot!.querySelector('tbody .status-badge')).toHaveTextContent('waiting-for-vendor');
  },
};

/** A ticket with sixty messages: the newest are shown, older ones on request. */
export const LongConversation: Story = {
  parameters: ringside({ adapter: memory('business', longConversation) }),
  args: { ticketId: '1001' },
  play: async (context) => {
    const { shadow, t } = await getList(context);
    const conversation = await shadow.findByRole('list', {
      name: t('tickets.detail.conversation', { count: 60 }),
    });
    await expect(conversation.children).toHaveLength(20);
    await expect(shadow.getAllByRole('link')[0]).toHaveAttribute('href', expect.stringMatching(/^https:\/\/status\.example\.com\/fax\//));
    await userEvent.click(
      shadow.getByRole('button', {
        name: t('tickets.detail.loadOlder', { count: 40 }),
      })
    );
    await waitFor(() => expect(conversation.children).toHaveLength(40));
  },
};

/** A ticket whose messages carry attachments, and the reply form with one attached. */
export const Attachments: Story = {
  args: { ticketId: '1005' },
  play: async (context) => {
    const { shadow, t } = await getList(context);
    await expect(await shadow.findByText('letter-of-authorization.pdf')).toBeVisible();
    await expect(shadow.getByText('previous-carrier-bill.pdf')).toBeVisible();
    await userEvent.upload(shadow.getByLabelText(t('tickets.files.label')), new File(['port date'], 'port-date.txt', { type: 'text/plain' }));
    await expect(await shadow.findByText(t('tickets.files.done'))).toBeVisible();
  },
};

/** The list cannot be loaded: a translated error with "Try again". */
export const ListLoadError: Story = {
  parameters: ringside({
    adapter: memory('business', (adapter) => adapter.faults.failNext(1_000, 'unavailable')),
    storeOptions: noRetries,
  }),
  play: async (context) => {
    const { shadow, t } = await getList(context);
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent(t('errors.unavailable'));
    await expect(shadow.getAllByRole('button', { name: t('common.retry') })[0]).toBeVisible();
  },
};

/** Sending a reply fails: the error shows, and the text stays for the next try. */
export const SendFailure: Story = {
  args: { ticketId: '1006' },
  parameters: ringside({ storeOptions: noRetries }),
  play: async (context) => {
    const { shadow, t } = await getList(context);
    const reply = await shadow.findByRole('textbox', {
      name: t('tickets.detail.reply'),
    });
    await userEvent.type(reply, 'It rang again at 3 am.');
    adapterOf(context.loaded).faults.failNext(1, 'network');
    await userEvent.click(shadow.getByRole('button', { name: t('tickets.detail.send') }));
    const alert = await shadow.findByRole('alert');
    await expect(alert).toHaveTextContent(t('errors.network'));
    await expect(alert).toHaveTextContent(t('tickets.detail.draftKept'));
    await expect(reply).toHaveValue('It rang again at 3 am.');
  },
};

/** An upload fails: the file stays in the list with "Try again", and the text is untouched. */
export const UploadFailure: Story = {
  play: async (context) => {
    const { shadow, t } = await getList(context);
    await userEvent.click(await shadow.findByRole('button', { name: t('tickets.new') }));
    await userEvent.type(
      await shadow.findByRole('textbox', {
        name: new RegExp(t('tickets.form.subject')),
      }),
      'Fax logs'
    );
    adapterOf(context.loaded).faults.failNext(1, 'network');
    await userEvent.upload(shadow.getByLabelText(t('tickets.files.label')), new File(['log'], 'fax-log.txt', { type: 'text/plain' }));
    await expect(
      await shadow.findByRole('button', {
        name: t('tickets.files.retryLabel', { name: 'fax-log.txt' }),
      })
    ).toBeVisible();
    await expect(
      shadow.getByRole('textbox', {
        name: new RegExp(t('tickets.form.subject')),
      })
    ).toHaveValue('Fax logs');
  },
};

/** The new ticket form sent empty, with a file of a refused type: every problem at its field. */
export const CreateValidation: Story = {
  name: 'Create form with validation errors',
  play: async (context) => {
    const { shadow, t } = await getList(context);
    await userEvent.click(await shadow.findByRole('button', { name: t('tickets.new') }));
    // A picker that ignores `accept` (drag and drop does too): the widget still refuses the file.
    await userEvent
      .setup({ applyAccept: false })
      .upload(shadow.getByLabelText(t('tickets.files.label')), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    await userEvent.click(shadow.getByRole('button', { name: t('tickets.form.submit') }));
    const subject = shadow.getByRole('textbox', {
      name: new RegExp(t('tickets.form.subject')),
    });
    await waitFor(() => expect(subject).toHaveAttribute('aria-invalid', 'true'));
    await expect(subject).toHaveAccessibleDescription(t('tickets.fieldErrors.required'));
    await expect(shadow.getByLabelText(t('tickets.files.label'))).toHaveAccessibleDescription(expect.stringContaining('setup.exe'));
    await userEvent.selectOptions(shadow.getByRole('combobox', { name: t('tickets.form.level.0') }), 'voice');
    await expect(await shadow.findByRole('combobox', { name: t('tickets.form.level.1') })).toBeVisible();
  },
};

/** View only: the list and conversations without any way to change them. */
export const ReadOnly: Story = {
  args: { readonly: true, ticketId: '1004' },
  play: async (context) => {
    const { shadow, t } = await getList(context);
    await shadow.findByRole('list', {
      name: new RegExp(t('tickets.detail.conversation', { count: 4 }).replace(/[()]/g, '.')),
    });
    await expect(shadow.queryByRole('textbox', { name: t('tickets.detail.reply') })).toBeNull();
    await expect(shadow.queryByRole('button', { name: t('tickets.detail.close') })).toBeNull();
    await expect(shadow.getByText(t('common.readOnly'))).toBeVisible();
  },
};
