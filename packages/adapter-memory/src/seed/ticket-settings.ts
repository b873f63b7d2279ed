import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketCategory, type TicketSettings } from '@ringside/core';

const node = (id: string, label: string, children: TicketCategory[] = []): TicketCategory => ({ id, label, children });

/** Product → category → specialty, the way the ticket form's dependent selects offer them. */
export const TICKET_CATEGORIES: TicketCategory[] = [
  node('pbx', 'Hosted PBX', [
    node('pbx-routing', 'Call routing', [
      node('pbx-extensions', 'Extensions'),
      node('pbx-hunt-groups', 'Hunt groups'),
      node('pbx-voicemail', 'Voicemail'),
      node('pbx-auto-attendant', 'Auto attendant'),
    ]),
    node('pbx-devices', 'Phones and devices', [node('pbx-desk-phone', 'Desk phone'), node('pbx-softphone', 'Softphone'), node('pbx-fax', 'Fax and analog adapters')]),
  ]),
  node('voice', 'Phone lines', [
    node('voice-quality', 'Call quality', [node('voice-echo', 'Echo or one-way audio'), node('voice-dropped', 'Dropped calls'), node('voice-outbound', 'Calls fail to connect')]),
    node('voice-numbers', 'Phone numbers', [node('voice-porting', 'Port a number'), node('voice-new-number', 'New number')]),
  ]),
  node('billing', 'Billing', [
    node('billing-invoices', 'Invoices', [node('billing-dispute', 'Disputed charge'), node('billing-copy', 'Copy of an invoice')]),
    node('billing-payments', 'Payments', [node('billing-declined', 'Declined payment'), node('billing-autopay', 'Auto-pay')]),
  ]),
  node('account', 'Account', [node('account-access', 'Access', [node('account-password', 'Password reset'), node('account-users', 'Add or remove a user')])]),
];

export const ATTACHMENT_LIMITS: TicketSettings['attachments'] = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 5,
  types: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'],
};

export function ticketSettings(accounts: TicketSettings['accounts']): TicketSettings {
  return { statuses: [...TICKET_STATUSES], categories: structuredClone(TICKET_CATEGORIES), priorities: [...TICKET_PRIORITIES], accounts, attachments: { ...ATTACHMENT_LIMITS, types: [...ATTACHMENT_LIMITS.types] } };
}
