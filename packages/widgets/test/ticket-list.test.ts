import type { MemoryAdapter } from '@ringside/adapter-memory';
import { RingsideError } from '@ringside/core';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { RsTicketList, TicketChangeDetail } from '../src/ticket-list/ticket-list.component.js';
import { within } from 'shadow-dom-testing-library';
import { memory, renderWidget, visibleText } from './helpers.js';

type Screen = Awaited<ReturnType<typeof renderList>>['screen'];

async function renderList(
  options: {
    adapter?: MemoryAdapter;
    locale?: string;
    template?: ReturnType<typeof html>;
  } = {}
) {
  const adapter = options.adapter ?? memory();
  const setup = await renderWidget<RsTicketList>('rs-ticket-list', options.template ?? html`<rs-ticket-list></rs-ticket-list>`, {
    adapter,
    locale: options.locale,
  });
  return { ...setup, adapter };
}

/** The subjects in the table's rows, in order. */
function subjects(list: RsTicketList): string[] {
  return [...list.shadowRoot!.querySelectorAll('tbody th[scope="row"] button')].map((button) => button.textContent!.trim());
}

async function rowsSettled(list: RsTicketList, count: number): Promise<void> {
  await waitUntil(() => subjects(list).length === count && !list.list.refreshing, `expected ${count} rows, saw ${subjects(list).length}`);
}

function type(field: HTMLElement, value: string): void {
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(select: HTMLElement, value: string): void {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function pick(input: HTMLElement, files: File[]): void {
  const transfer = new DataTransfer();
  files.forEach((file) => transfer.items.add(file));
  (input as HTMLInputElement).files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const pdf = (name: string, size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

async function openTicket(screen: Screen, subject: string): Promise<HTMLElement> {
  (await screen.findByShadowRole('button', { name: subject })).click();
  return screen.findByShadowRole('region', {
    name: new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  });
}

const shadowActive = (list: RsTicketList) => list.shadowRoot!.activeElement;

/** Gives ticket 1006 (one seeded message) `extra` more: by default 45 in all, three pages of 20. */
function withLongConversation(adapter: MemoryAdapter, extra = 44): MemoryAdapter {
  const conversation = adapter.data.tickets.messages['1006']!;
  const start = Date.now() - 50 * 3_600_000;
  for (let index = 1; index <= extra; index++) {
    conversation.push({
      id: `msg-long-${index}`,
      author: index % 2 ? { name: 'Dana Whitlock (Support)', role: 'agent' } : { name: 'Harbor Point Dental Group', role: 'customer' },
      createdAt: new Date(start + index * 3_600_000).toISOString(),
      body: `Message number ${index}`,
      attachments: [],
    });
  }
  return adapter;
}

/** An agent's answer arriving on ticket 1006 now, as the backend would store it. */
function agentAnswers(adapter: MemoryAdapter, id: string, body: string, name = 'Dana Whitlock (Support)'): void {
  adapter.data.tickets.messages['1006']!.push({ id, author: { name, role: 'agent' }, createdAt: new Date().toISOString(), body, attachments: [] });
}

/** The next reply reaches the backend, but its answer is lost (a timeout); later replies answer normally. */
function loseNextReplyAnswer(adapter: MemoryAdapter): void {
  const tickets = adapter.tickets!;
  const reply = tickets.reply;
  tickets.reply = async (...args) => {
    await reply(...args);
    tickets.reply = reply;
    throw new RingsideError('timeout');
  };
}

/** A promise the test settles by hand, to hold an adapter call while the user does something else. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('<rs-ticket-list>', () => {
  describe('the list', () => {
    it('shows the open tickets by default with number, subject, status, dates and requestors, and passes axe', async () => {
      const { element, screen } = await renderList();
      await rowsSettled(element, 7);
      const table = screen.getByShadowRole('table', {
        name: 'Support tickets',
      });
      const headers = headerCells(table).map((cell) => cell.textContent!.trim());
      expect(headers).to.deep.equal(['#', 'Subject', 'Status', 'Created', 'Last updated', 'Requestors']);
      // Newest activity first: ticket 1011 was opened an hour ago.
      expect(subjects(element)[0]).to.equal('Lab extension cannot call long distance');
      const text = visibleText(element);
      expect(text).to.include('Waiting'); // 1003 is stalled
      expect(text).to.include('Harbor Point Dental Group');
      expect(text).not.to.include('Add two extensions for the new hygienists'); // resolved
      const time = element.shadowRoot!.querySelector('tbody time')!;
      expect(time.getAttribute('title')).to.match(/\d{4}/);
      expect(time.textContent).to.match(/ago|hour|minute/);
      expect(screen.getByShadowRole('combobox', { name: 'Show' })).to.have.value('open');
      await expect(element).shadowDom.to.be.accessible();
    });

    it('filters by predefined search and status, and searches by subject', async () => {
      const { element, screen } = await renderList();
      await rowsSettled(element, 7);
      choose(screen.getByShadowRole('combobox', { name: 'Show' }), 'all');
      await rowsSettled(element, 12);
      choose(screen.getByShadowRole('combobox', { name: 'Show' }), 'status:resolved');
      await rowsSettled(element, 4);
      expect(element.shadowRoot!.querySelectorAll('.status-badge[data-tone="resolved"]')).to.have.length(4);
      choose(screen.getByShadowRole('combobox', { name: 'Show' }), 'recent');
      await waitUntil(() => subjects(element).length > 0 && !subjects(element).includes('Portal access for our new office manager'));
      choose(screen.getByShadowRole('combobox', { name: 'Show' }), 'all');
      type(screen.getByShadowRole('searchbox', { name: 'Search by subject' }), 'conference');
      await rowsSettled(element, 2);
      type(screen.getByShadowRole('searchbox', { name: 'Search by subject' }), 'nothing like this');
      await screen.findByShadowText('No tickets match your search.');
      await expect(element).shadowDom.to.be.accessible();
    });

    it('joins several requestors as the language does', async () => {
      const adapter = memory();
      adapter.data.tickets.tickets.find((ticket) => ticket.id === '1006')!.requestors = ['Ana Ruiz', 'Ben Okafor', 'Cleo Park'];
      const { element } = await renderList({ adapter, locale: 'de' });
      await rowsSettled(element, 7);
      const row = [...element.shadowRoot!.querySelectorAll('tbody tr')].find((candidate) => candidate.textContent!.includes('1006'))!;
      expect(row.textContent).to.include('Ana Ruiz, Ben Okafor und Cleo Park');
    });

    it('sorts by a column header, telling assistive technology the order', async () => {
      const { element, screen } = await renderList();
      await rowsSettled(element, 7);
      const subjectHeader = () => screen.getByShadowRole('columnheader', { name: /Subject/ });
      expect(subjectHeader().getAttribute('aria-sort')).to.equal('none');
      expect(screen.getByShadowRole('columnheader', { name: /Last updated/ }).getAttribute('aria-sort')).to.equal('descending');
      screen.getByShadowRole('button', { name: /^Subject/ }).click();
      await waitUntil(() => subjects(element)[0] === "Echo on calls from Dr. Brennan's line" && !element.list.refreshing);
      expect(subjectHeader().getAttribute('aria-sort')).to.equal('ascending');
      screen.getByShadowRole('button', { name: /^Subject/ }).click();
      await waitUntil(() => subjects(element)[0] === 'Voicemail to email stopped arriving');
      expect(subjectHeader().getAttribute('aria-sort')).to.equal('descending');
    });

    it('pages through the adapter', async () => {
      const { element, screen } = await renderList({
        template: html`<rs-ticket-list page-size="5"></rs-ticket-list>`,
      });
      await rowsSettled(element, 5);
      expect(visibleText(element)).to.include('1–5 of 7 tickets');
      expect(screen.getByShadowRole('button', { name: 'Previous' })).to.have.attribute('disabled');
      screen.getByShadowRole('button', { name: 'Next' }).click();
      await rowsSettled(element, 2);
      expect(visibleText(element)).to.include('6–7 of 7 tickets');
      expect(visibleText(element)).to.include('Page 2 of 2');
    });

    it('shows a status the contract does not know as the adapter sent it', async () => {
      const adapter = memory();
      adapter.data.tickets.tickets.find((ticket) => ticket.id === '1001')!.status = 'waiting-for-vendor';
      const { element, screen } = await renderList({ adapter });
      await rowsSettled(element, 6);
      choose(screen.getByShadowRole('combobox', { name: 'Show' }), 'all');
      await rowsSettled(element, 12);
      const badge = element.shadowRoot!.querySelector('.status-badge[data-tone="other"]')!;
      expect(badge.textContent).to.equal('waiting-for-vendor');
    });

    it('shows a translated load error and recovers on "Try again"', async () => {
      const adapter = memory();
      adapter.faults.failNext(2, 'unavailable');
      const { element, screen } = await renderList({ adapter });
      const alert = await screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('The service is not available right now.');
      await expect(element).shadowDom.to.be.accessible();
      screen.getAllByShadowRole('button', { name: 'Try again' })[0]!.click();
      await rowsSettled(element, 7);
    });

    it('shows an empty state for a customer without tickets', async () => {
      const { element, screen } = await renderList({
        adapter: memory({ customer: 'new' }),
      });
      await screen.findByShadowText('You have no open tickets.');
      await expect(element).shadowDom.to.be.accessible();
    });

    it('refreshes on the host’s interval, so a new ticket appears without reload', async () => {
      const { element, adapter } = await renderList({
        template: html`<rs-ticket-list refresh-interval="0.3"></rs-ticket-list>`,
      });
      await rowsSettled(element, 7);
      const seeded = adapter.data.tickets.tickets[0]!;
      adapter.data.tickets.tickets.push({
        ...seeded,
        id: '2001',
        subject: 'Opened by phone',
        status: 'new',
        updatedAt: new Date().toISOString(),
      });
      await waitUntil(() => subjects(element).includes('Opened by phone'), 'the list did not refresh', { timeout: 3000 });
    });

    it('is right to left in Arabic', async () => {
      const { element, screen } = await renderList({ locale: 'ar' });
      await screen.findByShadowRole('heading', { name: 'طلبات الدعم' });
      await rowsSettled(element, 7);
      expect(getComputedStyle(element).direction).to.equal('rtl');
      expect(screen.getByShadowRole('combobox', { name: 'عرض' })).to.exist;
      await expect(element).shadowDom.to.be.accessible();
    });
  });

  describe('a ticket', () => {
    it('shows the conversation in order with authors, roles and attachments; focus moves in and back out', async () => {
      const { element, screen } = await renderList();
      const region = await openTicket(screen, 'Port our old toll-free number');
      expect(shadowActive(element)?.id).to.equal('detail-title');
      const conversation = await screen.findByShadowRole('list', {
        name: /Conversation \(3 messages\)/,
      });
      const items = [...conversation.querySelectorAll(':scope > li')];
      expect(items.map((item) => item.querySelector('strong')!.textContent)).to.deep.equal([
        'Harbor Point Dental Group',
        'Dana Whitlock (Support)',
        'Dana Whitlock (Support)',
      ]);
      expect(items[0]!.textContent).to.include('You');
      expect(items[1]!.textContent).to.include('Support');
      expect(items[0]!.textContent).to.include('letter-of-authorization.pdf');
      expect(items[0]!.textContent).to.match(/1\.2 MB/);
      expect(region.textContent).to.include('Phone lines › Phone numbers › Port a number');
      await expect(element).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Back to tickets' }).click();
      await waitUntil(
        () => (shadowActive(element) as HTMLElement | null)?.textContent?.trim() === 'Port our old toll-free number',
        'focus did not return to the row'
      );
    });

    it('makes only http(s) addresses clickable, and never renders server text as HTML', async () => {
      const adapter = memory();
      agentAnswers(
        adapter,
        'msg-x',
        'See https://status.example.com/incidents/42. Do not click javascript:alert(1) or <img src=x onerror=alert(1)>.',
        '<b>Agent</b>'
      );
      const { element, screen } = await renderList({ adapter });
      await openTicket(screen, 'Front Office group rings after hours');
      const link = await screen.findByShadowRole('link', {
        name: 'https://status.example.com/incidents/42',
      });
      expect(link.getAttribute('href')).to.equal('https://status.example.com/incidents/42');
      expect(link.getAttribute('rel')).to.include('noopener');
      expect(screen.queryAllByShadowRole('link')).to.have.length(1);
      expect(element.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect(visibleText(element)).to.include('<b>Agent</b>');
    });

    it('sends a reply: it appears in the conversation, the field empties and keeps focus, and the host hears of it', async () => {
      const { element, screen, adapter } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', {
        name: /Conversation \(1 message\)/,
      });
      const events: TicketChangeDetail[] = [];
      element.addEventListener('rs-ticket-change', (event) => events.push(event.detail));
      type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'It happened again last night.');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await screen.findByShadowRole('list', {
        name: /Conversation \(2 messages\)/,
      });
      expect(visibleText(element)).to.include('It happened again last night.');
      expect(screen.getByShadowRole('textbox', { name: 'Your reply' })).to.have.value('');
      await waitUntil(() => shadowActive(element)?.id === 'reply-body');
      expect(events).to.deep.equal([{ action: 'replied', ticketId: '1006' }]);
      expect(adapter.data.tickets.messages['1006']).to.have.length(2);
    });

    it('keeps the reply after a failed send and after the widget is re-attached, and sends it once', async () => {
      const { element, screen, adapter, provider } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', { name: /Conversation/ });
      type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'Still ringing at 2 am.');
      adapter.faults.failNext(1, 'network');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      const alert = await screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('Cannot reach the service.');
      expect(alert.textContent).to.include('Your text is kept');
      expect(screen.getByShadowRole('textbox', { name: 'Your reply' })).to.have.value('Still ringing at 2 am.');
      await expect(element).shadowDom.to.be.accessible();

      const again = await reattached(element, provider);
      again.ticketId = '1006';
      const reply = await within(again).findByShadowRole('textbox', {
        name: 'Your reply',
      });
      expect(reply).to.have.value('Still ringing at 2 am.');

      within(again).getByShadowRole('button', { name: 'Send reply' }).click();
      await within(again).findByShadowRole('list', {
        name: /Conversation \(2 messages\)/,
      });
      expect(adapter.data.tickets.messages['1006']!.filter((message) => message.body === 'Still ringing at 2 am.')).to.have.length(1);
    });

    it('does not post a reply twice when the first attempt reached the backend but its answer was lost', async () => {
      const { element, screen, adapter } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', { name: /Conversation/ });
      loseNextReplyAnswer(adapter);
      type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'Only once, please.');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await screen.findByShadowRole('alert');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await waitUntil(() => screen.queryByShadowRole('alert') === null && visibleText(element).includes('Your reply was sent.'));
      expect(adapter.data.tickets.messages['1006']!.filter((message) => message.body === 'Only once, please.')).to.have.length(1);
    });

    it('posts a repeated short reply after a failure without an answer, once, and never takes the earlier one for it', async () => {
      const { element, screen, adapter } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', { name: /Conversation \(1 message\)/ });
      const thanks = () => adapter.data.tickets.messages['1006']!.filter((message) => message.body === 'Thanks').length;
      const send = async (count: number) => {
        type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'Thanks');
        screen.getByShadowRole('button', { name: 'Send reply' }).click();
        await screen.findByShadowRole('alert');
        screen.getByShadowRole('button', { name: 'Send reply' }).click();
        await screen.findByShadowRole('list', { name: new RegExp(`Conversation \\(${count} messages\\)`) });
        await waitUntil(
          () => screen.queryByShadowRole('alert') === null && screen.queryByShadowRole('button', { name: 'Send reply' })?.hasAttribute('disabled') === false
        );
      };
      type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'Thanks');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await screen.findByShadowRole('list', { name: /Conversation \(2 messages\)/ });

      // The second "Thanks" never reached the backend: sending again must post it, not adopt the first one.
      adapter.faults.failNext(1, 'network');
      await send(3);
      expect(thanks()).to.equal(2);
      expect(screen.getByShadowRole('textbox', { name: 'Your reply' })).to.have.value('');

      // The third one reached it, but its answer was lost: sending again must not post it twice.
      loseNextReplyAnswer(adapter);
      await send(4);
      expect(thanks()).to.equal(3);
      expect(visibleText(element)).to.include('Your reply was sent.');
    });

    it('keeps a reply that fails after the user opened another ticket with its own ticket, not on the other one', async () => {
      const { element, screen, adapter } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', { name: /Conversation \(1 message\)/ });
      const tickets = adapter.tickets!;
      const reply = tickets.reply;
      const answer = deferred();
      let failed = false;
      tickets.reply = async () => {
        await answer.promise;
        tickets.reply = reply;
        failed = true;
        throw new RingsideError('network');
      };
      type(screen.getByShadowRole('textbox', { name: 'Your reply' }), 'The night schedule is wrong again.');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await waitUntil(() => screen.getByShadowRole('textbox', { name: 'Your reply' }).hasAttribute('disabled'));

      screen.getByShadowRole('button', { name: 'Back to tickets' }).click();
      await openTicket(screen, 'Port our old toll-free number');
      await screen.findByShadowRole('list', { name: /Conversation \(3 messages\)/ });
      const otherReply = screen.getByShadowRole('textbox', { name: 'Your reply' });
      expect(otherReply.hasAttribute('disabled')).to.equal(false);
      answer.resolve();
      await waitUntil(() => failed);
      await element.updateComplete;
      await element.updateComplete;
      expect(screen.queryByShadowRole('alert')).to.equal(null);
      expect(otherReply).to.have.value('');
      expect(otherReply.hasAttribute('disabled')).to.equal(false);
      expect(shadowActive(element)).to.not.equal(otherReply);

      screen.getByShadowRole('button', { name: 'Back to tickets' }).click();
      await openTicket(screen, 'Front Office group rings after hours');
      const original = await screen.findByShadowRole('textbox', { name: 'Your reply' });
      expect(original).to.have.value('The night schedule is wrong again.');
      screen.getByShadowRole('button', { name: 'Send reply' }).click();
      await screen.findByShadowRole('list', { name: /Conversation \(2 messages\)/ });
      expect(adapter.data.tickets.messages['1006']!.filter((message) => message.body === 'The night schedule is wrong again.')).to.have.length(1);
    });

    it('closes and reopens a ticket', async () => {
      const { element, screen } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      (await screen.findByShadowRole('button', { name: 'Close ticket' })).click();
      await screen.findByShadowRole('button', { name: 'Reopen ticket' });
      expect(element.shadowRoot!.querySelector('.facts .status-badge')!.textContent).to.equal('Resolved');
      screen.getByShadowRole('button', { name: 'Reopen ticket' }).click();
      await screen.findByShadowRole('button', { name: 'Close ticket' });
      expect(element.shadowRoot!.querySelector('.facts .status-badge')!.textContent).to.equal('Open');
    });

    it('escalates with a reason, which is required', async () => {
      const { element, screen } = await renderList();
      await openTicket(screen, 'Front Office group rings after hours');
      (await screen.findByShadowRole('button', { name: 'Escalate' })).click();
      const reason = await screen.findByShadowRole('textbox', {
        name: /Why does this need more attention/,
      });
      await waitUntil(() => shadowActive(element) === reason);
      screen.getByShadowRole('button', { name: 'Escalate ticket' }).click();
      await waitUntil(() => reason.getAttribute('aria-invalid') === 'true');
      expect(screen.getByShadowText('Fill in this field.').id).to.equal(reason.getAttribute('aria-describedby'));
      await expect(element).shadowDom.to.be.accessible();
      type(reason, 'Patients cannot reach us at night.');
      screen.getByShadowRole('button', { name: 'Escalate ticket' }).click();
      await waitUntil(() => element.shadowRoot!.querySelector('.facts .badge')?.textContent === 'Escalated');
      expect(screen.queryByShadowRole('button', { name: 'Escalate' })).to.equal(null);
      expect(visibleText(element)).to.include('Patients cannot reach us at night.');
    });

    it('loads older messages of a long conversation on request', async () => {
      const { element, screen } = await renderList({ adapter: withLongConversation(memory()) });
      await openTicket(screen, 'Front Office group rings after hours');
      const list = await screen.findByShadowRole('list', {
        name: /Conversation \(45 messages\)/,
      });
      // 45 messages in pages of 20: the newest page holds 5, so the one before it is shown too.
      expect(list.querySelectorAll(':scope > li')).to.have.length(25);
      expect(list.lastElementChild!.textContent).to.include('Message number 44');
      screen.getByShadowRole('button', { name: 'Show 20 older messages' }).click();
      await waitUntil(() => list.querySelectorAll(':scope > li').length === 45);
      expect(list.firstElementChild!.textContent).to.include('Since Tuesday the Front Office group');
      expect(screen.queryByShadowRole('button', { name: /older messages/ })).to.equal(null);
      expect(shadowActive(element)?.getAttribute('data-message')).to.equal('msg-long-19');
    });

    it('keeps "Load older" working when a refresh starts while older messages load', async () => {
      const adapter = withLongConversation(memory(), 64);
      const { element, screen } = await renderList({ adapter });
      await openTicket(screen, 'Front Office group rings after hours');
      // 65 messages: the newest page holds 5, so pages 3 and 4 show; page 2 is not loaded yet.
      const list = await screen.findByShadowRole('list', { name: /Conversation \(65 messages\)/ });
      const tickets = adapter.tickets!;
      const messages = tickets.messages;
      const olderPage = deferred();
      let held = false;
      tickets.messages = async (id, query, options) => {
        if (query.page === 2 && !held) {
          held = true;
          await olderPage.promise;
        }
        return messages(id, query, options);
      };
      const loadOlder = screen.getByShadowRole('button', { name: 'Show 40 older messages' });
      loadOlder.click();
      await waitUntil(() => held && loadOlder.hasAttribute('disabled'));
      element.environment!.store.invalidate('tickets');
      olderPage.resolve();
      await waitUntil(() => list.querySelectorAll(':scope > li').length === 45, 'the older messages never showed');
      const next = await screen.findByShadowRole('button', { name: 'Show 20 older messages' });
      await waitUntil(() => !next.hasAttribute('disabled'), 'the button stayed disabled');
    });

    it('keeps older messages shown when a refresh that started before them finishes after them', async () => {
      const adapter = withLongConversation(memory());
      for (let index = 0; index < 20; index++) agentAnswers(adapter, `msg-more-${index}`, `Later message ${index}`);
      const { element, screen } = await renderList({ adapter });
      await openTicket(screen, 'Front Office group rings after hours');
      // 65 messages: the newest page holds 5, so pages 3 and 4 show.
      const list = await screen.findByShadowRole('list', { name: /Conversation \(65 messages\)/ });
      expect(list.querySelectorAll(':scope > li')).to.have.length(25);
      const tickets = adapter.tickets!;
      const messages = tickets.messages;
      const newestPage = deferred();
      let refreshHeld = false;
      tickets.messages = async (id, query, options) => {
        if (query.page === 4) {
          refreshHeld = true;
          await newestPage.promise;
        }
        return messages(id, query, options);
      };
      agentAnswers(adapter, 'msg-during-refresh', 'Arrived with the refresh');
      element.environment!.store.invalidate('tickets');
      await waitUntil(() => refreshHeld, 'the refresh did not start');
      screen.getByShadowRole('button', { name: 'Show 40 older messages' }).click();
      await waitUntil(() => list.querySelectorAll(':scope > li').length === 45, 'the older page did not show');
      newestPage.resolve();
      await screen.findByShadowRole('list', { name: /Conversation \(66 messages\)/ });
      // Pages 2 and 3 (40 messages) and the newest page, now 6.
      expect(list.querySelectorAll(':scope > li')).to.have.length(46);
      screen.getByShadowRole('button', { name: 'Show 20 older messages' }).click();
      await waitUntil(() => list.querySelectorAll(':scope > li').length === 66, 'the oldest page did not show');
    });

    it('shows a new answer on an open ticket without reload, and announces it', async () => {
      const { screen, adapter } = await renderList({
        template: html`<rs-ticket-list refresh-interval="0.3"></rs-ticket-list>`,
      });
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', {
        name: /Conversation \(1 message\)/,
      });
      agentAnswers(adapter, 'msg-new', 'The night schedule was off by one hour; fixed.', 'Ravi Menon (Voice engineering)');
      await screen.findByShadowText('The night schedule was off by one hour; fixed.', {}, { timeout: 3000 });
      await waitUntil(() => screen.getAllByShadowRole('status').some((status) => status.textContent === 'New answer from Ravi Menon (Voice engineering).'));
    });
  });

  describe('a new ticket', () => {
    it('requires a subject, shown at the field, and offers dependent topic selects, account and priority', async () => {
      const { element, screen } = await renderList();
      (await screen.findByShadowRole('button', { name: 'New ticket' })).click();
      const subject = await screen.findByShadowRole('textbox', {
        name: /Subject/,
      });
      await waitUntil(() => shadowActive(element) === subject);
      screen.getByShadowRole('button', { name: 'Open ticket' }).click();
      await waitUntil(() => subject.getAttribute('aria-invalid') === 'true');
      expect(screen.getByShadowText('Fill in this field.').id).to.equal(subject.getAttribute('aria-describedby'));
      expect(shadowActive(element)).to.equal(subject);
      await expect(element).shadowDom.to.be.accessible();

      expect(screen.queryByShadowRole('combobox', { name: 'Category' })).to.equal(null);
      choose(screen.getByShadowRole('combobox', { name: 'Product' }), 'voice');
      const category = await screen.findByShadowRole('combobox', {
        name: 'Category',
      });
      choose(category, 'voice-numbers');
      const specialty = await screen.findByShadowRole('combobox', {
        name: 'Specialty',
      });
      expect([...(specialty as HTMLSelectElement).options].map((option) => option.text)).to.deep.equal(['Choose…', 'Port a number', 'New number']);
      choose(screen.getByShadowRole('combobox', { name: 'Product' }), 'billing');
      await waitUntil(() => screen.queryByShadowRole('combobox', { name: 'Specialty' }) === null);
      expect(screen.getByShadowRole('combobox', { name: 'Category' })).to.have.value('');
      expect(screen.getByShadowRole('combobox', { name: 'Account' })).to.exist;
      expect(screen.getByShadowRole('combobox', { name: 'Priority' })).to.have.value('normal');
    });

    it('refuses files the backend would refuse, uploads the rest with progress, and opens the ticket with them', async () => {
      const { element, screen, adapter } = await renderList();
      (await screen.findByShadowRole('button', { name: 'New ticket' })).click();
      type(await screen.findByShadowRole('textbox', { name: /Subject/ }), 'Music on hold is too quiet');
      type(screen.getByShadowRole('textbox', { name: 'Describe the problem' }), 'Callers say they hear almost nothing.');
      choose(screen.getByShadowRole('combobox', { name: 'Product' }), 'pbx');
      choose(await screen.findByShadowRole('combobox', { name: 'Category' }), 'pbx-routing');
      choose(await screen.findByShadowRole('combobox', { name: 'Specialty' }), 'pbx-auto-attendant');
      const files = screen.getByShadowLabelText('Attach files');
      pick(files, [
        new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
        new File([new Uint8Array(11 * 1024 * 1024)], 'huge.pdf', {
          type: 'application/pdf',
        }),
        pdf('recording-notes.pdf'),
      ]);
      await waitUntil(() => visibleText(element).includes('setup.exe was not added'), 'the refused file was not named');
      expect(visibleText(element)).to.include('setup.exe was not added: only PNG, JPEG, PDF, or TXT files are accepted.');
      expect(visibleText(element)).to.include('huge.pdf was not added: files may be up to 10 MB.');
      await screen.findByShadowText('Uploaded');
      expect(screen.getByShadowRole('list', { name: 'Attached files' }).textContent).to.include('recording-notes.pdf');
      await expect(element).shadowDom.to.be.accessible();

      const events: TicketChangeDetail[] = [];
      element.addEventListener('rs-ticket-change', (event) => events.push(event.detail));
      screen.getByShadowRole('button', { name: 'Open ticket' }).click();
      await screen.findByShadowRole('region', {
        name: /Music on hold is too quiet/,
      });
      const created = adapter.data.tickets.tickets.at(-1)!;
      expect(created.category).to.deep.equal(['pbx', 'pbx-routing', 'pbx-auto-attendant']);
      expect(created.priority).to.equal('normal');
      expect(events).to.deep.equal([{ action: 'created', ticketId: created.id }]);
      const conversation = await screen.findByShadowRole('list', {
        name: /Conversation \(1 message\)/,
      });
      expect(conversation.textContent).to.include('recording-notes.pdf');
      expect(conversation.textContent).to.include('Callers say they hear almost nothing.');
      await waitUntil(() => shadowActive(element)?.id === 'detail-title');
      // The draft is gone once sent.
      screen.getByShadowRole('button', { name: 'Back to tickets' }).click();
      (await screen.findByShadowRole('button', { name: 'New ticket' })).click();
      expect(await screen.findByShadowRole('textbox', { name: /Subject/ })).to.have.value('');
    });

    it('lets a failed upload be tried again without losing the text', async () => {
      const { element, screen, adapter } = await renderList();
      (await screen.findByShadowRole('button', { name: 'New ticket' })).click();
      type(await screen.findByShadowRole('textbox', { name: /Subject/ }), 'Fax logs');
      adapter.faults.failNext(1, 'network');
      pick(screen.getByShadowLabelText('Attach files'), [pdf('fax-log.pdf')]);
      await screen.findByShadowText(/Upload failed: Cannot reach the service/);
      screen.getByShadowRole('button', { name: 'Open ticket' }).click();
      await screen.findByShadowText('Upload the failed files again or remove them.');
      await expect(element).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Try again: upload fax-log.pdf' }).click();
      await screen.findByShadowText('Uploaded');
      expect(screen.getByShadowRole('textbox', { name: /Subject/ })).to.have.value('Fax logs');
    });

    it('keeps the new ticket when sending fails, across a re-attach, and shows the backend’s reasons at the fields', async () => {
      const { element, screen, adapter, provider } = await renderList();
      (await screen.findByShadowRole('button', { name: 'New ticket' })).click();
      type(await screen.findByShadowRole('textbox', { name: /Subject/ }), 'x'.repeat(10));
      type(screen.getByShadowRole('textbox', { name: 'Describe the problem' }), 'y'.repeat(10_001));
      screen.getByShadowRole('button', { name: 'Open ticket' }).click();
      const description = screen.getByShadowRole('textbox', {
        name: 'Describe the problem',
      });
      await waitUntil(() => description.getAttribute('aria-invalid') === 'true');
      expect(visibleText(element)).to.include('This is too long: at most 10000 characters.');
      type(description, 'A short description.');
      adapter.faults.failNext(1, 'unavailable');
      screen.getByShadowRole('button', { name: 'Open ticket' }).click();
      await screen.findByShadowText('The service is not available right now.');
      const again = await reattached(element, provider);
      const view = within(again);
      (await view.findByShadowRole('button', { name: 'New ticket' })).click();
      expect(await view.findByShadowRole('textbox', { name: /Subject/ })).to.have.value('xxxxxxxxxx');
      expect(view.getByShadowRole('textbox', { name: 'Describe the problem' })).to.have.value('A short description.');
      expect(visibleText(again)).to.include('Your unsent ticket was restored.');
      const before = adapter.data.tickets.tickets.length;
      view.getByShadowRole('button', { name: 'Open ticket' }).click();
      await view.findByShadowRole('region', { name: /xxxxxxxxxx/ });
      expect(adapter.data.tickets.tickets.length).to.equal(before + 1);
    });
  });

  describe('read-only', () => {
    it('hides every change with the readonly attribute', async () => {
      const { element, screen } = await renderList({
        template: html`<rs-ticket-list readonly></rs-ticket-list>`,
      });
      await rowsSettled(element, 7);
      expect(screen.queryByShadowRole('button', { name: 'New ticket' })).to.equal(null);
      expect(visibleText(element)).to.include('View only');
      await openTicket(screen, 'Front Office group rings after hours');
      await screen.findByShadowRole('list', { name: /Conversation/ });
      expect(screen.queryByShadowRole('textbox', { name: 'Your reply' })).to.equal(null);
      expect(screen.queryByShadowRole('button', { name: 'Close ticket' })).to.equal(null);
      expect(screen.queryByShadowRole('button', { name: 'Escalate' })).to.equal(null);
      await expect(element).shadowDom.to.be.accessible();
    });

    it('is read-only when the adapter cannot write tickets', async () => {
      const { element, screen } = await renderList({
        adapter: memory({ capabilities: { tickets: { write: false } } }),
      });
      await rowsSettled(element, 7);
      expect(screen.queryByShadowRole('button', { name: 'New ticket' })).to.equal(null);
    });
  });
});

/** The column headers' cells of a table. */
function headerCells(table: HTMLElement): HTMLElement[] {
  return [...table.querySelectorAll<HTMLElement>('thead th')];
}

/** Removes the widget and puts a new one in its place, as a page that re-renders would. */
async function reattached(element: RsTicketList, provider: HTMLElement): Promise<RsTicketList> {
  element.remove();
  const again = document.createElement('rs-ticket-list');
  provider.append(again);
  await again.updateComplete;
  return again;
}
