/** What an adapter can do with one domain. A widget is read-only where `write` is false. */
export interface DomainCapability {
  read: boolean;
  write: boolean;
}

export interface BillingCapabilities extends DomainCapability {
  /** Daily charges by service, for charts. */
  charges: boolean;
}

export interface Capabilities {
  billing: BillingCapabilities;
  payments: DomainCapability;
}

export const NO_CAPABILITIES: Capabilities = {
  billing: { read: false, write: false, charges: false },
  payments: { read: false, write: false },
};
