import type { Money, PaymentResult } from '@ringside/core';

/** `detail` of `rs-payment`: how a payment or voucher ended. Never card or bank details, never a token. */
export interface PaymentEventDetail {
  status: PaymentResult['status'];
  /** What the customer paid with, as shown to them ("Visa •••• 4242", "Voucher code"). */
  method: string;
  amount: Money;
  /** The provider's reference; null for vouchers. */
  reference: string | null;
  paymentId: string | null;
  newBalance: number | null;
  /** True when the backend recognised a repeated attempt and answered the first one's result. */
  replayed: boolean;
}

/** `detail` of `rs-payment-action`: the payment waits for the customer at `action.url` (3-D Secure, wallet). */
export interface PaymentActionDetail {
  paymentId: string;
  action: NonNullable<PaymentResult['action']>;
  /** Tell the form how it went; it then asks the adapter for the payment's final state. */
  respond(outcome: 'completed' | 'cancelled'): void;
}

declare module '../base/events.js' {
  interface RingsideEventMap {
    'rs-payment': CustomEvent<PaymentEventDetail>;
    'rs-payment-action': CustomEvent<PaymentActionDetail>;
  }
}
