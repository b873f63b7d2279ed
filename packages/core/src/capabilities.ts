import type { PaymentMethodKind } from './payments.js';
import type { HuntSequence } from './telephony.js';
import type { TicketStatus } from './tickets.js';

/** What an adapter can do with one domain. A widget is read-only where `write` is false. */
export interface DomainCapability {
  read: boolean;
  write: boolean;
}

export interface BillingCapabilities extends DomainCapability {
  /** Daily charges by service, for charts. */
  charges: boolean;
}

export interface ExtensionCapabilities extends DomainCapability {
  /** Optional columns this backend knows. */
  fields: ('phoneLine' | 'primaryGroup' | 'published' | 'recordedName')[];
}

export interface HuntGroupCapabilities extends DomainCapability {
  sequences: HuntSequence[];
  includeGroups: boolean;
}

export interface PaymentCapabilities extends DomainCapability {
  methods: PaymentMethodKind[];
  savedMethods: boolean;
  autoPay: boolean;
}

export interface TicketCapabilities extends DomainCapability {
  statuses: TicketStatus[];
  attachments: boolean;
  escalate: boolean;
  priorities: boolean;
}

export interface Capabilities {
  billing: BillingCapabilities;
  extensions: ExtensionCapabilities;
  huntGroups: HuntGroupCapabilities;
  schedules: DomainCapability;
  payments: PaymentCapabilities;
  tickets: TicketCapabilities;
}

export type Domain = keyof Capabilities;

export const NO_CAPABILITIES: Capabilities = {
  billing: { read: false, write: false, charges: false },
  extensions: { read: false, write: false, fields: [] },
  huntGroups: { read: false, write: false, sequences: [], includeGroups: false },
  schedules: { read: false, write: false },
  payments: { read: false, write: false, methods: [], savedMethods: false, autoPay: false },
  tickets: { read: false, write: false, statuses: [], attachments: false, escalate: false, priorities: false },
};
