/** `detail` of `rs-ticket-change`: what the user changed, on which ticket. */
export interface TicketChangeDetail {
  action: 'created' | 'replied' | 'closed' | 'reopened' | 'escalated';
  ticketId: string;
}

declare module '../base/events.js' {
  interface RingsideEventMap {
    'rs-ticket-change': CustomEvent<TicketChangeDetail>;
  }
}
