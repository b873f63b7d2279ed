import { TICKET_STATUSES, type FieldReason, type TicketStatus } from '@ringside/core';

export type StatusTone = 'new' | 'open' | 'stalled' | 'resolved' | 'rejected' | 'other';

/** The colour family of a status; statuses the contract does not know get a neutral one. */
export function statusTone(status: TicketStatus): StatusTone {
  return (TICKET_STATUSES as readonly string[]).includes(status) ? (status as StatusTone) : 'other';
}

/** Closed tickets can be reopened; open ones (and unknown statuses) can be closed. */
export function isClosed(status: TicketStatus): boolean {
  return status === 'resolved' || status === 'rejected';
}

/**
 * Where to show each reason a backend gave for refusing a form: at the form's field it names
 * (`attachmentIds.3` belongs to the attachments), or, for fields the form does not have, in the
 * form's summary.
 */
export function placeFieldReasons(
  reasons: readonly FieldReason[],
  fieldOf: Record<string, string>
): { byField: Map<string, FieldReason>; unplaced: FieldReason[] } {
  const byField = new Map<string, FieldReason>();
  const unplaced: FieldReason[] = [];
  for (const reason of reasons) {
    const field = fieldOf[reason.field.split('.')[0]!];
    if (field && !byField.has(field)) byField.set(field, reason);
    else if (!field) unplaced.push(reason);
  }
  return { byField, unplaced };
}
