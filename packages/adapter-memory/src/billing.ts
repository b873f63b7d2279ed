import type { BillingAdapter } from '@ringside/core';
import type { MemoryContext } from './context.js';

export function createBilling({ data, call }: MemoryContext): BillingAdapter {
  return {
    getBalance: (options) => call(options, () => data.balance),
    getCharges: (query, options) => call(options, () => data.charges.filter((entry) => entry.date >= query.from && entry.date <= query.to)),
  };
}
