import { requireSection, type BalanceSummary, type PaymentSettings, type RingsideAdapter, type SavedPaymentMethod } from '@ringside/core';
import type { QueryDescriptor } from '../base/query-controller.js';

/** The reads both payment widgets share; each returns null where the adapter cannot answer it. */
export function paymentSettingsQuery(): QueryDescriptor<PaymentSettings> {
  return { key: 'payments/settings', load: (adapter, signal) => requireSection(adapter, 'payments').settings({ signal }) };
}

export function savedMethodsQuery(adapter: RingsideAdapter | null | undefined): QueryDescriptor<SavedPaymentMethod[]> | null {
  return adapter?.capabilities.payments.savedMethods
    ? { key: 'payments/methods', load: (adapter, signal) => requireSection(adapter, 'payments').listMethods({ signal }) }
    : null;
}

export function balanceQuery(adapter: RingsideAdapter | null | undefined): QueryDescriptor<BalanceSummary | null> | null {
  return adapter?.capabilities.billing.read
    ? { key: 'billing/balance', load: (adapter, signal) => requireSection(adapter, 'billing').getBalance({ signal }) }
    : null;
}
