import type { FieldReason } from './errors.js';
import type { TokenizedMethod } from './payments.js';

/** The kinds of payment method whose details a tokenizer collects. */
export type TokenizableKind = TokenizedMethod['kind'];

export interface TokenizerMountOptions {
  /** Which fields to show: card, bank account (routing and account number) or direct debit (IBAN). */
  kind: TokenizableKind;
  /** BCP 47 locale of the surrounding form, for labels and messages. */
  locale: string;
  /** Translates the form's keys (`paymentForm.card.number`…), so built-in fields speak the form's language. */
  t: (key: string, options?: Record<string, unknown>) => string;
  /** Called whenever the user changes a field, so the form knows an earlier token no longer matches. */
  onChange?: () => void;
}

/**
 * The answer of `tokenize()`: the provider's token and what identifies the method to the user,
 * or the reasons per field (`number` `luhn`, `expiry` `past`…), which the fields already show.
 */
export type TokenizeOutcome = { ok: true; method: TokenizedMethod } | { ok: false; fields: FieldReason[] };

/**
 * Card and bank fields belong to a tokenizer, never to Ringside or the provider's API: the
 * tokenizer mounts its fields (hosted fields in iframes, or plain inputs) into a light-DOM
 * container the form gives it, and turns what the user typed into an opaque token.
 * See docs/payments.md for the demo tokenizer and how to plug in Stripe Elements or Adyen.
 */
export interface PaymentTokenizer {
  /** The kinds it can collect; the form offers tokenized methods only for these. */
  readonly kinds: readonly TokenizableKind[];
  /** Shows the fields for `options.kind` inside `container` (a light-DOM element). */
  mount(container: HTMLElement, options: TokenizerMountOptions): void | Promise<void>;
  /** Checks the fields, shows any problem at its field, and answers a token or the reasons. */
  tokenize(): Promise<TokenizeOutcome>;
  /** Moves focus to the first field with a problem, or to the first field. */
  focus(): void;
  /** Empties the security code (after a decline, the rest stays as typed). */
  clearSecurityCode?(): void;
  /** Removes the fields and forgets everything typed into them. */
  destroy(): void;
}
