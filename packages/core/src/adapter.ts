import type { BillingAdapter, PaymentsAdapter } from './billing.js';
import type { Capabilities } from './capabilities.js';
import { RingsideError } from './errors.js';

/**
 * The plugin contract. One section per domain; a section is present when the adapter declares
 * the matching capability. Every method rejects with a RingsideError (or something
 * `toRingsideError` can map).
 */
export interface RingsideAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;
  readonly billing?: BillingAdapter;
  readonly payments?: PaymentsAdapter;
}

export type AdapterSection = 'billing' | 'payments';

/** The section of an adapter, or an `unsupported` error when it does not declare it. */
export function requireSection<S extends AdapterSection>(adapter: RingsideAdapter, section: S): NonNullable<RingsideAdapter[S]> {
  const value = adapter[section];
  if (!value || !adapter.capabilities[section]?.read) {
    throw new RingsideError('unsupported', { detail: `${adapter.name} does not provide ${section}` });
  }
  return value as NonNullable<RingsideAdapter[S]>;
}
