import { RsTicketList } from './ticket-list.component.js';

export * from './ticket-list.component.js';
RsTicketList.define('rs-ticket-list');

declare global {
  interface HTMLElementTagNameMap {
    'rs-ticket-list': RsTicketList;
  }
}
