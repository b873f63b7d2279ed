import type { Capabilities, Domain } from '@ringside/core';
import type { Check, CheckContext, CheckDomain } from '../types.js';

/** Why a check does not apply to these capabilities, or null when this condition holds. */
export type Condition = (capabilities: Capabilities) => string | null;

export const canRead =
  (domain: Domain): Condition =>
  (capabilities) =>
    capabilities[domain]?.read ? null : `the adapter does not declare ${domain}`;

export const canWrite =
  (domain: Domain): Condition =>
  (capabilities) =>
    capabilities[domain]?.read && capabilities[domain].write ? null : `the adapter does not declare writing ${domain}`;

/** A domain feature, e.g. `feature('payments', (c) => c.autoPay, 'auto-pay')`. */
export function feature<D extends Domain>(domain: D, test: (capability: Capabilities[D]) => boolean, what: string): Condition {
  return (capabilities) => (capabilities[domain]?.read && test(capabilities[domain]) ? null : `the adapter does not declare ${what}`);
}

export function allows(conditions: readonly Condition[], capabilities: Capabilities): boolean {
  return conditions.every((condition) => condition(capabilities) === null);
}

export function check(domain: CheckDomain, slug: string, name: string, conditions: Condition[], run: (context: CheckContext) => Promise<void>): Check {
  return {
    id: `${domain}.${slug}`,
    domain,
    name,
    skip: (capabilities) => conditions.reduce<string | null>((reason, condition) => reason ?? condition(capabilities), null),
    run,
  };
}
