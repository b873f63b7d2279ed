import type { TicketMessage } from '@ringside/core';

export const MESSAGE_PAGE_SIZE = 20;

export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

/**
 * The page to start showing a conversation from: the newest page, and the one before it when the
 * newest holds only a few messages (so a reader sees some context, not one lonely answer).
 */
export function firstShownPage(total: number, pageSize: number): number {
  const last = lastPage(total, pageSize);
  const onLast = total - (last - 1) * pageSize;
  return last > 1 && onLast < Math.ceil(pageSize / 2) ? last - 1 : last;
}

/** The messages of pages `from`..`to`, in order, each once (a page can shift when messages arrive). */
export function messagesOfPages(pages: ReadonlyMap<number, readonly TicketMessage[]>, from: number, to: number): TicketMessage[] {
  const seen = new Set<string>();
  const messages: TicketMessage[] = [];
  for (let page = from; page <= to; page++) {
    for (const message of pages.get(page) ?? []) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      messages.push(message);
    }
  }
  return messages;
}
