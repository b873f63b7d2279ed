import type { BillingAdapter } from './billing.js';
import type { Capabilities, Domain } from './capabilities.js';
import { RingsideError } from './errors.js';
import type { PaymentsAdapter } from './payments.js';
import type { TicketsAdapter } from './tickets.js';
import type { ExtensionsAdapter, HuntGroupsAdapter, SchedulesAdapter } from './telephony.js';

/**
 * The plugin contract. One section per domain; a section is present when the adapter declares
 * that it can read the domain. Every method rejects with a RingsideError (or something
 * `toRingsideError` can map).
 */
export interface RingsideAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;
  readonly billing?: BillingAdapter;
  readonly extensions?: ExtensionsAdapter;
  readonly huntGroups?: HuntGroupsAdapter;
  readonly schedules?: SchedulesAdapter;
  readonly payments?: PaymentsAdapter;
  readonly tickets?: TicketsAdapter;
}

/** The section of an adapter, or an `unsupported` error when it does not declare it. */
export function requireSection<D extends Domain>(adapter: RingsideAdapter, domain: D): NonNullable<RingsideAdapter[D]> {
  const section = adapter[domain];
  if (!section || !adapter.capabilities[domain]?.read) {
    throw new RingsideError('unsupported', { detail: `${adapter.name} does not provide ${domain}` });
  }
  return section as NonNullable<RingsideAdapter[D]>;
}
