import { RingsideError, toRingsideError } from './errors.js';

export interface RetryPolicy {
  /** Extra attempts after the first, for retryable errors. */
  retries: number;
  /** First back-off delay in ms; doubles each attempt. */
  baseDelay: number;
  /** Upper bound of one back-off delay in ms. */
  maxDelay: number;
}

export interface StoreOptions {
  /** How long a successful answer is served from the cache, in ms. */
  staleTime?: number;
  /** How long one attempt may take before it fails with `timeout`, in ms. */
  timeout?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  value?: unknown;
  hasValue: boolean;
  fetchedAt: number;
  invalidated: boolean;
  inFlight?: Promise<unknown>;
}

type Listener = () => void;

const DEFAULTS = { staleTime: 30_000, timeout: 15_000 };
/** setTimeout fires at once for delays above 2^31−1 ms; longer timeouts mean "never". */
const MAX_TIMER_DELAY = 2_147_483_647;
const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelay: 400, maxDelay: 5_000 };

/** `billing` covers `billing` and `billing/…`, not `billingx`. */
export function keyMatches(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(`${prefix}/`);
}

/**
 * The cache between widgets and the adapter: identical concurrent reads share one call,
 * answers are reused until stale, mutations invalidate what they touched so every widget
 * that shows it reloads, and retryable failures are retried with capped back-off.
 */
export class RingsideStore {
  readonly staleTime: number;
  readonly timeout: number;
  readonly retry: RetryPolicy;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<{ prefix: string; listener: Listener }>();
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: StoreOptions = {}) {
    this.staleTime = options.staleTime ?? DEFAULTS.staleTime;
    this.timeout = options.timeout ?? DEFAULTS.timeout;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The cached answer for a key, fresh or not. */
  peek<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    return entry?.hasValue ? (entry.value as T) : undefined;
  }

  isFresh(key: string): boolean {
    const entry = this.#entries.get(key);
    return !!entry?.hasValue && !entry.invalidated && Date.now() - entry.fetchedAt < this.staleTime;
  }

  /** Reads through the cache. Concurrent reads of one key share a single adapter call. */
  read<T>(key: string, loader: Loader<T>): Promise<T> {
    const entry = this.#entry(key);
    if (entry.inFlight) return entry.inFlight as Promise<T>;
    if (this.isFresh(key)) return Promise.resolve(entry.value as T);
    const request = this.#loadWithRetry(loader).then(
      (value) => {
        if (entry.inFlight === request) {
          Object.assign(entry, { value, hasValue: true, fetchedAt: Date.now(), invalidated: false, inFlight: undefined });
        }
        return value;
      },
      (error: unknown) => {
        if (entry.inFlight === request) entry.inFlight = undefined;
        throw error;
      },
    );
    entry.inFlight = request;
    return request;
  }

  /** Marks every key under the prefixes stale and tells their subscribers to reload. */
  invalidate(...prefixes: string[]): void {
    for (const [key, entry] of this.#entries) {
      if (prefixes.some((prefix) => keyMatches(key, prefix))) {
        entry.invalidated = true;
        // A read that started before the change may answer with old data: let it finish, unshared.
        entry.inFlight = undefined;
      }
    }
    for (const { prefix, listener } of [...this.#listeners]) {
      if (prefixes.some((p) => keyMatches(prefix, p) || keyMatches(p, prefix))) listener();
    }
  }

  /** Runs a change, then invalidates what it touched, whether it succeeded or not (the server may have changed). */
  async mutate<T>(change: () => Promise<T>, options: { invalidates: string[] }): Promise<T> {
    try {
      return await change();
    } catch (error) {
      throw toRingsideError(error);
    } finally {
      this.invalidate(...options.invalidates);
    }
  }

  /** Calls `listener` whenever a key under `prefix` is invalidated. Returns the unsubscribe function. */
  subscribe(prefix: string, listener: Listener): () => void {
    const record = { prefix, listener };
    this.#listeners.add(record);
    return () => this.#listeners.delete(record);
  }

  #entry(key: string): Entry {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { hasValue: false, fetchedAt: 0, invalidated: false };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  async #loadWithRetry<T>(loader: Loader<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(loader);
      } catch (error) {
        const failure = toRingsideError(error);
        // A timeout already cost the user `timeout` ms of waiting: hand the choice to retry to them.
        const autoRetry = failure.retryable && failure.code !== 'timeout' && attempt < this.retry.retries;
        if (!autoRetry) throw failure;
        await this.#sleep(this.#backoff(attempt, failure));
      }
    }
  }

  #backoff(attempt: number, failure: RingsideError): number {
    const exponential = this.retry.baseDelay * 2 ** attempt;
    const hinted = failure.retryAfter !== undefined ? failure.retryAfter * 1000 : 0;
    return Math.min(this.retry.maxDelay, Math.max(exponential, hinted));
  }

  #attempt<T>(loader: Loader<T>): Promise<T> {
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      const timer =
        this.timeout > MAX_TIMER_DELAY
          ? undefined
          : setTimeout(() => {
              controller.abort();
              reject(new RingsideError('timeout', { detail: `no answer after ${this.timeout} ms` }));
            }, this.timeout);
      let result: Promise<T>;
      try {
        result = Promise.resolve(loader(controller.signal));
      } catch (error) {
        result = Promise.reject(error);
      }
      result.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(toRingsideError(error));
        },
      );
    });
  }
}
