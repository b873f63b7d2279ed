import type { TicketStatus } from '@ringside/core';

/** What escalating a ticket does in RT: raise its priority, or move it to another queue. */
export type RtEscalation = { type: 'priority'; raiseTo: number } | { type: 'queue'; queue: string };

export interface RtAttachmentLimits {
  maxBytes: number;
  maxCount: number;
  /** Allowed MIME types, without parameters. */
  types: string[];
}

export interface RtAdapterOptions {
  /**
   * Where RT's REST2 API is, e.g. `https://rt.example.com/REST/2.0` (browser-direct, with a
   * per-user token) or `/api/rt/REST/2.0` (the portal server's proxy, which adds its own token).
   */
  baseUrl: string;
  /** The queue new tickets go to (name or id). */
  queue: string;
  /**
   * The signed-in customer's email address: every search is scoped to tickets they are a
   * requestor of, and every new ticket names them as requestor.
   */
  requestor: string;
  /** Escalation, when the ITSP offers it; without it the adapter declares that it cannot escalate. */
  escalation?: RtEscalation;
  /** An RT auth token (`Authorization: token …`), or a function answering the current one. Omit behind a proxy. */
  token?: string | (() => string | null | Promise<string | null>);
  /** The fetch to use (tests, or a host that adds credentials itself). Default: the global fetch. */
  fetch?: typeof fetch;
  /**
   * RT statuses of a custom lifecycle mapped onto the contract's, e.g. `{ 'waiting on customer': 'stalled' }`.
   * Statuses neither here nor among the contract's are shown as RT names them.
   */
  statusMap?: Record<string, TicketStatus>;
  /** RT user names whose messages are the customer's besides the requestor (the proxy's account). */
  customerAuthors?: string[];
  /** Default: 10 MiB (RT's $MaxAttachmentSize), 5 files, common document and image types. */
  attachments?: Partial<RtAttachmentLimits>;
}

export const DEFAULT_ATTACHMENT_LIMITS: RtAttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 5,
  types: ['text/plain', 'text/csv', 'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'application/zip'],
};
