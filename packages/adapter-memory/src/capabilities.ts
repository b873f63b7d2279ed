import {
  HUNT_SEQUENCES,
  TICKET_STATUSES,
  type Capabilities,
  type Domain,
  type PaymentMethodKind,
  type RingsideAdapter,
} from '@ringside/core';
import type { Call } from './call.js';
import type { CapabilityOverrides } from './data.js';
import { unsupported } from './rules/index.js';

type Section<D extends Domain> = NonNullable<RingsideAdapter[D]>;
type Sections = { [D in Domain]: Section<D> };

/** Everything the memory backend can do, for a customer whose account offers these payment methods. */
export function fullCapabilities(paymentMethods: readonly PaymentMethodKind[]): Capabilities {
  return {
    billing: { read: true, write: false, charges: true },
    extensions: { read: true, write: true, fields: ['phoneLine', 'primaryGroup', 'published', 'recordedName'] },
    huntGroups: { read: true, write: true, sequences: [...HUNT_SEQUENCES], includeGroups: true },
    schedules: { read: true, write: true },
    payments: { read: true, write: true, methods: [...paymentMethods], savedMethods: true, autoPay: true },
    tickets: { read: true, write: true, statuses: [...TICKET_STATUSES], attachments: true, escalate: true, priorities: true },
  };
}

/** `base` with each domain's given properties replaced, layer after layer; a domain nobody can read cannot be written either. */
export function applyOverrides(base: Capabilities, ...layers: (CapabilityOverrides | undefined)[]): Capabilities {
  const result = structuredClone(base);
  for (const layer of layers) {
    for (const domain of Object.keys(layer ?? {}) as Domain[]) Object.assign(result[domain], layer![domain]);
  }
  for (const capability of Object.values(result)) capability.write &&= capability.read;
  return result;
}

/** Which methods each capability allows; methods not listed need only `read`. */
const REQUIREMENTS: { [D in Domain]: { [M in keyof Section<D>]?: (capability: Capabilities[D]) => boolean } } = {
  billing: { getCharges: (c) => c.charges },
  extensions: { create: (c) => c.write, update: (c) => c.write, delete: (c) => c.write },
  huntGroups: { create: (c) => c.write, update: (c) => c.write, delete: (c) => c.write },
  schedules: { create: (c) => c.write, update: (c) => c.write, delete: (c) => c.write },
  payments: {
    listMethods: (c) => c.savedMethods,
    addMethod: (c) => c.write && c.savedMethods,
    removeMethod: (c) => c.write && c.savedMethods,
    setPreferred: (c) => c.write && c.savedMethods,
    makePayment: (c) => c.write,
    getAutoPay: (c) => c.autoPay,
    updateAutoPay: (c) => c.write && c.autoPay,
    redeemVoucher: (c) => c.write && c.methods.includes('voucher'),
  },
  tickets: {
    uploadAttachment: (c) => c.write && c.attachments,
    create: (c) => c.write,
    reply: (c) => c.write,
    setStatus: (c) => c.write,
    escalate: (c) => c.write && c.escalate,
  },
};

/**
 * The sections an adapter with these capabilities exposes: none for a domain it cannot read, and
 * methods it does not declare rejecting with `unsupported` (after the usual latency and faults).
 */
export function declaredSections(sections: Sections, capabilities: Capabilities, call: Call): Partial<Sections> {
  const declared: Partial<Record<Domain, unknown>> = {};
  for (const domain of Object.keys(sections) as Domain[]) {
    if (!capabilities[domain].read) continue;
    const section: Record<string, unknown> = { ...sections[domain] };
    for (const [method, allowed] of Object.entries(REQUIREMENTS[domain]) as [string, (c: Capabilities[Domain]) => boolean][]) {
      if (allowed(capabilities[domain])) continue;
      section[method] = () =>
        call(undefined, () => {
          throw unsupported(`${domain}.${method} is not available`);
        });
    }
    declared[domain] = section;
  }
  return declared as Partial<Sections>;
}
