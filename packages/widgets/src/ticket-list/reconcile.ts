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

/**
 * An attempt that ended without a clear answer. `known` holds the records that existed before the
 * first attempt, so an earlier ticket or reply with the same text (a second "Thanks") is never
 * mistaken for what the attempt made.
 */
export interface UnansweredAttempt {
  readonly since: number;
  readonly known: ReadonlySet<string>;
}

/** Clocks of browser and backend differ; a record this much older than the attempt still counts. */
export const CLOCK_SLACK_MS = 10 * 60_000;

const madeBy = (record: { id: string; createdAt: string }, attempt: UnansweredAttempt) =>
  !attempt.known.has(record.id) && Date.parse(record.createdAt) >= attempt.since - CLOCK_SLACK_MS;

/** The ticket an earlier, unanswered attempt opened: same subject, new since that attempt. */
export function findCreatedTicket(tickets: readonly Ticket[], subject: string, attempt: UnansweredAttempt): Ticket | undefined {
  const wanted = subject.trim();
  return tickets.find((ticket) => ticket.subject.trim() === wanted && madeBy(ticket, attempt));
}

/** The reply an earlier, unanswered attempt posted: the customer's, same text, new since that attempt. */
export function findSentReply(messages: readonly TicketMessage[], body: string, attempt: UnansweredAttempt): TicketMessage | undefined {
  const wanted = body.trim();
  return messages.find((message) => message.author.role === 'customer' && message.body.trim() === wanted && madeBy(message, attempt));
}
