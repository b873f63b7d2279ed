import type { RingsideEnvironment, RingsideError, RingsideI18n, Ticket, TicketSettings, TicketsAdapter } from '@ringside/core';
import type { ReactiveControllerHost } from 'lit';
import type { TicketChangeDetail } from './ticket-events.js';

/** What the ticket list's parts (form, detail, attachments) need from the element. */
export interface TicketListHost extends ReactiveControllerHost, HTMLElement {
  readonly i18n: RingsideI18n;
  readonly environment: RingsideEnvironment | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The ticket whose conversation is open; empty when none is. */
  readonly ticketId: string;
  /** The tickets the list shows now (empty before it loads). */
  readonly shownTickets: readonly Ticket[];
  /** The backend's settings once loaded. */
  readonly ticketSettings: TicketSettings | undefined;
  /** False when `readonly` is set or the adapter cannot write tickets. */
  readonly canWrite: boolean;
  /** Runs a change through the store; every ticket view on the page reloads afterwards. */
  mutate<T>(change: (tickets: TicketsAdapter) => Promise<T>): Promise<T>;
  /** Reads without changing anything (an upload, a check after an unanswered attempt). */
  tickets(): TicketsAdapter;
  /** Says something in the widget's live region. */
  announce(message: string): void;
  /** Moves focus to the element matching `selector` after the next render. */
  focusAfterUpdate(selector: string): void;
  changed(detail: TicketChangeDetail): void;
  errorText(error: RingsideError): string;
}
