import type { RingsideError, Ticket, TicketMessage } from '@ringside/core';

/**
 * Failures after which the backend may have done the work even though no answer came back
 * (the connection dropped, the answer timed out, a proxy failed). Sending again blindly could
 * open the ticket twice or post the reply twice.
 */
const AMBIGUOUS: ReadonlySet<string> = new Set(['network', 'timeout', 'unavailable']);

export function mayHaveReachedBackend(error: Pick<RingsideError, 'code'>): boolean {
  return AMBIGUOUS.has(error.code);
}

/** Clocks of browser and backend differ; a record this much older than the attempt still counts. */
export const CLOCK_SLACK_MS = 10 * 60_000;

const after = (iso: string, since: number) => Date.parse(iso) >= since - CLOCK_SLACK_MS;

/** The ticket an earlier, unanswered attempt opened: same subject, created since that attempt. */
export function findCreatedTicket(tickets: readonly Ticket[], subject: string, since: number): Ticket | undefined {
  const wanted = subject.trim();
  return tickets.find((ticket) => ticket.subject.trim() === wanted && after(ticket.createdAt, since));
}

/** The reply an earlier, unanswered attempt posted: the customer's, same text, since that attempt. */
export function findSentReply(messages: readonly TicketMessage[], body: string, since: number): TicketMessage | undefined {
  const wanted = body.trim();
  return messages.find((message) => message.author.role === 'customer' && message.body.trim() === wanted && after(message.createdAt, since));
}
