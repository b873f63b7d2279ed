import type { CardExpiry, FieldReason, TokenizedMethod } from '@ringside/core';
import { accountNumberReasons, accountTypeReasons, ibanReasons, normalizeIban, routingNumberReasons } from './bank-checks.js';
import { cardReasons, detectBrand, digitsOf, holderReasons, parseExpiry } from './card-checks.js';

/** What the demo payment service receives: the details a customer typed, never sent to the provider's API. */
export type DemoMethodDetails =
  | { kind: 'card'; number: string; expiry: string; securityCode: string; holder: string }
  | { kind: 'bank_account'; holder: string; routingNumber: string; accountNumber: string; accountType: string }
  | { kind: 'direct_debit'; holder: string; iban: string };

/** The demo payment service's answer: a token with what identifies the method, or the reasons per field. */
export type DemoTokenAnswer = { method: TokenizedMethod } | { fields: FieldReason[] };

/** `three_ds_decline:<reason>`: the 3-D Secure challenge comes first, then the payment is declined (or the check itself fails: `authentication_failed`). */
type Outcome = 'succeeds' | 'three_ds' | 'pending' | `decline:${string}` | `three_ds_decline:${string}`;

/**
 * Test numbers, as the public documentation of card processors lists them (Stripe's test cards
 * and test bank accounts). Every other valid number succeeds. docs/payments.md lists them.
 */
export const DEMO_TEST_NUMBERS: Readonly<Record<string, Outcome>> = {
  '4000000000000002': 'decline:card_declined',
  '4000000000009995': 'decline:insufficient_funds',
  '4000000000000069': 'decline:expired_card',
  '4000000000000127': 'decline:incorrect_cvc',
  '4000000000000119': 'decline:processing_error',
  '4000000000003220': 'three_ds',
  '4000002500003155': 'three_ds',
  '4000008400001629': 'three_ds_decline:card_declined',
  '4000008260003178': 'three_ds_decline:insufficient_funds',
  '4000008400001280': 'three_ds_decline:authentication_failed',
  '000111111116': 'decline:account_closed',
  '000222222227': 'decline:insufficient_funds',
  '000333333335': 'pending',
  GB82WEST12345698765432: 'decline:insufficient_funds',
  NL91ABNA0417164300: 'pending',
};

function randomPart(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(36).padStart(2, '0')).join('');
}

/** The opaque token: its prefix carries the outcome to the provider's demo processor (see openapi/ringside.yaml, makePayment). */
function tokenFor(outcome: Outcome, kind: TokenizedMethod['kind']): string {
  if (outcome === 'three_ds') return `tok_3ds_${randomPart()}`;
  if (outcome === 'pending') return `tok_pending_${randomPart()}`;
  if (outcome.startsWith('decline:')) return `tok_decline.${outcome.slice('decline:'.length)}.${randomPart()}`;
  if (outcome.startsWith('three_ds_decline:')) return `tok_3ds_decline.${outcome.slice('three_ds_decline:'.length)}.${randomPart()}`;
  return `tok_${kind}_${randomPart()}`;
}

const accountHolderReasons = (name: string) => holderReasons(name).map((reason) => ({ ...reason, field: 'accountHolder' }));

/** Every check of the details, in the order of the fields: the page runs them before sending, the service again. */
export function detailReasons(details: DemoMethodDetails, now: Date): FieldReason[] {
  if (details.kind === 'card') return cardReasons(details, now);
  if (details.kind === 'bank_account') {
    return [
      ...accountHolderReasons(details.holder),
      ...routingNumberReasons(details.routingNumber),
      ...accountNumberReasons(details.accountNumber),
      ...accountTypeReasons(details.accountType),
    ];
  }
  if (details.kind === 'direct_debit') return [...accountHolderReasons(details.holder), ...ibanReasons(details.iban)];
  return [{ field: 'kind', reason: 'invalid' }];
}

/** Checks the details again (a service never trusts the page) and issues a token. */
export function demoTokenize(details: DemoMethodDetails, now: Date): DemoTokenAnswer {
  const fields = detailReasons(details, now);
  if (fields.length) return { fields };
  if (details.kind === 'card') {
    const number = digitsOf(details.number);
    const brand = detectBrand(number);
    return {
      method: {
        kind: 'card',
        token: tokenFor(DEMO_TEST_NUMBERS[number] ?? 'succeeds', 'card'),
        ...(brand === 'unknown' ? {} : { brand }),
        last4: number.slice(-4),
        expiry: parseExpiry(details.expiry) as CardExpiry,
      },
    };
  }
  if (details.kind === 'bank_account') {
    const account = digitsOf(details.accountNumber);
    return { method: { kind: 'bank_account', token: tokenFor(DEMO_TEST_NUMBERS[account] ?? 'succeeds', 'bank_account'), last4: account.slice(-4) } };
  }
  const iban = normalizeIban(details.iban);
  return { method: { kind: 'direct_debit', token: tokenFor(DEMO_TEST_NUMBERS[iban] ?? 'succeeds', 'direct_debit'), last4: iban.slice(-4) } };
}
