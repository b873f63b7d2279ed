import type { CallOptions } from './call-options.js';
import type { Money } from './money.js';
import type { Versioned, WriteOptions } from './paging.js';

export const PAYMENT_METHOD_KINDS = ['card', 'bank_account', 'direct_debit', 'redirect', 'voucher'] as const;
/**
 * The query parameter that names a redirect payment on the page the customer comes back to
 * (`?rs-payment=<payment id>`). A backend adds it to the form's `returnUrl` when it sends the
 * customer to the wallet or bank; a payment id is not secret, and nothing else about the payment
 * ever goes into a URL.
 */
export const PAYMENT_RETURN_PARAM = 'rs-payment';

export type PaymentMethodKind = (typeof PAYMENT_METHOD_KINDS)[number];

export interface CardExpiry {
  month: number;
  /** Four digits. */
  year: number;
}

/** A stored method. Never holds a full card or account number: only what identifies it to the user. */
export interface SavedPaymentMethod {
  id: string;
  kind: Exclude<PaymentMethodKind, 'redirect' | 'voucher'>;
  /** e.g. "Visa •••• 4242" or "Checking •••• 6789". */
  label: string;
  brand?: string;
  last4?: string;
  expiry?: CardExpiry;
  preferred: boolean;
}

/** What a tokenizer hands over instead of card or account data. */
export interface TokenizedMethod {
  kind: SavedPaymentMethod['kind'];
  token: string;
  brand?: string;
  last4?: string;
  expiry?: CardExpiry;
}

export type PaymentSource = { savedMethodId: string } | { tokenized: TokenizedMethod; save?: boolean } | { redirect: { returnUrl: string } };

export interface PaymentSettings {
  currency: string;
  minAmount: number;
  maxAmount: number;
  methods: PaymentMethodKind[];
}

export interface PaymentRequest {
  amount: Money;
  source: PaymentSource;
  /** The same key twice charges once: a retry returns the first attempt's result. */
  idempotencyKey: string;
}

export type PaymentStatus = 'succeeded' | 'declined' | 'pending' | 'requires_action';

export interface PaymentResult {
  id: string;
  status: PaymentStatus;
  amount: Money;
  /** The provider's reference for the receipt. */
  reference: string;
  /** The balance after the payment, when the backend knows it. */
  newBalance?: number;
  /** A stable reason key (`insufficient_funds`, `card_declined`, `expired_card`…). */
  declineReason?: string;
  /** For `requires_action`: where to send the user (3-D Secure, PayPal-style redirect). */
  action?: { type: 'three_ds' | 'redirect'; url: string };
  /** True when this answer repeats an earlier attempt with the same idempotency key. */
  replayed?: boolean;
  /** Set when the source asked to save the method. */
  savedMethodId?: string;
}

export interface AutoPaySettings extends Versioned {
  /** Pay each invoice automatically with `methodId`. */
  payInvoices: boolean;
  /** Top up by `amount` whenever available funds fall below `threshold`; null turns it off. */
  topUp: { threshold: number; amount: number } | null;
  methodId: string | null;
}

export type AutoPayInput = Omit<AutoPaySettings, 'version'>;

export interface VoucherRequest {
  code: string;
  idempotencyKey: string;
}

export interface VoucherResult {
  amount: Money;
  newBalance?: number;
  replayed?: boolean;
}

export interface PaymentsAdapter {
  settings(options?: CallOptions): Promise<PaymentSettings>;
  listMethods(options?: CallOptions): Promise<SavedPaymentMethod[]>;
  addMethod(method: TokenizedMethod, options?: CallOptions): Promise<SavedPaymentMethod>;
  removeMethod(id: string, options?: CallOptions): Promise<void>;
  setPreferred(id: string, options?: CallOptions): Promise<SavedPaymentMethod>;
  makePayment(request: PaymentRequest, options?: CallOptions): Promise<PaymentResult>;
  getPayment(id: string, options?: CallOptions): Promise<PaymentResult>;
  getAutoPay(options?: CallOptions): Promise<AutoPaySettings>;
  updateAutoPay(settings: AutoPayInput, options?: WriteOptions): Promise<AutoPaySettings>;
  redeemVoucher(request: VoucherRequest, options?: CallOptions): Promise<VoucherResult>;
}
