import type { Capabilities, RingsideAdapter } from '@ringside/core';
import { createBilling } from './billing.js';
import { createCall, type Latency } from './call.js';
import { applyOverrides, declaredSections, fullCapabilities } from './capabilities.js';
import { clockFrom, idSource, type MemoryContext } from './context.js';
import type { CapabilityOverrides, CustomerData } from './data.js';
import { createExtensions } from './extensions.js';
import { FaultInjector } from './faults.js';
import { createHuntGroups } from './hunt-groups.js';
import { createPayments } from './payments.js';
import { createSchedules } from './schedules.js';
import { createSeedData, withGeneratedExtensions, type DemoCustomerId } from './seed/index.js';
import { createTickets } from './tickets.js';

export interface MemoryAdapterOptions {
  /** Which seeded customer to serve, or your own data (used live, not copied). */
  customer?: DemoCustomerId | CustomerData;
  /** Delay of every answer in ms: a number, or `[min, max]` for a random delay. */
  latency?: Latency;
  /** The "today" of the seeded data; the backend's clock starts there. */
  now?: Date;
  /**
   * Turn domains or features off to show how widgets behave with a less capable backend, e.g.
   * `{ payments: { write: false } }`. Properties not given keep the customer's value.
   */
  capabilities?: CapabilityOverrides;
  /** Grow the customer's extensions to this many (deterministic names and numbers), for scale tests. */
  extensions?: number;
}

export interface MemoryAdapter extends RingsideAdapter {
  readonly faults: FaultInjector;
  /** The live data, for tests and stories that want to look or change it directly. */
  readonly data: CustomerData;
}

/**
 * An in-memory backend with realistic data for one customer. Every call waits the configured
 * latency, obeys planned faults and abort signals, and answers a copy, as a real backend would.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const start = options.now ?? new Date();
  const seeded = typeof options.customer === 'object' ? options.customer : createSeedData(start)[options.customer ?? 'business'];
  const data = options.extensions ? withGeneratedExtensions(seeded, options.extensions) : seeded;
  const faults = new FaultInjector();
  const capabilities: Capabilities = applyOverrides(fullCapabilities(data.payments.settings.methods), data.capabilities, options.capabilities);
  const call = createCall(options.latency, faults);
  const context: MemoryContext = { data, capabilities, call, now: clockFrom(start), nextId: idSource() };
  const sections = declaredSections(
    {
      billing: createBilling(context),
      extensions: createExtensions(context),
      huntGroups: createHuntGroups(context),
      schedules: createSchedules(context),
      payments: createPayments(context),
      tickets: createTickets(context),
    },
    capabilities,
    call,
  );
  return { name: 'memory', capabilities, faults, data, ...sections };
}
