import { RingsideError, type ErrorCode } from '@ringside/core';

/**
 * Makes the memory adapter misbehave on purpose, for stories, tests and demos:
 * fail the next N calls with a code, or stop answering altogether.
 */
export class FaultInjector {
  #failures: { remaining: number; code: ErrorCode }[] = [];
  #hanging = false;
  #release: (() => void)[] = [];

  /** The next `count` calls reject with a RingsideError of `code`. */
  failNext(count: number, code: ErrorCode = 'unavailable'): void {
    this.#failures.push({ remaining: count, code });
  }

  /** Calls do not settle until `clear()` (an adapter that never answers); aborting them still works. */
  hang(): void {
    this.#hanging = true;
  }

  /** Forgets planned failures and lets hanging calls go on. */
  clear(): void {
    this.#failures = [];
    this.#hanging = false;
    for (const release of this.#release.splice(0)) release();
  }

  get hanging(): boolean {
    return this.#hanging;
  }

  /** Resolves once `clear()` is called. */
  released(): Promise<void> {
    return new Promise((resolve) => this.#release.push(resolve));
  }

  /** The next planned failure, if any. */
  takeFailure(): RingsideError | null {
    const next = this.#failures[0];
    if (!next) return null;
    next.remaining -= 1;
    if (next.remaining <= 0) this.#failures.shift();
    return new RingsideError(next.code, { detail: 'injected fault' });
  }
}
