import { RingsideError, type ErrorCode } from '@ringside/core';

/**
 * Makes the memory adapter misbehave on purpose, for stories, tests and demos:
 * fail the next N calls with a code, or stop answering altogether.
 */
export class FaultInjector {
  #failures: { remaining: number; code: ErrorCode }[] = [];
  #hanging = false;

  /** The next `count` calls reject with a RingsideError of `code`. */
  failNext(count: number, code: ErrorCode = 'unavailable'): void {
    this.#failures.push({ remaining: count, code });
  }

  /** Calls never settle until `clear()` (an adapter that never answers). */
  hang(): void {
    this.#hanging = true;
  }

  clear(): void {
    this.#failures = [];
    this.#hanging = false;
  }

  get hanging(): boolean {
    return this.#hanging;
  }

  /** Throws the next planned failure, if any. */
  takeFailure(): RingsideError | null {
    const next = this.#failures[0];
    if (!next) return null;
    next.remaining -= 1;
    if (next.remaining <= 0) this.#failures.shift();
    return new RingsideError(next.code, { detail: 'injected fault' });
  }
}
