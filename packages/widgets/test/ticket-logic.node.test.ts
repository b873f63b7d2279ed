import type { Ticket, TicketMessage } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { checkFiles, sizeInUnits, typeAccepted, typeLabel, uploadSummary, type UploadItem } from '../src/ticket-list/attachment-rules.js';
import { categoryLabels, categoryLevels, chooseCategory, validCategoryPath } from '../src/ticket-list/categories.js';
import { firstShownPage, lastPage, messagesOfPages } from '../src/ticket-list/conversation.js';
import { discardDraft, hasContent, messageDraft, ticketDraft } from '../src/ticket-list/drafts.js';
import { safeHref } from '../src/base/safe-href.js';
import { linkify } from '../src/ticket-list/linkify.js';
import {
  ariaSort,
  daysBefore,
  initialListState,
  listKey,
  pageRange,
  presetOptions,
  toTicketQuery,
  toggleSort,
  withPage,
  withPreset,
  withSearch,
} from '../src/ticket-list/list-query.js';
import { findCreatedTicket, findSentReply, mayHaveReachedBackend } from '../src/ticket-list/reconcile.js';
import { isClosed, placeFieldReasons, statusTone } from '../src/ticket-list/ticket-status.js';

const NOW = new Date(2026, 10, 23, 15, 30);

describe('list query', () => {
  it('asks for the open statuses by default, newest activity first', () => {
    expect(toTicketQuery(initialListState(20), NOW)).toEqual({
      page: 1,
      pageSize: 20,
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      filter: { status: ['new', 'open', 'stalled'] },
    });
  });

  it('asks for tickets created since the start of the day 30 days ago, the same all day', () => {
    const recent = withPreset(initialListState(), 'recent');
    const morning = toTicketQuery(recent, new Date(2026, 10, 23, 0, 1));
    const evening = toTicketQuery(recent, new Date(2026, 10, 23, 23, 59));
    expect(morning.filter).toEqual({
      createdAfter: new Date(2026, 9, 24).toISOString(),
    });
    expect(listKey(morning)).toBe(listKey(evening));
    expect(daysBefore(new Date(2026, 2, 1, 12), 1)).toEqual(new Date(2026, 1, 28));
  });

  it('asks for one status, or all, and passes a trimmed search', () => {
    expect(toTicketQuery(withPreset(initialListState(), 'status:waiting-for-vendor'), NOW).filter).toEqual({ status: ['waiting-for-vendor'] });
    const all = withSearch(withPreset(initialListState(), 'all'), '  fax ');
    const query = toTicketQuery(all, NOW);
    expect(query.filter).toBeUndefined();
    expect(query.search).toBe('fax');
  });

  it('offers the searches and every status of the backend once', () => {
    expect(presetOptions(['new', 'open', 'open', 'pending'])).toEqual(['open', 'recent', 'all', 'status:new', 'status:open', 'status:pending']);
  });

  it('toggles sorting: a new column starts in its natural order, the same one flips; paging restarts', () => {
    const onPage3 = { ...initialListState(), page: 3 };
    const bySubject = toggleSort(onPage3, 'subject');
    expect(bySubject.sort).toEqual({ field: 'subject', direction: 'asc' });
    expect(bySubject.page).toBe(1);
    expect(toggleSort(bySubject, 'subject').sort.direction).toBe('desc');
    expect(toggleSort(bySubject, 'createdAt').sort).toEqual({
      field: 'createdAt',
      direction: 'desc',
    });
    expect(ariaSort(bySubject, 'subject')).toBe('ascending');
    expect(ariaSort(bySubject, 'status')).toBe('none');
  });

  it('keeps pages within range and counts the items shown', () => {
    const state = initialListState(20);
    expect(withPage(state, 9, 45).page).toBe(3);
    expect(withPage(state, 0, 45).page).toBe(1);
    expect(pageRange(3, 20, 45)).toEqual({ first: 41, last: 45 });
    expect(pageRange(1, 20, 0)).toEqual({ first: 0, last: 0 });
    expect(withSearch(state, ' ')).toBe(state);
  });
});

describe('categories', () => {
  const tree = [
    {
      id: 'voice',
      label: 'Phone lines',
      children: [
        {
          id: 'numbers',
          label: 'Phone numbers',
          children: [{ id: 'porting', label: 'Port a number', children: [] }],
        },
      ],
    },
    { id: 'billing', label: 'Billing', children: [] },
  ];

  it('shows one more select for each chosen category that has children', () => {
    expect(categoryLevels(tree, []).map((level) => level.options.length)).toEqual([2]);
    expect(categoryLevels(tree, ['voice']).map((level) => level.selected)).toEqual(['voice', '']);
    expect(categoryLevels(tree, ['voice', 'numbers', 'porting'])).toHaveLength(3);
    expect(categoryLevels(tree, ['billing'])).toHaveLength(1);
  });

  it('drops deeper choices when a higher one changes, and unknown ids', () => {
    expect(chooseCategory(tree, ['voice', 'numbers', 'porting'], 0, 'billing')).toEqual(['billing']);
    expect(chooseCategory(tree, ['voice', 'numbers'], 1, '')).toEqual(['voice']);
    expect(validCategoryPath(tree, ['voice', 'gone', 'porting'])).toEqual(['voice']);
  });

  it('names a ticket’s path, showing unknown ids as they are', () => {
    expect(categoryLabels(tree, ['voice', 'numbers', 'porting'])).toEqual(['Phone lines', 'Phone numbers', 'Port a number']);
    expect(categoryLabels(tree, ['voice', 'retired'])).toEqual(['Phone lines', 'retired']);
  });
});

describe('attachment rules', () => {
  const limits = {
    maxBytes: 1000,
    maxCount: 2,
    types: ['application/pdf', 'image/*'],
  };
  const file = (name: string, size: number, type: string) => ({
    name,
    size,
    type,
  });

  it('refuses wrong types, large and empty files, and files beyond the count', () => {
    const { accepted, refused } = checkFiles(
      [
        file('a.pdf', 10, 'application/pdf'),
        file('b.exe', 10, 'application/x-msdownload'),
        file('c.png', 2000, 'image/png'),
        file('d.pdf', 0, 'application/pdf'),
        file('e.jpg', 5, 'image/jpeg'),
        file('f.pdf', 5, 'application/pdf'),
      ],
      limits,
      0
    );
    expect(accepted.map((f) => f.name)).toEqual(['a.pdf', 'e.jpg']);
    expect(refused).toEqual([
      { name: 'b.exe', reason: 'type' },
      { name: 'c.png', reason: 'too_large' },
      { name: 'd.pdf', reason: 'empty' },
      { name: 'f.pdf', reason: 'too_many' },
    ]);
    expect(checkFiles([file('g.pdf', 5, 'application/pdf')], limits, 2).refused).toEqual([{ name: 'g.pdf', reason: 'too_many' }]);
  });

  it('matches content types without parameters and case, and names them briefly', () => {
    expect(typeAccepted('Application/PDF; charset=binary', limits.types)).toBe(true);
    expect(typeAccepted('', limits.types)).toBe(false);
    expect(['text/plain', 'image/jpeg', 'application/pdf', 'image/*'].map(typeLabel)).toEqual(['TXT', 'JPEG', 'PDF', 'IMAGE']);
  });

  it('sums up uploads and picks a size unit', () => {
    const item = (state: UploadItem['state'], id?: string): UploadItem => ({
      key: id ?? state,
      name: 'x',
      size: 1,
      type: 'application/pdf',
      file: new Blob(['x']),
      state,
      sent: 0,
      ...(id
        ? {
            attachment: {
              id,
              name: 'x',
              size: 1,
              contentType: 'application/pdf',
            },
          }
        : {}),
    });
    expect(uploadSummary([item('done', 'att-1'), item('uploading'), item('failed'), item('done', 'att-2')])).toEqual({
      ids: ['att-1', 'att-2'],
      uploading: 1,
      failed: 1,
    });
    expect(sizeInUnits(512)).toEqual({ value: 512, unit: 'byte' });
    expect(sizeInUnits(1_288_004).unit).toBe('megabyte');
  });
});

describe('linkify', () => {
  it('links http and https addresses, leaving sentence punctuation outside', () => {
    expect(linkify('See https://example.com/a?b=1. Or (http://example.org/x).')).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        text: 'https://example.com/a?b=1',
        href: 'https://example.com/a?b=1',
      },
      { kind: 'text', text: '. Or (' },
      {
        kind: 'link',
        text: 'http://example.org/x',
        href: 'http://example.org/x',
      },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps a parenthesis that belongs to the address', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Echo_(phenomenon)')[0]).toMatchObject({
      kind: 'link',
      text: 'https://en.wikipedia.org/wiki/Echo_(phenomenon)',
    });
  });

  it('leaves every other scheme, and markup, as text', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> mailto:a@b.example www.example.com <a href="https://x.example">';
    const segments = linkify(text);
    expect(segments.filter((segment) => segment.kind === 'link').map((segment) => segment.text)).toEqual(['https://x.example']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
  });
});

describe('drafts', () => {
  it('keeps a draft per backend and ticket until it is discarded', () => {
    const backend = {};
    const other = {};
    ticketDraft(backend).subject = 'Fax';
    messageDraft(backend, 'reply/1').body = 'Hello';
    expect(ticketDraft(backend).subject).toBe('Fax');
    expect(ticketDraft(other).subject).toBe('');
    expect(messageDraft(backend, 'reply/2').body).toBe('');
    expect(hasContent(messageDraft(backend, 'reply/1'))).toBe(true);
    discardDraft(backend, 'reply/1');
    expect(messageDraft(backend, 'reply/1').body).toBe('');
    expect(hasContent(ticketDraft(other))).toBe(false);
  });
});

describe('conversation pages', () => {
  it('starts at the newest page, with the one before when the newest holds few messages', () => {
    expect(lastPage(0, 20)).toBe(1);
    expect(firstShownPage(15, 20)).toBe(1);
    expect(firstShownPage(45, 20)).toBe(2);
    expect(firstShownPage(55, 20)).toBe(3);
  });

  it('joins pages in order, each message once', () => {
    const message = (id: string) => ({ id } as TicketMessage);
    const pages = new Map([
      [1, [message('a'), message('b')]],
      [2, [message('b'), message('c')]],
    ]);
    expect(messagesOfPages(pages, 1, 2).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(messagesOfPages(pages, 2, 2).map((m) => m.id)).toEqual(['b', 'c']);
  });
});

describe('reconciling an unanswered attempt', () => {
  const since = Date.parse('2026-11-23T12:00:00Z');
  it('treats only failures without a clear answer as possibly done', () => {
    expect(['network', 'timeout', 'unavailable'].every((code) => mayHaveReachedBackend({ code: code as 'network' }))).toBe(true);
    expect(mayHaveReachedBackend({ code: 'validation' })).toBe(false);
  });

  it('finds the ticket or reply the attempt made, not older ones', () => {
    const attempt = { since, known: new Set<string>() };
    const ticket = (id: string, subject: string, createdAt: string) => ({ id, subject, createdAt } as Ticket);
    expect(findCreatedTicket([ticket('1', 'Fax', '2026-11-20T12:00:00Z'), ticket('2', 'Fax ', '2026-11-23T12:00:05Z')], ' Fax', attempt)?.id).toBe('2');
    expect(findCreatedTicket([ticket('1', 'Fax', '2026-11-20T12:00:00Z')], 'Fax', attempt)).toBeUndefined();
    const reply = (id: string, role: 'agent' | 'customer', body: string) =>
      ({
        id,
        author: { name: 'x', role },
        body,
        createdAt: '2026-11-23T12:00:01Z',
      } as TicketMessage);
    expect(findSentReply([reply('a', 'agent', 'Hi'), reply('b', 'customer', 'Other')], 'Hi', attempt)).toBeUndefined();
    expect(findSentReply([reply('c', 'customer', 'Hi')], 'Hi', attempt)?.id).toBe('c');
  });

  it('never takes a record that existed before the first attempt, however recent and alike', () => {
    // A "Thanks" sent a minute before (within the clock slack) is not the one the attempt posted.
    const earlier = { id: 'm1', author: { name: 'x', role: 'customer' }, body: 'Thanks', createdAt: '2026-11-23T11:59:00Z' } as TicketMessage;
    const attempt = { since, known: new Set(['m1']) };
    expect(findSentReply([earlier], 'Thanks', attempt)).toBeUndefined();
    const posted = { ...earlier, id: 'm2', createdAt: '2026-11-23T12:00:02Z' };
    expect(findSentReply([earlier, posted], 'Thanks', attempt)?.id).toBe('m2');
    const opened = { id: '7', subject: 'Fax', createdAt: '2026-11-23T11:58:00Z' } as Ticket;
    expect(findCreatedTicket([opened], 'Fax', { since, known: new Set(['7']) })).toBeUndefined();
    expect(findCreatedTicket([opened], 'Fax', { since, known: new Set() })?.id).toBe('7');
  });
});

describe('statuses and field reasons', () => {
  it('gives unknown statuses a neutral tone and knows closed ones', () => {
    expect(statusTone('stalled')).toBe('stalled');
    expect(statusTone('pending')).toBe('other');
    expect(isClosed('rejected')).toBe(true);
    expect(isClosed('pending')).toBe(false);
  });

  it('places reasons at the form’s fields, the rest in the summary', () => {
    const { byField, unplaced } = placeFieldReasons(
      [
        { field: 'attachmentIds.2', reason: 'unknown' },
        { field: 'subject', reason: 'required' },
        { field: 'queue', reason: 'closed' },
      ],
      { subject: 'subject', attachmentIds: 'files' }
    );
    expect([...byField.keys()]).toEqual(['files', 'subject']);
    expect(unplaced).toEqual([{ field: 'queue', reason: 'closed' }]);
  });
});
