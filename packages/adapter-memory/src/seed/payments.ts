import type { AutoPayInput, CardExpiry, PaymentSettings, SavedPaymentMethod, TokenizedMethod } from '@ringside/core';
import type { PaymentsData } from '../data.js';
import { toSavedMethod } from '../rules/index.js';

/** A stored method as the portal would show it; seeds never had a token to keep. */
export function savedMethod(
  id: string,
  method: Omit<TokenizedMethod, 'token' | 'expiry'> & { expiry?: CardExpiry },
  preferred = false,
): SavedPaymentMethod {
  return toSavedMethod({ ...method, token: '' }, id, preferred);
}

export function paymentsData(
  settings: PaymentSettings,
  methods: SavedPaymentMethod[],
  autoPay: AutoPayInput,
  vouchers: [code: string, amount: number, redeemedAt?: string][],
): PaymentsData {
  return {
    settings,
    methods,
    autoPay: { ...autoPay, version: '1' },
    vouchers: vouchers.map(([code, amount, redeemedAt]) => ({ code, amount, redeemedAt: redeemedAt ?? null })),
    history: [],
    idempotency: { payments: {}, vouchers: {} },
  };
}

export const NO_AUTO_PAY: AutoPayInput = { payInvoices: false, topUp: null, methodId: null };

/** Limits the demo processor applies in every currency. */
export const PAYMENT_LIMITS = { minAmount: 5, maxAmount: 1000 };
