import type { Ticket, TicketCategory, TicketInput, TicketSortField, TicketsAdapter } from '@ringside/core';
import { CheckSkipped, ensure, ensureEqual, rejectsInvalid, rejectsWith, show } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { allows, canRead, canWrite, check, feature } from './define.js';
import { ensureOrdered, ensureStablePaging, query, walkAll, type Lister, type SortValue } from './listing.js';

const attachments = feature('tickets', (c) => c.attachments, 'ticket attachments');
const escalation = feature('tickets', (c) => c.escalate, 'escalating tickets');

const SORT_VALUES: Record<TicketSortField, (ticket: Ticket) => SortValue> = {
  id: (ticket) => ticket.id,
  subject: (ticket) => ticket.subject,
  status: (ticket) => ticket.status,
  createdAt: (ticket) => Date.parse(ticket.createdAt),
  updatedAt: (ticket) => Date.parse(ticket.updatedAt),
};

const lister =
  (tickets: TicketsAdapter): Lister<Ticket> =>
  (q) =>
    tickets.list(q);

function ticketInput({ unique }: CheckContext, number: number): TicketInput {
  return { subject: `Conformance ${unique} ${number}`, description: `Written by the conformance suite (${unique}).` };
}

/** Makes tickets until there are `count`, when the adapter can write. */
async function ensureTickets(context: CheckContext, count: number): Promise<void> {
  if (!allows([canWrite('tickets')], context.adapter.capabilities)) return;
  const tickets = context.adapter.tickets!;
  const { total } = await tickets.list({ pageSize: 1 });
  for (let i = total; i < count; i++) await tickets.create(ticketInput(context, i));
}

function categoryIdsUnique(categories: readonly TicketCategory[]): boolean {
  const ids = categories.map((category) => category.id);
  return new Set(ids).size === ids.length && categories.every((category) => categoryIdsUnique(category.children));
}

const sortCheck = (field: TicketSortField): Check =>
  check('tickets', `sort-${field}`, `sorts by ${field} in both directions`, [canRead('tickets')], async (context) => {
    await ensureTickets(context, 6);
    for (const direction of ['asc', 'desc'] as const) {
      const items = await ensureStablePaging(lister(context.adapter.tickets!), query({ sort: [{ field, direction }] }));
      ensureOrdered(items.map(SORT_VALUES[field]), direction, `${field} ${direction}`);
    }
  });

/** A ticket this check may change: a new one when the adapter can write. */
async function ownTicket(context: CheckContext): Promise<Ticket> {
  return context.adapter.tickets!.create(ticketInput(context, 1));
}

export const TICKET_CHECKS: Check[] = [
  check('tickets', 'settings', 'settings give statuses, a category tree and attachment limits', [canRead('tickets')], async ({ adapter }) => {
    const settings = await adapter.tickets!.settings();
    ensure(settings.statuses.length > 0, 'no statuses');
    ensure(categoryIdsUnique(settings.categories), 'category ids repeat among siblings');
    const { maxBytes, maxCount, types } = settings.attachments;
    ensure(maxBytes >= 0 && maxCount >= 0 && Array.isArray(types), `attachment limits are ${show(settings.attachments)}`);
  }),
  check('tickets', 'paging', 'pages are complete and stable', [canRead('tickets')], async (context) => {
    await ensureTickets(context, 8);
    await ensureStablePaging(lister(context.adapter.tickets!));
  }),
  ...(['id', 'subject', 'status', 'createdAt', 'updatedAt'] as const).map(sortCheck),
  check('tickets', 'filter-status', 'filtering by statuses lists exactly the tickets in them', [canRead('tickets')], async ({ adapter }) => {
    const tickets = adapter.tickets!;
    const all = await walkAll(lister(tickets), 500);
    const statuses = [...new Set(all.map((ticket) => ticket.status))];
    for (const filter of [...statuses.map((status) => [status]), statuses.slice(0, 2)]) {
      const listed = await walkAll(lister(tickets), 500, query({ filter: { status: filter } }));
      ensureEqual(listed.map((ticket) => ticket.id).sort(), all.filter((ticket) => filter.includes(ticket.status)).map((ticket) => ticket.id).sort(), `tickets listed for status ${show(filter)}`);
    }
  }),
  check('tickets', 'filter-created-after', 'filtering by creation date lists exactly the newer tickets', [canRead('tickets')], async (context) => {
    await ensureTickets(context, 2);
    const tickets = context.adapter.tickets!;
    const all = await walkAll(lister(tickets), 500);
    const times = [...new Set(all.map((ticket) => Date.parse(ticket.createdAt)))].sort((a, b) => a - b);
    if (times.length < 2) throw new CheckSkipped('fewer than two creation times to tell apart');
    const middle = Math.floor(times.length / 2);
    const after = new Date((times[middle - 1]! + times[middle]!) / 2).toISOString();
    const listed = await walkAll(lister(tickets), 500, query({ filter: { createdAfter: after } }));
    ensureEqual(listed.map((ticket) => ticket.id).sort(), all.filter((ticket) => Date.parse(ticket.createdAt) > Date.parse(after)).map((ticket) => ticket.id).sort(), `tickets created after ${after}`);
  }),
  check('tickets', 'search', 'free-text search finds tickets by subject, and only matching ones', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const created = await ownTicket(context);
    const found = await walkAll(lister(tickets), 50, query({ search: context.unique }));
    ensure(found.some((ticket) => ticket.id === created.id), `searching ${show(context.unique)} did not find ticket ${created.id}`);
    for (const ticket of found) ensure(ticket.subject.toLowerCase().includes(context.unique.toLowerCase()), `searching found ${show(ticket.subject)}`);
  }),
  check('tickets', 'round-trip', 'a created ticket reads back, with its description as the first message', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const input = ticketInput(context, 1);
    const created = await tickets.create(input);
    ensureEqual(created.subject, input.subject, 'subject of the new ticket');
    ensureEqual(await tickets.get(created.id), created, `get(${created.id})`);
    const { statuses } = await tickets.settings();
    ensure(statuses.includes(created.status), `the new ticket's status ${show(created.status)} is not among the statuses in settings`);
    const messages = await tickets.messages(created.id, {});
    ensureEqual(messages.items[0]?.body, input.description, 'first message of the new ticket');
  }),
  check('tickets', 'invalid-input', 'invalid tickets are rejected, naming each field', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const valid = ticketInput(context, 1);
    await rejectsInvalid(tickets.create({ ...valid, subject: '' }), 'subject', 'a ticket without subject');
    await rejectsInvalid(tickets.create({ ...valid, subject: 'x'.repeat(10_001) }), 'subject', 'a ticket with a 10 001-character subject');
    await rejectsInvalid(tickets.create({ ...valid, category: [`rs-no-such-category-${context.unique}`] }), 'category', 'a ticket in an unknown category');
    const created = await ownTicket(context);
    await rejectsInvalid(tickets.reply(created.id, { body: '' }), 'body', 'an empty reply');
  }),
  check('tickets', 'conversation', 'replies come last in the conversation, which pages oldest first', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const created = await ownTicket(context);
    for (const n of [1, 2, 3]) await tickets.reply(created.id, { body: `Reply ${n} (${context.unique})` });
    const messages = await walkAll((q) => tickets.messages(created.id, q), 2);
    ensureEqual(messages.at(-1)?.body, `Reply 3 (${context.unique})`, 'last message');
    ensureOrdered(messages.map((message) => Date.parse(message.createdAt)), 'asc', 'message times');
  }),
  check('tickets', 'close-and-reopen', 'a ticket closes, a reply reopens it, and only resolved/open can be set', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const created = await ownTicket(context);
    const closed = await tickets.setStatus(created.id, 'resolved', { ifMatch: created.version });
    ensureEqual(closed.status, 'resolved', 'status after closing');
    await tickets.reply(created.id, { body: `Still broken (${context.unique})` });
    ensureEqual((await tickets.get(created.id)).status, 'open', 'status after replying to a resolved ticket');
    await rejectsInvalid(tickets.setStatus(created.id, 'stalled'), 'status', 'setting the status to stalled');
  }),
  check('tickets', 'stale-version', 'a status change with a stale ifMatch is a conflict', [canWrite('tickets')], async (context) => {
    const tickets = context.adapter.tickets!;
    const created = await ownTicket(context);
    await tickets.setStatus(created.id, 'resolved', { ifMatch: created.version });
    await rejectsWith(tickets.setStatus(created.id, 'open', { ifMatch: created.version }), 'conflict', 'reopening with the version before closing');
  }),
  check('tickets', 'escalate', 'escalating needs a reason and works once', [canWrite('tickets'), escalation], async (context) => {
    const tickets = context.adapter.tickets!;
    const created = await ownTicket(context);
    await rejectsInvalid(tickets.escalate(created.id, ''), 'reason', 'escalating without a reason');
    ensureEqual((await tickets.escalate(created.id, `Urgent (${context.unique})`)).escalated, true, 'escalated after escalating');
    await rejectsWith(tickets.escalate(created.id, 'Again'), 'conflict', 'escalating twice');
  }),
  check('tickets', 'attachments', 'an uploaded file goes with the ticket; too large or wrong type is rejected', [canWrite('tickets'), attachments], async (context) => {
    const tickets = context.adapter.tickets!;
    const limits = (await tickets.settings()).attachments;
    const type = limits.types.includes('text/plain') ? 'text/plain' : limits.types[0];
    if (!type) throw new CheckSkipped('no attachment types are allowed');
    const uploaded = await tickets.uploadAttachment(new Blob([`conformance ${context.unique}`], { type }), `conformance-${context.unique}.txt`);
    ensure(uploaded.size > 0 && typeof uploaded.id === 'string', `upload answered ${show(uploaded)}`);
    const created = await tickets.create({ ...ticketInput(context, 1), attachmentIds: [uploaded.id] });
    const [first] = (await tickets.messages(created.id, {})).items;
    ensure(first?.attachments.some((attachment) => attachment.id === uploaded.id), `the first message does not carry attachment ${uploaded.id}`);
    await rejectsInvalid(tickets.uploadAttachment(new Blob(['MZ'], { type: 'application/x-msdownload' }), 'setup.exe'), 'file', 'uploading an executable');
    if (limits.maxBytes <= 64 * 1024 * 1024) {
      await rejectsInvalid(tickets.uploadAttachment(new Blob([new Uint8Array(limits.maxBytes + 1)], { type }), 'big.txt'), 'file', `uploading ${limits.maxBytes + 1} bytes`);
    }
  }),
  check('tickets', 'unknown-id', 'unknown ticket ids are not_found', [canRead('tickets')], async ({ adapter, unique }) => {
    const tickets = adapter.tickets!;
    const missing = `rs-conformance-missing-${unique}`;
    await rejectsWith(tickets.get(missing), 'not_found', 'get of an unknown ticket');
    await rejectsWith(tickets.messages(missing, {}), 'not_found', 'messages of an unknown ticket');
    if (!adapter.capabilities.tickets.write) return;
    await rejectsWith(tickets.reply(missing, { body: 'Hello' }), 'not_found', 'reply to an unknown ticket');
    await rejectsWith(tickets.setStatus(missing, 'resolved'), 'not_found', 'closing an unknown ticket');
  }),
];
