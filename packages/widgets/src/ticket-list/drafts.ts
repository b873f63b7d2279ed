import type { TicketPriority } from '@ringside/core';
import type { UploadItem } from './attachment-rules.js';

/** A new ticket being written. */
export interface TicketDraft {
  subject: string;
  description: string;
  category: string[];
  accountId: string;
  priority: TicketPriority | '';
  uploads: UploadItem[];
}

/** A reply (or an escalation reason) being written. */
export interface MessageDraft {
  body: string;
  uploads: UploadItem[];
}

export const NEW_TICKET_DRAFT = 'new';
export const replyDraftKey = (ticketId: string): string => `reply/${ticketId}`;
export const escalationDraftKey = (ticketId: string): string => `escalate/${ticketId}`;

/**
 * What the user is writing, per backend (the adapter object) and ticket. It lives as long as the
 * page: a failed send, a re-render or a widget that is removed and added again finds its text
 * again; nothing is written to any storage, and a reload of the page forgets it.
 */
const drafts = new WeakMap<object, Map<string, TicketDraft | MessageDraft>>();

function draftsOf(owner: object): Map<string, TicketDraft | MessageDraft> {
  let map = drafts.get(owner);
  if (!map) {
    map = new Map();
    drafts.set(owner, map);
  }
  return map;
}

export function ticketDraft(owner: object): TicketDraft {
  const map = draftsOf(owner);
  let draft = map.get(NEW_TICKET_DRAFT) as TicketDraft | undefined;
  if (!draft) {
    draft = emptyTicketDraft();
    map.set(NEW_TICKET_DRAFT, draft);
  }
  return draft;
}

export function messageDraft(owner: object, key: string): MessageDraft {
  const map = draftsOf(owner);
  let draft = map.get(key) as MessageDraft | undefined;
  if (!draft) {
    draft = { body: '', uploads: [] };
    map.set(key, draft);
  }
  return draft;
}

export function emptyTicketDraft(): TicketDraft {
  return {
    subject: '',
    description: '',
    category: [],
    accountId: '',
    priority: '',
    uploads: [],
  };
}

/** True when the user has written or attached anything. */
export function hasContent(draft: TicketDraft | MessageDraft): boolean {
  if (draft.uploads.length) return true;
  return 'subject' in draft ? !!(draft.subject.trim() || draft.description.trim()) : !!draft.body.trim();
}

/** Forgets a draft once it was sent. */
export function discardDraft(owner: object, key: string): void {
  drafts.get(owner)?.delete(key);
}
