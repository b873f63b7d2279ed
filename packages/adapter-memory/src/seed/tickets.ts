import type { Ticket, TicketMessage, TicketPriority, TicketStatus } from '@ringside/core';
import type { TicketsData } from '../data.js';
import { timeBefore } from './dates.js';

export interface MessageSeed {
  /** `customer`, or the name of the agent who wrote it. */
  from: string;
  /** Hours after the ticket was opened. */
  after: number;
  body: string;
  files?: [name: string, size: number, contentType: string][];
}

export interface TicketSeed {
  id: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: string[];
  accountId?: string;
  escalated?: boolean;
  /** When it was opened: days before "now", at this UTC hour. */
  opened: [days: number, hour: number];
  /** The first message is the description. */
  messages: MessageSeed[];
}

/** Tickets and their conversations, dated relative to `now`, never later than it. */
export function buildTickets(now: Date, requestor: string, seeds: TicketSeed[]): Pick<TicketsData, 'tickets' | 'messages'> {
  let messageCount = 0;
  let attachmentCount = 0;
  const messages: Record<string, TicketMessage[]> = {};
  const tickets = seeds.map((seed): Ticket => {
    const createdAt = timeBefore(now, ...seed.opened);
    const at = (hours: number) => new Date(Math.min(Date.parse(createdAt) + hours * 3_600_000, now.getTime())).toISOString();
    messages[seed.id] = seed.messages.map((message) => ({
      id: `msg-${++messageCount}`,
      author: message.from === 'customer' ? { name: requestor, role: 'customer' } : { name: message.from, role: 'agent' },
      createdAt: at(message.after),
      body: message.body,
      attachments: (message.files ?? []).map(([name, size, contentType]) => ({ id: `att-${++attachmentCount}`, name, size, contentType })),
    }));
    return {
      id: seed.id,
      version: '1',
      subject: seed.subject,
      status: seed.status,
      priority: seed.priority,
      createdAt,
      updatedAt: messages[seed.id]!.at(-1)?.createdAt ?? createdAt,
      requestors: [requestor],
      category: seed.category,
      accountId: seed.accountId ?? null,
      escalated: seed.escalated ?? false,
    };
  });
  return { tickets, messages };
}
