import type { Attachment, TicketMessage } from '@ringside/core';
import { htmlToText } from './html-text.js';
import { asCollection, normaliseId, type RtClient } from './rest.js';

/** A transaction as the history search lists it. */
export interface RtTransaction {
  id: string | number;
  Type: string;
  Created: string;
  Creator?: { id?: string; Name?: string; EmailAddress?: string; RealName?: string } | string;
}

interface RtAttachment {
  id: string | number;
  TransactionId: string | number | { id: string | number };
  ContentType?: string;
  Filename?: string;
  ContentLength?: string | number;
  Content?: string;
}

/** The conversation's transactions: the customer's and agents' public messages, nothing internal. */
export function conversationSql(ticketId: string): string {
  return `ObjectType = 'RT::Ticket' AND ObjectId = ${ticketId} AND (Type = 'Create' OR Type = 'Correspond')`;
}

export const TRANSACTION_FIELDS: [string, string][] = [
  ['fields', 'Type,Created,Creator'],
  ['fields[Creator]', 'Name,EmailAddress,RealName'],
];

/** RT dates are UTC, `2026-01-02T03:04:05Z`; RT writes unset ones as the epoch. */
export function rtTime(value: unknown): string {
  const time = Date.parse(String(value ?? ''));
  return Number.isNaN(time) ? new Date(0).toISOString() : new Date(time).toISOString();
}

export interface AuthorRules {
  requestor: string;
  customerAuthors: readonly string[];
}

export function authorOf(creator: RtTransaction['Creator'], rules: AuthorRules): TicketMessage['author'] {
  const user = typeof creator === 'string' ? { id: creator } : creator ?? {};
  const names = [user.id, user.Name, user.EmailAddress].filter((name): name is string => !!name).map((name) => name.toLowerCase());
  if (names.includes(rules.requestor.toLowerCase())) return { name: user.RealName || rules.requestor, role: 'customer' };
  // A portal account writing on the customer's behalf (the proxy set-up): the message is the customer's.
  const onBehalf = rules.customerAuthors.map((name) => name.toLowerCase());
  if (names.some((name) => onBehalf.includes(name))) return { name: rules.requestor, role: 'customer' };
  return { name: user.RealName || user.Name || user.id || '', role: 'agent' };
}

const transactionOf = (attachment: RtAttachment) =>
  normaliseId(typeof attachment.TransactionId === 'object' ? attachment.TransactionId.id : attachment.TransactionId);
const isFile = (attachment: RtAttachment) => !!attachment.Filename;
const baseType = (type: string | undefined) => (type ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The messages of one page of transactions: two requests whatever the page size, one for the
 * parts of every transaction, one for the text of their bodies (files are never downloaded).
 * `aliases` maps a transaction to the upload ids its files had in this session.
 */
export async function messagesOf(
  client: RtClient,
  ticketId: string,
  transactions: readonly RtTransaction[],
  rules: AuthorRules,
  aliases: (transactionId: string, type: string) => readonly string[] | undefined,
  signal?: AbortSignal
): Promise<TicketMessage[]> {
  if (transactions.length === 0) return [];
  const operation = {
    what: `reading the messages of ticket ${ticketId}`,
    right: 'ShowTicket on the Requestor role of the queue',
  };
  const ids = transactions.map((transaction) => Number(normaliseId(transaction.id)));
  const parts = asCollection<RtAttachment>(
    (
      await client({
        method: 'POST',
        path: `/ticket/${ticketId}/attachments`,
        params: [
          ['fields', 'TransactionId,ContentType,Filename,ContentLength'],
          ['per_page', 500],
          ['orderby', 'id'],
        ],
        json: [{ field: 'TransactionId', operator: 'IN', value: ids }],
        operation,
        ...(signal ? { signal } : {}),
      })
    ).body,
    operation
  ).items;
  const bodyParts = new Map<string, RtAttachment>();
  for (const part of parts) {
    const type = baseType(part.ContentType);
    if (isFile(part) || (type !== 'text/plain' && type !== 'text/html')) continue;
    const current = bodyParts.get(transactionOf(part));
    if (!current || (baseType(current.ContentType) === 'text/html' && type === 'text/plain')) bodyParts.set(transactionOf(part), part);
  }
  const contents = new Map<string, string>();
  if (bodyParts.size) {
    const answer = await client({
      method: 'POST',
      path: `/ticket/${ticketId}/attachments`,
      params: [
        ['fields', 'Content'],
        ['per_page', 500],
      ],
      json: [
        {
          field: 'id',
          operator: 'IN',
          value: [...bodyParts.values()].map((part) => Number(normaliseId(part.id))),
        },
      ],
      operation,
      ...(signal ? { signal } : {}),
    });
    for (const part of asCollection<RtAttachment>(answer.body, operation).items) contents.set(normaliseId(part.id), String(part.Content ?? ''));
  }
  return transactions.map((transaction) => {
    const id = normaliseId(transaction.id);
    const bodyPart = bodyParts.get(id);
    const raw = bodyPart ? contents.get(normaliseId(bodyPart.id)) ?? '' : '';
    const files = parts.filter((part) => transactionOf(part) === id && isFile(part));
    const uploadIds = aliases(id, transaction.Type) ?? [];
    const attachments: Attachment[] = files.map((part, index) => ({
      id: uploadIds[index] ?? normaliseId(part.id),
      name: String(part.Filename),
      size: Number(part.ContentLength) || 0,
      contentType: baseType(part.ContentType) || 'application/octet-stream',
    }));
    return {
      id,
      author: authorOf(transaction.Creator, rules),
      createdAt: rtTime(transaction.Created),
      body: bodyPart && baseType(bodyPart.ContentType) === 'text/html' ? htmlToText(raw) : raw,
      attachments,
    };
  });
}
