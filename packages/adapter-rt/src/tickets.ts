import {
  RingsideError,
  type Attachment,
  type CallOptions,
  type Page,
  type Ticket,
  type TicketMessage,
  type TicketsAdapter,
  type TicketStatus,
  type WriteOptions,
} from '@ringside/core';
import { conversationSql, messagesOf, rtTime, TRANSACTION_FIELDS, type AuthorRules, type RtTransaction } from './conversation.js';
import { checkUpdateMessages, type RtOperation } from './errors.js';
import { DEFAULT_ATTACHMENT_LIMITS, type RtAdapterOptions, type RtAttachmentLimits } from './options.js';
import { countItems, totalFromPage } from './paging.js';
import { asCollection, normaliseId, rtTicketId, type RtClient } from './rest.js';
import { assertValid, attachmentReasons, ESCALATION_REASON_MAX, replyReasons, statusChangeReasons, textReasons, ticketReasons } from './rules.js';
import type { StatusMapping } from './status.js';
import { buildTicketSearch, requestorScope } from './ticket-sql.js';

interface RtTicketItem {
  id: string | number;
  Subject?: string;
  Status?: string;
  Priority?: string | number;
  Created?: string;
  LastUpdated?: string;
  Requestor?: { id?: string; Name?: string; EmailAddress?: string }[];
  Queue?: { id?: string | number; Name?: string };
}

const TICKET_PARAMS: [string, string][] = [
  ['fields', 'Subject,Status,Priority,Created,LastUpdated,Requestor,Queue'],
  ['fields[Requestor]', 'EmailAddress,Name'],
  ['fields[Queue]', 'Name'],
];

/** Pages of this many transactions are used to count a long history (see countItems). */
const COUNT_PROBE_SIZE = 100;

interface Upload {
  attachment: Attachment;
  file: Blob;
}

async function base64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const withSignal = (options?: CallOptions) => (options?.signal ? { signal: options.signal } : {});

export function createRtTickets(client: RtClient, options: RtAdapterOptions, statuses: StatusMapping): TicketsAdapter {
  const { requestor, escalation } = options;
  const limits: RtAttachmentLimits = {
    ...DEFAULT_ATTACHMENT_LIMITS,
    ...options.attachments,
  };
  const authors: AuthorRules = {
    requestor,
    customerAuthors: options.customerAuthors ?? [],
  };
  const uploads = new Map<string, Upload>();
  /** Upload ids of the files a transaction carried, for the session that sent them (RT numbers files itself). */
  const sentFiles = new Map<string, string[]>();
  let uploadCount = 0;
  let escalationQueueId: Promise<string> | undefined;

  const queueRight = (right: string) => `${right} on queue "${options.queue}"`;
  const roleRight = (right: string) => `${right} on the Requestor role of queue "${options.queue}"`;

  function ticketId(id: string): string {
    const rtId = rtTicketId(id);
    if (!rtId)
      throw new RingsideError('not_found', {
        detail: `no ticket ${JSON.stringify(id)}`,
      });
    return rtId;
  }

  async function escalatedQueue(signal?: AbortSignal): Promise<string> {
    if (escalation?.type !== 'queue') return '';
    escalationQueueId ??= client({
      path: `/queue/${encodeURIComponent(escalation.queue)}`,
      operation: {
        what: `looking up the escalation queue "${escalation.queue}"`,
        right: `SeeQueue on queue "${escalation.queue}"`,
      },
      ...(signal ? { signal } : {}),
    }).then(
      ({ body }) => normaliseId((body as { id?: unknown }).id),
      (error: unknown) => {
        escalationQueueId = undefined;
        if (error instanceof RingsideError && error.code === 'not_found')
          throw new RingsideError('not_configured', {
            detail: `RT has no queue "${escalation.queue}" to escalate to`,
          });
        throw error;
      }
    );
    return escalationQueueId;
  }

  function isEscalated(item: RtTicketItem, queueId: string): boolean {
    if (!escalation) return false;
    if (escalation.type === 'priority') return Number(item.Priority) >= escalation.raiseTo;
    return normaliseId(item.Queue?.id) === queueId || item.Queue?.Name === escalation.queue;
  }

  function toTicket(item: RtTicketItem, queueId: string): Ticket {
    const status = String(item.Status ?? '');
    return {
      id: normaliseId(item.id),
      // What a customer can change: any write moves one of these (RT's times have whole seconds only).
      version: [item.LastUpdated, status, item.Priority, normaliseId(item.Queue?.id)].join('/'),
      subject: String(item.Subject ?? ''),
      status: statuses.fromRt(status),
      priority: null,
      createdAt: rtTime(item.Created),
      updatedAt: rtTime(item.LastUpdated),
      requestors: (item.Requestor ?? []).map((user) => user.EmailAddress || user.Name || user.id || '').filter(Boolean),
      category: [],
      accountId: null,
      escalated: isEscalated(item, queueId),
    };
  }

  async function search(query: string, params: [string, string | number][], operation: RtOperation, signal?: AbortSignal) {
    const [answer, queueId] = await Promise.all([
      client({
        path: '/tickets',
        params: [['query', query], ...TICKET_PARAMS, ...params],
        operation,
        ...(signal ? { signal } : {}),
      }),
      escalatedQueue(signal),
    ]);
    const collection = asCollection<RtTicketItem>(answer.body, operation);
    return {
      collection,
      tickets: collection.items.map((item) => toTicket(item, queueId)),
    };
  }

  async function get(id: string, options?: CallOptions): Promise<Ticket> {
    const rtId = ticketId(id);
    const operation = {
      what: `reading ticket ${rtId}`,
      right: roleRight('ShowTicket'),
    };
    const { tickets } = await search(`id = ${rtId} AND ${requestorScope(requestor)}`, [['per_page', 1]], operation, options?.signal);
    const ticket = tickets[0];
    if (!ticket)
      throw new RingsideError('not_found', {
        detail: `ticket ${rtId} does not exist or is not ${requestor}'s`,
      });
    return ticket;
  }

  /**
   * The ticket as the customer last saw it, checked against `ifMatch`, and RT's ETag for a write
   * that RT itself refuses (412) if anything changed in between.
   */
  async function current(id: string, options?: WriteOptions): Promise<{ ticket: Ticket; etag: string }> {
    const rtId = ticketId(id);
    const head = await client({
      method: 'HEAD',
      path: `/ticket/${rtId}`,
      operation: {
        what: `reading ticket ${rtId}`,
        right: roleRight('ShowTicket'),
      },
      ...withSignal(options),
    });
    const ticket = await get(rtId, options);
    if (options?.ifMatch !== undefined && options.ifMatch !== ticket.version)
      throw new RingsideError('conflict', {
        detail: `ticket ${rtId} changed since version ${options.ifMatch}`,
      });
    return {
      ticket,
      etag: (head.headers.get('ETag') ?? '').replace(/^W\//, '').replace(/"/g, ''),
    };
  }

  async function update(
    rtId: string,
    etag: string,
    fields: Record<string, unknown>,
    field: string,
    operation: RtOperation,
    signal?: AbortSignal
  ): Promise<void> {
    const answer = await client({
      method: 'PUT',
      path: `/ticket/${rtId}`,
      json: fields,
      ...(etag ? { ifMatch: etag } : {}),
      operation,
      ...(signal ? { signal } : {}),
    });
    checkUpdateMessages(answer.body, operation, field);
  }

  async function attachmentsFor(ids: readonly string[] = []) {
    return Promise.all(
      ids.map(async (id) => {
        const { attachment, file } = uploads.get(id)!;
        return {
          FileName: attachment.name,
          FileType: attachment.contentType,
          FileContent: await base64(file),
        };
      })
    );
  }

  const isUploaded = (id: string) => uploads.has(id);

  /** Files are sent; their uploads are spent, and this session keeps calling them by their upload ids. */
  function spend(key: string, ids: readonly string[] = []): void {
    if (ids.length) sentFiles.set(key, [...ids]);
    for (const id of ids) uploads.delete(id);
  }

  return {
    async settings() {
      return {
        statuses: statuses.statuses,
        categories: [],
        priorities: [],
        accounts: [],
        attachments: { ...limits, types: [...limits.types] },
      };
    },

    async list(query, callOptions) {
      const sql = buildTicketSearch(query, requestor, statuses);
      const operation = {
        what: 'searching tickets',
        right: roleRight('ShowTicket'),
      };
      const params: [string, string | number][] = [
        ...sql.orderby.map((column): [string, string] => ['orderby', column]),
        ...sql.order.map((order): [string, string] => ['order', order]),
        ['page', sql.page],
        ['per_page', sql.pageSize],
      ];
      const { collection, tickets } = await search(sql.query, params, operation, callOptions?.signal);
      const total = collection.total ?? totalFromPage(sql.page, sql.pageSize, tickets.length) ?? tickets.length;
      return { items: tickets, total, page: sql.page, pageSize: sql.pageSize };
    },

    get,

    async messages(id, query, callOptions): Promise<Page<TicketMessage>> {
      const rtId = ticketId(id);
      const page = Math.max(Math.trunc(query.page ?? 1), 1);
      const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? 50), 1), 500);
      const operation = {
        what: `reading the history of ticket ${rtId}`,
        right: roleRight('ShowTicket'),
      };
      const historyPage = (pageNumber: number, perPage: number, fields: [string, string][]) =>
        client({
          path: '/transactions',
          params: [['query', conversationSql(rtId)], ['orderby', 'id'], ['order', 'ASC'], ['page', pageNumber], ['per_page', perPage], ...fields],
          operation,
          ...withSignal(callOptions),
        }).then(({ body }) => asCollection<RtTransaction>(body, operation));
      // The scoped read proves the ticket is the customer's (and answers not_found otherwise).
      const [, transactions] = await Promise.all([get(rtId, callOptions), historyPage(page, pageSize, TRANSACTION_FIELDS)]);
      const total =
        transactions.total ??
        totalFromPage(page, pageSize, transactions.items.length) ??
        (await countItems(COUNT_PROBE_SIZE, async (probe) => (await historyPage(probe, COUNT_PROBE_SIZE, [['fields', 'Type']])).items.length));
      const items = await messagesOf(
        client,
        rtId,
        transactions.items,
        authors,
        (transactionId, type) => sentFiles.get(type === 'Create' ? `create:${rtId}` : transactionId),
        callOptions?.signal
      );
      return { items, total, page, pageSize };
    },

    async uploadAttachment(file, name, uploadOptions) {
      const type = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      assertValid(attachmentReasons({ size: file.size, type, name }, limits));
      if (uploadOptions?.signal?.aborted)
        throw new RingsideError('network', {
          retryable: true,
          detail: 'aborted',
        });
      const attachment: Attachment = {
        id: `upload-${++uploadCount}-${Math.random().toString(36).slice(2, 10)}`,
        name,
        size: file.size,
        contentType: type,
      };
      uploads.set(attachment.id, { attachment, file });
      uploadOptions?.onProgress?.(file.size, file.size);
      return { ...attachment };
    },

    async create(input, callOptions) {
      assertValid(ticketReasons(input, isUploaded, limits.maxCount));
      const operation = {
        what: `creating a ticket in queue "${options.queue}"`,
        right: queueRight('CreateTicket') + ' and ' + queueRight('SeeQueue'),
      };
      const answer = await client({
        method: 'POST',
        path: '/ticket',
        json: {
          Queue: options.queue,
          Subject: input.subject.trim(),
          Content: input.description ?? '',
          ContentType: 'text/plain',
          // Without it RT makes nobody the requestor, and the customer could not see the ticket.
          Requestor: requestor,
          ...(input.attachmentIds?.length ? { Attachments: await attachmentsFor(input.attachmentIds) } : {}),
        },
        operation,
        ...withSignal(callOptions),
      });
      const id = normaliseId((answer.body as { id?: unknown } | null)?.id);
      if (!id)
        throw new RingsideError('invalid_response', {
          detail: `RT answered ${JSON.stringify(answer.body)} while ${operation.what}`,
        });
      spend(`create:${id}`, input.attachmentIds);
      return get(id, callOptions);
    },

    async reply(id, input, callOptions) {
      const rtId = ticketId(id);
      await get(rtId, callOptions);
      assertValid(replyReasons(input, isUploaded, limits.maxCount));
      const operation = {
        what: `replying to ticket ${rtId}`,
        right: roleRight('ReplyToTicket'),
      };
      const files = input.attachmentIds ?? [];
      const answer = await client({
        method: 'POST',
        path: `/ticket/${rtId}/correspond`,
        json: {
          Content: input.body,
          ContentType: 'text/plain',
          ...(files.length ? { Attachments: await attachmentsFor(files) } : {}),
        },
        operation,
        ...withSignal(callOptions),
      });
      // The new transaction's id is only in Location: …/transaction/47.
      const transactionId = /\/transaction\/(\d+)/.exec(answer.headers.get('Location') ?? '')?.[1];
      if (!transactionId)
        throw new RingsideError('invalid_response', {
          detail: `RT answered ${JSON.stringify(answer.body)} without the new transaction while ${operation.what}`,
        });
      const sent = files.map((fileId) => ({
        ...uploads.get(fileId)!.attachment,
      }));
      spend(transactionId, files);
      const transaction = await client({
        path: `/transaction/${transactionId}`,
        operation,
        ...withSignal(callOptions),
      });
      return {
        id: transactionId,
        author: { name: requestor, role: 'customer' as const },
        createdAt: rtTime((transaction.body as { Created?: string } | null)?.Created),
        body: input.body,
        attachments: sent,
      };
    },

    async setStatus(id, status: TicketStatus, writeOptions) {
      const rtId = ticketId(id);
      assertValid(statusChangeReasons(status));
      const { ticket, etag } = await current(rtId, writeOptions);
      if (ticket.status !== status) {
        const rtStatus = statuses.toRt(status)[0] ?? status;
        const operation = {
          what: `setting ticket ${rtId} to ${rtStatus}`,
          right: roleRight('ModifyTicket'),
        };
        await update(rtId, etag, { Status: rtStatus }, 'status', operation, writeOptions?.signal);
      }
      return get(rtId, writeOptions);
    },

    async escalate(id, reason, writeOptions) {
      if (!escalation)
        throw new RingsideError('unsupported', {
          detail: 'escalation is not configured for this RT adapter',
        });
      const rtId = ticketId(id);
      assertValid(
        textReasons('reason', reason, {
          required: true,
          max: ESCALATION_REASON_MAX,
        })
      );
      const { ticket, etag } = await current(rtId, writeOptions);
      if (ticket.escalated)
        throw new RingsideError('conflict', {
          detail: `ticket ${rtId} is escalated already`,
        });
      if (ticket.status === 'resolved' || ticket.status === 'rejected') assertValid([{ field: 'status', reason: 'closed' }]);
      const change = escalation.type === 'priority' ? { Priority: escalation.raiseTo } : { Queue: escalation.queue };
      const target = escalation.type === 'priority' ? `priority ${escalation.raiseTo}` : `queue "${escalation.queue}"`;
      const right = escalation.type === 'priority' ? roleRight('ModifyTicket') : `${roleRight('ModifyTicket')} and CreateTicket on queue "${escalation.queue}"`;
      await update(rtId, etag, change, 'reason', { what: `escalating ticket ${rtId} to ${target}`, right }, writeOptions?.signal);
      // After the change, so that a failed escalation leaves no message behind and a retry adds none twice.
      await client({
        method: 'POST',
        path: `/ticket/${rtId}/correspond`,
        json: { Content: reason.trim(), ContentType: 'text/plain' },
        operation: {
          what: `adding the escalation reason to ticket ${rtId}`,
          right: roleRight('ReplyToTicket'),
        },
        ...withSignal(writeOptions),
      });
      return get(rtId, writeOptions);
    },
  };
}
