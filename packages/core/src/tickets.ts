import type { CallOptions } from './call-options.js';
import type { ListQuery, Page, Versioned, WriteOptions } from './paging.js';

/** The statuses of the contract (Request Tracker's). Adapters map others onto them, or pass unknown ones through as they are. */
export const TICKET_STATUSES = ['new', 'open', 'stalled', 'resolved', 'rejected'] as const;
export type KnownTicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketStatus = KnownTicketStatus | (string & {});

/** Statuses a customer thinks of as "open". */
export const ACTIVE_TICKET_STATUSES: readonly KnownTicketStatus[] = ['new', 'open', 'stalled'];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export interface Attachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface Ticket extends Versioned {
  id: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  /** ISO 8601 date-times. */
  createdAt: string;
  updatedAt: string;
  /** Names or addresses of the people the ticket is for. */
  requestors: string[];
  /** Ids along the category tree, e.g. product → category → specialty. */
  category: string[];
  accountId: string | null;
  escalated: boolean;
}

export interface TicketMessage {
  id: string;
  author: { name: string; role: 'customer' | 'agent' };
  createdAt: string;
  /** Plain text. Widgets render it as text; links are made clickable only for http(s). */
  body: string;
  attachments: Attachment[];
}

export interface TicketCategory {
  id: string;
  label: string;
  children: TicketCategory[];
}

export interface TicketSettings {
  /** Statuses this backend uses, in display order (may include ones outside TICKET_STATUSES). */
  statuses: TicketStatus[];
  categories: TicketCategory[];
  priorities: TicketPriority[];
  /** Accounts a ticket can be about, for customers with several. */
  accounts: { id: string; label: string }[];
  attachments: { maxBytes: number; maxCount: number; types: string[] };
}

export type TicketSortField = 'id' | 'subject' | 'status' | 'createdAt' | 'updatedAt';
export type TicketQuery = ListQuery<TicketSortField, { status?: TicketStatus[]; createdAfter?: string }>;

export interface TicketInput {
  subject: string;
  description: string;
  category?: string[];
  accountId?: string | null;
  priority?: TicketPriority | null;
  attachmentIds?: string[];
}

export interface ReplyInput {
  body: string;
  attachmentIds?: string[];
}

export interface UploadOptions extends CallOptions {
  /** Called with bytes sent so far. */
  onProgress?: (sent: number, total: number) => void;
}

export interface TicketsAdapter {
  settings(options?: CallOptions): Promise<TicketSettings>;
  list(query: TicketQuery, options?: CallOptions): Promise<Page<Ticket>>;
  get(id: string, options?: CallOptions): Promise<Ticket>;
  /** The conversation, oldest first, in pages. */
  messages(id: string, query: { page?: number; pageSize?: number }, options?: CallOptions): Promise<Page<TicketMessage>>;
  uploadAttachment(file: Blob, name: string, options?: UploadOptions): Promise<Attachment>;
  create(input: TicketInput, options?: CallOptions): Promise<Ticket>;
  reply(id: string, input: ReplyInput, options?: CallOptions): Promise<TicketMessage>;
  /** Close (`resolved`) or reopen (`open`). */
  setStatus(id: string, status: TicketStatus, options?: WriteOptions): Promise<Ticket>;
  escalate(id: string, reason: string, options?: WriteOptions): Promise<Ticket>;
}
