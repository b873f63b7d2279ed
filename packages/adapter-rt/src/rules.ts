import type { FieldReason, ReplyInput, TicketInput, TicketStatus } from '@ringside/core';
import { RingsideError } from '@ringside/core';
import type { RtAttachmentLimits } from './options.js';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;
export const ESCALATION_REASON_MAX = 1000;
/** The only statuses a customer may set: close a ticket, or reopen it. */
export const CUSTOMER_STATUSES: readonly TicketStatus[] = ['resolved', 'open'];

const reason = (field: string, key: string, params?: FieldReason['params']): FieldReason => (params ? { field, reason: key, params } : { field, reason: key });

export function textReasons(field: string, value: unknown, limits: { required?: boolean; max: number }): FieldReason[] {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return limits.required ? [reason(field, 'required')] : [];
  if (typeof value !== 'string') return [reason(field, 'invalid')];
  return value.length > limits.max ? [reason(field, 'too_long', { max: limits.max })] : [];
}

/** Throws one `validation` error with every reason, or returns when there are none. */
export function assertValid(reasons: readonly FieldReason[]): void {
  if (reasons.length === 0) return;
  throw new RingsideError('validation', {
    fields: [...reasons],
    detail: reasons.map((r) => `${r.field}: ${r.reason}`).join(', '),
  });
}

/** Attachments the adapter holds until a ticket or reply carries them (RT takes files only with a message). */
export function attachmentIdReasons(ids: readonly string[] | undefined, isUploaded: (id: string) => boolean, maxCount: number): FieldReason[] {
  if (!ids?.length) return [];
  return [
    ...(ids.length > maxCount ? [reason('attachmentIds', 'too_many', { max: maxCount })] : []),
    ...ids.flatMap((id, index) => (isUploaded(id) ? [] : [reason(`attachmentIds.${index}`, 'unknown')])),
  ];
}

/** RT offers no categories, accounts or customer-chosen priorities through this adapter: any value is unknown. */
export function ticketReasons(input: TicketInput, isUploaded: (id: string) => boolean, maxCount: number): FieldReason[] {
  return [
    ...textReasons('subject', input.subject, {
      required: true,
      max: SUBJECT_MAX,
    }),
    ...textReasons('description', input.description, { max: BODY_MAX }),
    ...(input.category?.length ? [reason('category', 'unknown')] : []),
    ...(input.accountId != null ? [reason('accountId', 'unknown')] : []),
    ...(input.priority != null ? [reason('priority', 'invalid')] : []),
    ...attachmentIdReasons(input.attachmentIds, isUploaded, maxCount),
  ];
}

export function replyReasons(input: ReplyInput, isUploaded: (id: string) => boolean, maxCount: number): FieldReason[] {
  return [...textReasons('body', input.body, { required: true, max: BODY_MAX }), ...attachmentIdReasons(input.attachmentIds, isUploaded, maxCount)];
}

export function statusChangeReasons(status: TicketStatus): FieldReason[] {
  return CUSTOMER_STATUSES.includes(status) ? [] : [reason('status', 'invalid', { allowed: CUSTOMER_STATUSES.join(', ') })];
}

const baseType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

export function attachmentReasons(file: { size: number; type: string; name: string }, limits: RtAttachmentLimits): FieldReason[] {
  return [
    ...textReasons('name', file.name, { required: true, max: 255 }),
    ...(file.size === 0 ? [reason('file', 'required')] : []),
    ...(file.size > limits.maxBytes ? [reason('file', 'too_large', { max: limits.maxBytes })] : []),
    ...(limits.types.includes(baseType(file.type)) ? [] : [reason('file', 'type', { types: limits.types.join(', ') })]),
  ];
}
