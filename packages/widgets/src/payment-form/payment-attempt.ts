import type { ErrorCode } from '@ringside/core';

/** A fresh idempotency key: 128 random bits (getRandomValues works on every page, secure or not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `rs-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Failures after which nobody knows whether the backend acted: the request may have charged and
 * only the answer got lost. The attempt is kept, and "Try again" sends it unchanged, same key.
 */
const OUTCOME_UNKNOWN: ReadonlySet<ErrorCode> = new Set(['timeout', 'network', 'unavailable', 'invalid_response', 'rate_limited', 'unauthorized']);

export function isOutcomeUnknown(code: ErrorCode): boolean {
  return OUTCOME_UNKNOWN.has(code);
}

export interface Attempt<R> {
  key: string;
  /** The request exactly as first sent; a retry sends the same, or the backend would see another payment. */
  request: R;
}

/**
 * One key per intended payment. The key and the request stay while the payment's outcome is not
 * known for sure (on its way, answer lost, waiting for 3-D Secure), so a double click, a retry
 * or a re-submitted form reaches the backend as the same payment and charges once; only a
 * definitive answer (succeeded, declined, rejected) ends it, and the next payment gets a new key.
 */
export class PaymentAttempt<R> {
  #current: Attempt<R> | null = null;
  #inFlight = false;
  readonly #newKey: () => string;

  constructor(newKey: () => string = newIdempotencyKey) {
    this.#newKey = newKey;
  }

  /** The attempt still waiting for a definitive answer, if any. */
  get open(): Readonly<Attempt<R>> | null {
    return this.#current;
  }

  get inFlight(): boolean {
    return this.#inFlight;
  }

  /**
   * The attempt to send: a new one for `request`, or the open one unchanged (its request wins over
   * `request`, which a retry may have rebuilt). Null while a send is on its way: a second click
   * must not send anything.
   */
  send(request: () => R): Attempt<R> | null {
    if (this.#inFlight) return null;
    this.#current ??= { key: this.#newKey(), request: request() };
    this.#inFlight = true;
    return this.#current;
  }

  /** The send ended without a definitive answer (lost answer, 3-D Secure pending): keep key and request. */
  keep(): void {
    this.#inFlight = false;
  }

  /** A definitive answer: the payment is over, and the next one gets a new key. */
  settle(): void {
    this.#inFlight = false;
    this.#current = null;
  }
}
