import {
  TICKET_PRIORITIES,
  type FieldReason,
  type ReplyInput,
  type Ticket,
  type TicketCategory,
  type TicketInput,
  type TicketSettings,
  type TicketStatus,
} from '@ringside/core';
import { conflict, reason } from './errors.js';
import { textReasons } from './values.js';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;
export const ESCALATION_REASON_MAX = 1000;
/** The only statuses a customer may set: close a ticket, or reopen it. */
export const CUSTOMER_STATUSES: readonly TicketStatus[] = ['resolved', 'open'];
const CLOSED_STATUSES: readonly TicketStatus[] = ['resolved', 'rejected'];

export interface TicketRulesContext {
  settings: Pick<TicketSettings, 'categories' | 'priorities' | 'accounts' | 'attachments'>;
  /** True for an uploaded attachment that no message carries yet. */
  isUploaded(attachmentId: string): boolean;
}

/** True when `path` follows the tree from a top-level category down (a partial path counts). */
export function categoryPathExists(tree: readonly TicketCategory[], path: readonly string[]): boolean {
  let level: readonly TicketCategory[] = tree;
  for (const id of path) {
    const node = level.find((category) => category.id === id);
    if (!node) return false;
    level = node.children;
  }
  return true;
}

/**
 * Reasons to reject a new ticket: `subject` `required`/`too_long` ({ max: 200 }), `description`
 * `too_long` ({ max: 10000 }), `category` `unknown`, `accountId` `unknown`, `priority` `invalid`,
 * and the attachment reasons of attachmentIdReasons.
 */
export function ticketReasons(input: TicketInput, context: TicketRulesContext): FieldReason[] {
  const { settings } = context;
  const priorities = settings.priorities.length ? settings.priorities : TICKET_PRIORITIES;
  return [
    ...textReasons('subject', input.subject, { required: true, max: SUBJECT_MAX }),
    ...textReasons('description', input.description, { max: BODY_MAX }),
    ...(input.category && !(Array.isArray(input.category) && categoryPathExists(settings.categories, input.category)) ? [reason('category', 'unknown')] : []),
    ...(input.accountId != null && !settings.accounts.some((account) => account.id === input.accountId) ? [reason('accountId', 'unknown')] : []),
    ...(input.priority != null && !priorities.includes(input.priority) ? [reason('priority', 'invalid')] : []),
    ...attachmentIdReasons(input.attachmentIds, context),
  ];
}

/** Reasons to reject a reply: `body` `required`/`too_long`, and the attachment reasons. */
export function replyReasons(input: ReplyInput, context: TicketRulesContext): FieldReason[] {
  return [...textReasons('body', input.body, { required: true, max: BODY_MAX }), ...attachmentIdReasons(input.attachmentIds, context)];
}

/** `attachmentIds` `too_many` ({ max }), and `attachmentIds.<i>` `unknown` for ids that were not uploaded (or were sent already). */
export function attachmentIdReasons(ids: readonly string[] | undefined, context: TicketRulesContext): FieldReason[] {
  if (!ids?.length) return [];
  const max = context.settings.attachments.maxCount;
  return [
    ...(ids.length > max ? [reason('attachmentIds', 'too_many', { max })] : []),
    ...ids.flatMap((id, index) => (context.isUploaded(id) ? [] : [reason(`attachmentIds.${index}`, 'unknown')])),
  ];
}

/** `file` `required` (empty), `too_large` ({ max } bytes) or `type` ({ types }); `name` `required`/`too_long`. */
export function attachmentReasons(file: { size: number; type: string; name: string }, limits: TicketSettings['attachments']): FieldReason[] {
  return [
    ...textReasons('name', file.name, { required: true, max: 255 }),
    ...(file.size === 0 ? [reason('file', 'required')] : []),
    ...(file.size > limits.maxBytes ? [reason('file', 'too_large', { max: limits.maxBytes })] : []),
    ...(limits.types.includes(baseType(file.type)) ? [] : [reason('file', 'type', { types: limits.types.join(', ') })]),
  ];
}

const baseType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** `status` `invalid` ({ allowed }) for anything but closing or reopening. */
export function statusChangeReasons(status: TicketStatus): FieldReason[] {
  return CUSTOMER_STATUSES.includes(status) ? [] : [reason('status', 'invalid', { allowed: CUSTOMER_STATUSES.join(', ') })];
}

/** Escalating a ticket twice is a `conflict`. */
export function assertNotEscalated(ticket: Pick<Ticket, 'escalated'>): void {
  if (ticket.escalated) throw conflict('the ticket is escalated already');
}

/** Reasons to refuse an escalation: `reason` `required`/`too_long`, `status` `closed` for a resolved or rejected ticket. */
export function escalationReasons(ticket: Pick<Ticket, 'status'>, escalationReason: string): FieldReason[] {
  return [
    ...textReasons('reason', escalationReason, { required: true, max: ESCALATION_REASON_MAX }),
    ...(CLOSED_STATUSES.includes(ticket.status) ? [reason('status', 'closed')] : []),
  ];
}

/** A customer's reply reopens a resolved or stalled ticket, as Request Tracker does. */
export function statusAfterCustomerReply(status: TicketStatus): TicketStatus {
  return status === 'resolved' || status === 'stalled' ? 'open' : status;
}
