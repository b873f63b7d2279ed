import type { Attachment, Ticket, TicketInput, TicketMessage, TicketSortField, TicketsAdapter, UploadOptions } from '@ringside/core';
import type { MemoryContext } from './context.js';
import type { CustomerData } from './data.js';
import { listPage, type ListSpec } from './query.js';
import { findRecord, recordToWrite, touch } from './records.js';
import {
  assertNotEscalated,
  assertValid,
  attachmentReasons,
  escalationReasons,
  reason,
  replyReasons,
  resolvePaging,
  statusAfterCustomerReply,
  statusChangeReasons,
  ticketReasons,
  type TicketRulesContext,
} from './rules/index.js';

const LIST_SPEC: ListSpec<Ticket, TicketSortField> = {
  sortKeys: {
    id: (ticket) => ticket.id,
    subject: (ticket) => ticket.subject,
    status: (ticket) => ticket.status,
    createdAt: (ticket) => Date.parse(ticket.createdAt),
    updatedAt: (ticket) => Date.parse(ticket.updatedAt),
  },
  defaultSort: [{ field: 'updatedAt', direction: 'desc' }],
  searchIn: (ticket) => [ticket.subject],
};

/** Bytes reported per progress step of an upload. */
const PROGRESS_STEP = 256 * 1024;

export function createTickets(context: MemoryContext): TicketsAdapter {
  const { data, call } = context;
  const { tickets } = data;
  const ticket = (id: string) => findRecord(tickets.tickets, id, 'ticket');
  return {
    settings: (options) => call(options, () => tickets.settings),
    list: (query, options) =>
      call(options, () => {
        const statuses = query.filter?.status?.length ? query.filter.status : null;
        const after = query.filter?.createdAfter;
        const afterTime = after === undefined ? null : Date.parse(after);
        if (afterTime !== null && Number.isNaN(afterTime)) assertValid([reason('createdAfter', 'invalid')]);
        return listPage(
          tickets.tickets,
          query,
          LIST_SPEC,
          (item) => (!statuses || statuses.includes(item.status)) && (afterTime === null || Date.parse(item.createdAt) > afterTime),
        );
      }),
    get: (id, options) => call(options, () => ticket(id)),
    messages: (id, query, options) =>
      call(options, () => {
        const conversation = tickets.messages[ticket(id).id] ?? [];
        const { page, pageSize, offset } = resolvePaging(query);
        return { items: conversation.slice(offset, offset + pageSize), total: conversation.length, page, pageSize };
      }),
    uploadAttachment: (file, name, options) => call(options, () => upload(context, file, name, options)),
    create: (input, options) => call(options, () => createTicket(context, input)),
    reply: (id, input, options) =>
      call(options, () => {
        const target = ticket(id);
        assertValid(replyReasons(input, rulesContext(data)));
        const message = addMessage(context, target, input.body, input.attachmentIds);
        target.status = statusAfterCustomerReply(target.status);
        return message;
      }),
    setStatus: (id, status, options) =>
      call(options, () => {
        const target = recordToWrite(tickets.tickets, id, options?.ifMatch, 'ticket');
        assertValid(statusChangeReasons(status));
        if (target.status !== status) changed(context, Object.assign(target, { status }));
        return target;
      }),
    escalate: (id, escalationReason, options) =>
      call(options, () => {
        const target = recordToWrite(tickets.tickets, id, options?.ifMatch, 'ticket');
        assertNotEscalated(target);
        assertValid(escalationReasons(target, escalationReason));
        addMessage(context, target, escalationReason.trim());
        target.escalated = true;
        return target;
      }),
  };
}

function rulesContext(data: CustomerData): TicketRulesContext {
  return { settings: data.tickets.settings, isUploaded: (id) => data.tickets.uploads.some((upload) => upload.id === id) };
}

function upload(context: MemoryContext, file: Blob, name: string, options: UploadOptions | undefined): Attachment {
  const { tickets } = context.data;
  assertValid(attachmentReasons({ size: file.size, type: file.type, name }, tickets.settings.attachments));
  for (let sent = 0; sent < file.size; sent = Math.min(file.size, sent + PROGRESS_STEP)) options?.onProgress?.(sent, file.size);
  options?.onProgress?.(file.size, file.size);
  const carried = Object.values(tickets.messages).flatMap((conversation) => conversation.flatMap((message) => message.attachments));
  const attachment: Attachment = { id: context.nextId('att-', [...tickets.uploads, ...carried]), name, size: file.size, contentType: file.type };
  tickets.uploads.push(attachment);
  return attachment;
}

function createTicket(context: MemoryContext, input: TicketInput): Ticket {
  const { tickets } = context.data;
  assertValid(ticketReasons(input, rulesContext(context.data)));
  const createdAt = context.now().toISOString();
  const ticket: Ticket = {
    id: context.nextId('', tickets.tickets),
    version: '0',
    subject: input.subject.trim(),
    status: 'new',
    priority: input.priority ?? (tickets.settings.priorities.length ? 'normal' : null),
    createdAt,
    updatedAt: createdAt,
    requestors: [tickets.requestor],
    category: input.category ?? [],
    accountId: input.accountId ?? null,
    escalated: false,
  };
  tickets.tickets.push(ticket);
  if (input.description?.trim() || input.attachmentIds?.length) addMessage(context, ticket, input.description ?? '', input.attachmentIds);
  else changed(context, ticket);
  return ticket;
}

/** Adds the customer's message to the conversation, taking the uploaded attachments it carries. */
function addMessage(context: MemoryContext, ticket: Ticket, body: string, attachmentIds: readonly string[] = []): TicketMessage {
  const { tickets } = context.data;
  const conversation = (tickets.messages[ticket.id] ??= []);
  const message: TicketMessage = {
    id: context.nextId('msg-', Object.values(tickets.messages).flat()),
    author: { name: tickets.requestor, role: 'customer' },
    createdAt: context.now().toISOString(),
    body,
    attachments: attachmentIds.map((id) => findRecord(tickets.uploads, id, 'attachment')),
  };
  tickets.uploads = tickets.uploads.filter((upload) => !attachmentIds.includes(upload.id));
  conversation.push(message);
  changed(context, ticket);
  return message;
}

function changed(context: MemoryContext, ticket: Ticket): void {
  ticket.updatedAt = context.now().toISOString();
  touch(ticket);
}
