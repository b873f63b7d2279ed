import type { TicketInput } from '@ringside/core';
import { describe, expect, it, vi } from 'vitest';
import { expectCode, expectInvalid, memory } from './helpers.js';

const input = (changes: Partial<TicketInput> = {}): TicketInput => ({
  subject: 'Desk phone in room 2 is dead',
  description: 'No dial tone since this morning.',
  category: ['pbx', 'pbx-devices', 'pbx-desk-phone'],
  ...changes,
});

const textFile = (text = 'call log') => new Blob([text], { type: 'text/plain' });

describe('tickets', () => {
  it('seeds a realistic history for the business customer', async () => {
    const adapter = memory();
    const page = await adapter.tickets!.list({ pageSize: 100 });
    expect(page.total).toBeGreaterThanOrEqual(10);
    expect(new Set(page.items.map((t) => t.status))).toEqual(new Set(['new', 'open', 'stalled', 'resolved', 'rejected']));
    expect(page.items.some((t) => t.escalated)).toBe(true);
    const conversation = await adapter.tickets!.messages('1004', {});
    expect(new Set(conversation.items.map((m) => m.author.role))).toEqual(new Set(['customer', 'agent']));
    expect(conversation.items[0]?.attachments[0]).toMatchObject({ name: 'invoice-lines.png', contentType: 'image/png' });
    expect((await memory({ customer: 'residential' }).tickets!.list({})).total).toBe(2);
  });

  it('offers a three-level category tree and attachment limits', async () => {
    const settings = await memory().tickets!.settings();
    expect(settings.categories[0]?.children[0]?.children[0]?.id).toBe('pbx-extensions');
    expect(settings.attachments).toEqual({ maxBytes: 10_485_760, maxCount: 5, types: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'] });
  });

  describe('list', () => {
    it('filters by statuses and creation date, and searches subjects', async () => {
      const { tickets } = memory();
      const active = await tickets!.list({ filter: { status: ['new', 'stalled'] }, sort: [{ field: 'id', direction: 'asc' }] });
      expect(active.items.map((t) => t.id)).toEqual(['1003', '1006', '1011']);
      const recent = await tickets!.list({ filter: { createdAfter: '2025-03-08T00:00:00Z' }, sort: [{ field: 'createdAt', direction: 'asc' }] });
      expect(recent.items.map((t) => t.id)).toEqual(['1010', '1006', '1011']);
      expect((await tickets!.list({ search: 'FAX' })).items.map((t) => t.id)).toEqual(['1001']);
      await expectInvalid(tickets!.list({ filter: { createdAfter: 'last week' } }), 'createdAfter: invalid');
    });

    it('sorts by any field, most recently updated first by default', async () => {
      const { tickets } = memory();
      const byUpdate = (await tickets!.list({})).items.map((t) => Date.parse(t.updatedAt));
      expect(byUpdate).toEqual([...byUpdate].sort((a, b) => b - a));
      const bySubject = (await tickets!.list({ sort: [{ field: 'subject', direction: 'asc' }], pageSize: 2 })).items.map((t) => t.subject);
      expect(bySubject).toEqual(['Add two extensions for the new hygienists', 'Card payment declined although the card is valid']);
      const byId = (await tickets!.list({ sort: [{ field: 'id', direction: 'desc' }], pageSize: 1 })).items[0];
      expect(byId?.id).toBe('1012');
    });
  });

  describe('create', () => {
    it('opens a new ticket whose first message is the description, with its attachments', async () => {
      const adapter = memory();
      const progress = vi.fn();
      const file = await adapter.tickets!.uploadAttachment(textFile(), 'calls.txt', { onProgress: progress });
      expect(progress).toHaveBeenLastCalledWith(8, 8);
      const ticket = await adapter.tickets!.create(input({ attachmentIds: [file.id], priority: 'high', accountId: 'acc-main' }));
      expect(ticket).toMatchObject({ id: '1013', status: 'new', priority: 'high', accountId: 'acc-main', requestors: ['Harbor Point Dental Group'], escalated: false });
      const messages = await adapter.tickets!.messages(ticket.id, {});
      expect(messages.items).toHaveLength(1);
      expect(messages.items[0]).toMatchObject({ body: 'No dial tone since this morning.', author: { role: 'customer' }, attachments: [file] });
      await expectInvalid(adapter.tickets!.create(input({ attachmentIds: [file.id] })), 'attachmentIds.0: unknown');
    });

    it('rejects a missing or long subject, a long description and an unknown category', async () => {
      const { tickets } = memory();
      await expectInvalid(
        tickets!.create(input({ subject: '', description: 'x'.repeat(10_001), category: ['pbx', 'billing-copy'], accountId: 'acc-x', priority: 'meh' as 'low' })),
        'subject: required',
        'description: too_long',
        'category: unknown',
        'accountId: unknown',
        'priority: invalid',
      );
      await expectInvalid(tickets!.create(input({ subject: 's'.repeat(201) })), 'subject: too_long');
      expect((await tickets!.create(input({ category: ['billing'] }))).category).toEqual(['billing']);
    });
  });

  it('checks the size and type of an upload', async () => {
    const { tickets } = memory();
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'application/pdf' });
    const tooLarge = await expectInvalid(tickets!.uploadAttachment(big, 'scan.pdf'), 'file: too_large');
    expect(tooLarge.fields[0]?.params).toEqual({ max: 10_485_760 });
    await expectInvalid(tickets!.uploadAttachment(new Blob(['MZ'], { type: 'application/x-msdownload' }), 'setup.exe'), 'file: type');
  });

  it('pages the conversation oldest first', async () => {
    const { tickets } = memory();
    const first = await tickets!.messages('1001', { page: 1, pageSize: 3 });
    const second = await tickets!.messages('1001', { page: 2, pageSize: 3 });
    expect([first.total, first.items.length, second.items.length]).toEqual([4, 3, 1]);
    const times = [...first.items, ...second.items].map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  describe('changes', () => {
    it('reopens a resolved ticket when the customer replies', async () => {
      const { tickets } = memory();
      const before = await tickets!.get('1007');
      const message = await tickets!.reply('1007', { body: 'It stopped working again.' });
      expect(message.author.role).toBe('customer');
      const after = await tickets!.get('1007');
      expect([after.status, after.version !== before.version, after.updatedAt > before.updatedAt]).toEqual(['open', true, true]);
      await expectInvalid(tickets!.reply('1007', { body: ' ' }), 'body: required');
    });

    it('lets the customer only close or reopen, with the current version', async () => {
      const { tickets } = memory();
      const ticket = await tickets!.get('1001');
      const closed = await tickets!.setStatus('1001', 'resolved', { ifMatch: ticket.version });
      expect(closed.status).toBe('resolved');
      await expectCode(tickets!.setStatus('1001', 'open', { ifMatch: ticket.version }), 'conflict');
      await expectInvalid(tickets!.setStatus('1001', 'stalled'), 'status: invalid');
    });

    it('escalates once, with a reason, and only open tickets', async () => {
      const { tickets } = memory();
      await expectInvalid(tickets!.escalate('1001', ''), 'reason: required');
      const escalated = await tickets!.escalate('1001', 'Faxes from the insurer are still failing.');
      expect(escalated.escalated).toBe(true);
      expect((await tickets!.messages('1001', {})).items.at(-1)?.body).toBe('Faxes from the insurer are still failing.');
      await expectCode(tickets!.escalate('1001', 'again'), 'conflict');
      await expectInvalid(tickets!.escalate('1007', 'please'), 'status: closed');
    });

    it('answers not_found for unknown tickets', async () => {
      const { tickets } = memory();
      await expectCode(tickets!.get('9999'), 'not_found');
      await expectCode(tickets!.messages('9999', {}), 'not_found');
      await expectCode(tickets!.reply('9999', { body: 'hi' }), 'not_found');
      await expectCode(tickets!.setStatus('9999', 'open'), 'not_found');
    });
  });
});
