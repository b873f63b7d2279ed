import type { PaymentMethodKind, PaymentSettings, SavedPaymentMethod, TokenizableKind } from '@ringside/core';

/** One way to pay the form offers: a stored method, new details through the tokenizer, a redirect, or a voucher. */
export type PaymentChoice =
  | { id: string; type: 'saved'; method: SavedPaymentMethod }
  | { id: TokenizableKind; type: 'tokenized'; kind: TokenizableKind }
  | { id: 'redirect'; type: 'redirect' }
  | { id: 'voucher'; type: 'voucher' };

const TOKENIZABLE: readonly PaymentMethodKind[] = ['card', 'bank_account', 'direct_debit'];

/**
 * What the customer can pay with: stored methods first (the preferred one leading), then the
 * kinds the backend accepts, those needing card or bank details only when a tokenizer can
 * collect them. Stored methods of a kind the backend no longer accepts are left out.
 */
export function paymentChoices(
  settings: Pick<PaymentSettings, 'methods'>,
  saved: readonly SavedPaymentMethod[],
  tokenizerKinds: readonly TokenizableKind[]
): PaymentChoice[] {
  const offered = new Set(settings.methods);
  const stored = [...saved]
    .filter((method) => offered.has(method.kind))
    .sort((a, b) => Number(b.preferred) - Number(a.preferred))
    .map((method): PaymentChoice => ({ id: `saved:${method.id}`, type: 'saved', method }));
  const fresh = settings.methods.flatMap((kind): PaymentChoice[] => {
    if (TOKENIZABLE.includes(kind))
      return tokenizerKinds.includes(kind as TokenizableKind) ? [{ id: kind as TokenizableKind, type: 'tokenized', kind: kind as TokenizableKind }] : [];
    if (kind === 'redirect') return [{ id: 'redirect', type: 'redirect' }];
    if (kind === 'voucher') return [{ id: 'voucher', type: 'voucher' }];
    return [];
  });
  return [...stored, ...fresh];
}

/** The choice to start with: the preferred stored method, else the first stored one, else the first offered. */
export function defaultChoice(choices: readonly PaymentChoice[]): PaymentChoice | undefined {
  return choices.find((choice) => choice.type === 'saved' && choice.method.preferred) ?? choices[0];
}

/** True when the backend accepts a kind that needs card or bank details but no tokenizer is there to collect them. */
export function needsTokenizer(settings: Pick<PaymentSettings, 'methods'>, tokenizerKinds: readonly TokenizableKind[]): boolean {
  return settings.methods.some((kind) => TOKENIZABLE.includes(kind) && !tokenizerKinds.includes(kind as TokenizableKind));
}
