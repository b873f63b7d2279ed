import {
  currencyDigits,
  toMinorUnits,
  type CardExpiry,
  type FieldReason,
  type Money,
  type PaymentRequest,
  type PaymentResult,
  type PaymentSettings,
  type PaymentStatus,
  type SavedPaymentMethod,
  type TokenizedMethod,
  PAYMENT_RETURN_PARAM,
} from '@ringside/core';
import { reason } from './errors.js';
import { fingerprint } from './idempotency.js';
import { oneOfReasons, textReasons } from './values.js';

export const SAVABLE_METHOD_KINDS: readonly SavedPaymentMethod['kind'][] = ['card', 'bank_account', 'direct_debit'];

/**
 * Reasons to reject a payment amount: `amount` `invalid` (not a finite number, or finer than the
 * currency's minor unit), `too_small` ({ min }), `too_large` ({ max }); `currency` `mismatch` ({ currency }).
 */
export function amountReasons(amount: Money, settings: Pick<PaymentSettings, 'currency' | 'minAmount' | 'maxAmount'>): FieldReason[] {
  if (amount.currency !== settings.currency) return [reason('currency', 'mismatch', { currency: settings.currency })];
  const value = amount.amount;
  const scale = 10 ** currencyDigits(settings.currency);
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value * scale - Math.round(value * scale)) > 1e-6) {
    return [reason('amount', 'invalid')];
  }
  if (value < settings.minAmount) return [reason('amount', 'too_small', { min: settings.minAmount })];
  if (value > settings.maxAmount) return [reason('amount', 'too_large', { max: settings.maxAmount })];
  return [];
}

export function isExpired(expiry: CardExpiry | undefined, now: Date): boolean {
  if (!expiry) return false;
  return expiry.year < now.getUTCFullYear() || (expiry.year === now.getUTCFullYear() && expiry.month < now.getUTCMonth() + 1);
}

/**
 * Reasons to reject a tokenized method (on `field`, e.g. `source.tokenized`): `.token` `required`,
 * `.kind` `invalid`, `.last4` `invalid`, `.expiry` `invalid`/`expired`.
 */
export function tokenizedMethodReasons(method: TokenizedMethod, now: Date, field = 'method'): FieldReason[] {
  const { expiry } = method;
  const expiryValid =
    !expiry ||
    (Number.isInteger(expiry.month) && expiry.month >= 1 && expiry.month <= 12 && Number.isInteger(expiry.year) && expiry.year >= 1000 && expiry.year <= 9999);
  return [
    ...textReasons(`${field}.token`, method.token, { required: true, max: 500 }),
    ...oneOfReasons(`${field}.kind`, method.kind, SAVABLE_METHOD_KINDS),
    ...(method.last4 === undefined || /^\d{4}$/.test(method.last4) ? [] : [reason(`${field}.last4`, 'invalid')]),
    ...(!expiryValid ? [reason(`${field}.expiry`, 'invalid')] : isExpired(expiry, now) ? [reason(`${field}.expiry`, 'expired')] : []),
  ];
}

const KIND_NAMES: Record<SavedPaymentMethod['kind'], string> = { card: 'Card', bank_account: 'Bank account', direct_debit: 'Direct debit' };
const BRAND_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'Amex', discover: 'Discover', jcb: 'JCB', unionpay: 'UnionPay' };

/** What the user sees for a stored method, e.g. "Visa •••• 4242" or "Bank account •••• 6789". */
export function methodLabel(method: Pick<TokenizedMethod, 'kind' | 'brand' | 'last4'>): string {
  const brand = method.brand ? BRAND_NAMES[method.brand.toLowerCase()] ?? method.brand : KIND_NAMES[method.kind];
  return method.last4 ? `${brand} •••• ${method.last4}` : brand;
}

/** The stored form of a tokenized method: what identifies it to the user, never the token. */
export function toSavedMethod(method: TokenizedMethod, id: string, preferred: boolean): SavedPaymentMethod {
  return {
    id,
    kind: method.kind,
    label: methodLabel(method),
    ...(method.brand ? { brand: method.brand } : {}),
    ...(method.last4 ? { last4: method.last4 } : {}),
    ...(method.expiry ? { expiry: { month: method.expiry.month, year: method.expiry.year } } : {}),
    preferred,
  };
}

export interface TokenOutcome {
  status: PaymentStatus;
  /**
   * Why it was declined; on a payment that waits for 3-D Secure, why it will be declined once
   * the customer is through the check (kept with the payment, shown only then: see `publicPayment`).
   */
  declineReason?: string;
  /** `three_ds` when the card asks the user to confirm. */
  action?: 'three_ds';
}

const namedReason = (token: string, prefix: string) => new RegExp(`^${prefix}\\.([a-z_]{1,40})\\.`).exec(token)?.[1] ?? 'card_declined';

/**
 * The demo processor's answer for a token: `tok_decline…` is declined, with the reason the token
 * names (`tok_decline.insufficient_funds.…`) or `card_declined`; `tok_3ds…` needs 3-D Secure,
 * and `tok_3ds_decline.<reason>.…` is declined with that reason after it (the challenge passed
 * but the bank refused, or `authentication_failed`); `tok_pending…` stays pending; any other
 * token succeeds.
 */
export function demoTokenOutcome(token: string): TokenOutcome {
  if (token.startsWith('tok_decline')) return { status: 'declined', declineReason: namedReason(token, 'tok_decline') };
  if (token.startsWith('tok_3ds_decline')) return { status: 'requires_action', action: 'three_ds', declineReason: namedReason(token, 'tok_3ds_decline') };
  if (token.startsWith('tok_3ds')) return { status: 'requires_action', action: 'three_ds' };
  if (token.startsWith('tok_pending')) return { status: 'pending' };
  return { status: 'succeeded' };
}

/** Identifies a payment request for idempotency: amount in minor units, currency and source. */
export function paymentFingerprint(request: PaymentRequest): string {
  const { amount, currency } = request.amount;
  return fingerprint({ amount: Number.isFinite(amount) ? toMinorUnits(amount, currency) : String(amount), currency, source: request.source });
}

/** `source.redirect.returnUrl` `invalid` unless it is an absolute http(s) URL. */
export function returnUrlReasons(returnUrl: unknown): FieldReason[] {
  try {
    const url = new URL(String(returnUrl));
    if (url.protocol === 'https:' || url.protocol === 'http:') return [];
  } catch {
    // not a URL at all
  }
  return [reason('source.redirect.returnUrl', 'invalid')];
}

/**
 * The demo processor passes every 3-D Secure check and redirect: a payment waiting for the
 * customer is finished when it is next read, which the form does once the customer is back. It
 * then succeeds, or is declined with the reason kept for after the check (`tok_3ds_decline…`).
 * Answers the finished payment, or null when the payment was not waiting.
 */
export function finishedAction(payment: PaymentResult): PaymentResult | null {
  if (payment.status !== 'requires_action') return null;
  const { action: _done, declineReason, ...rest } = payment;
  return declineReason ? { ...rest, status: 'declined', declineReason } : { ...rest, status: 'succeeded' };
}

/** A payment as the customer may see it: a decline waiting behind 3-D Secure stays the processor's until the check is done. */
export function publicPayment(payment: PaymentResult): PaymentResult {
  if (payment.status !== 'requires_action' || payment.declineReason === undefined) return payment;
  const { declineReason: _later, ...rest } = payment;
  return rest;
}

export { PAYMENT_RETURN_PARAM };

/**
 * Where the processor sends the customer back after a redirect: the `returnUrl` the form gave,
 * naming the payment (`?rs-payment=<id>`), so the form there can ask how it ended. A payment id
 * is not secret; nothing else goes into the URL.
 */
export function paymentReturnUrl(returnUrl: string, paymentId: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set(PAYMENT_RETURN_PARAM, paymentId);
  return url.href;
}
