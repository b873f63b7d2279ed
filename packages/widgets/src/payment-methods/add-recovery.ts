import type { SavedPaymentMethod, TokenizedMethod } from '@ringside/core';

/**
 * An add whose answer got lost: the backend may have stored the method. `addMethod` takes no
 * idempotency key, so before sending again the widget lists the methods and adopts one that
 * matches and was not there before the first attempt.
 */
export interface PendingAdd {
  /** The ids stored before the first attempt. */
  readonly before: ReadonlySet<string>;
}

export function pendingAdd(methods: readonly SavedPaymentMethod[]): PendingAdd {
  return { before: new Set(methods.map((method) => method.id)) };
}

/** Whether a stored method is the one tokenized: same kind, brand, last four digits and expiry. */
export function isSameMethod(stored: SavedPaymentMethod, tokenized: TokenizedMethod): boolean {
  return (
    stored.kind === tokenized.kind &&
    (stored.brand ?? '').toLowerCase() === (tokenized.brand ?? '').toLowerCase() &&
    (stored.last4 ?? '') === (tokenized.last4 ?? '') &&
    stored.expiry?.month === tokenized.expiry?.month &&
    stored.expiry?.year === tokenized.expiry?.year
  );
}

/** The method a lost add stored, if the list now has it: matching, and new since the first attempt. */
export function storedByLostAdd(pending: PendingAdd, listed: readonly SavedPaymentMethod[], tokenized: TokenizedMethod): SavedPaymentMethod | undefined {
  return listed.find((method) => !pending.before.has(method.id) && isSameMethod(method, tokenized));
}
