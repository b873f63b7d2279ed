import { describe, expect, it, vi } from 'vitest';
import { RingsideError } from '../src/errors.js';
import { RingsideStore, keyMatches } from '../src/store.js';

const noSleep = () => Promise.resolve();

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('RingsideStore', () => {
  it('shares one adapter call between identical concurrent reads', async () => {
    const store = new RingsideStore();
    const loader = vi.fn(async () => 42);
    const [a, b] = await Promise.all([store.read('billing/balance', loader), store.read('billing/balance', loader)]);
    expect([a, b]).toEqual([42, 42]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('serves a fresh answer from the cache and reloads once it is stale', async () => {
    vi.useFakeTimers();
    try {
      const store = new RingsideStore({ staleTime: 1000 });
      let calls = 0;
      const loader = async () => ++calls;
      expect(await store.read('k', loader)).toBe(1);
      expect(await store.read('k', loader)).toBe(1);
      vi.advanceTimersByTime(1001);
      expect(await store.read('k', loader)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('invalidates keys under a prefix and notifies their subscribers', async () => {
    const store = new RingsideStore();
    let calls = 0;
    await store.read('billing/balance', async () => ++calls);
    const balanceListener = vi.fn();
    const ticketListener = vi.fn();
    store.subscribe('billing/balance', balanceListener);
    store.subscribe('tickets', ticketListener);
    store.invalidate('billing');
    expect(balanceListener).toHaveBeenCalledTimes(1);
    expect(ticketListener).not.toHaveBeenCalled();
    expect(store.isFresh('billing/balance')).toBe(false);
    expect(await store.read('billing/balance', async () => ++calls)).toBe(2);
  });

  it('invalidates after a mutation even when it fails, and passes the failure on as a RingsideError', async () => {
    const store = new RingsideStore();
    const listener = vi.fn();
    store.subscribe('billing', listener);
    await expect(store.mutate(async () => 'paid', { invalidates: ['billing'] })).resolves.toBe('paid');
    const failure = store.mutate(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      { invalidates: ['billing'] },
    );
    await expect(failure).rejects.toMatchObject({ code: 'network' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('does not let an answer that started before an invalidation overwrite newer data', async () => {
    const store = new RingsideStore();
    const old = deferred<string>();
    const first = store.read('k', () => old.promise);
    store.invalidate('k');
    expect(await store.read('k', async () => 'new')).toBe('new');
    old.resolve('old');
    expect(await first).toBe('old');
    expect(store.peek('k')).toBe('new');
  });

  it('retries retryable errors with capped, growing back-off', async () => {
    const delays: number[] = [];
    const store = new RingsideStore({ retry: { retries: 3, baseDelay: 100, maxDelay: 250 }, sleep: async (ms) => void delays.push(ms) });
    let calls = 0;
    const value = await store.read('k', async () => {
      calls++;
      if (calls < 4) throw new RingsideError('unavailable');
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(delays).toEqual([100, 200, 250]);
  });

  it('honours a rate limit hint for the back-off', async () => {
    const delays: number[] = [];
    const store = new RingsideStore({ retry: { retries: 1, maxDelay: 10_000 }, sleep: async (ms) => void delays.push(ms) });
    let calls = 0;
    await store.read('k', async () => {
      if (calls++ === 0) throw new RingsideError('rate_limited', { retryAfter: 3 });
      return 1;
    });
    expect(delays).toEqual([3000]);
  });

  it('does not retry errors that are not retryable', async () => {
    const store = new RingsideStore({ sleep: noSleep });
    const loader = vi.fn(async () => {
      throw new RingsideError('forbidden');
    });
    await expect(store.read('k', loader)).rejects.toMatchObject({ code: 'forbidden', retryable: false });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('gives up with a timeout error when the adapter never answers, and aborts its signal', async () => {
    const store = new RingsideStore({ timeout: 20, sleep: noSleep });
    let signal: AbortSignal | undefined;
    const loader = vi.fn((s: AbortSignal) => {
      signal = s;
      return new Promise<never>(() => {});
    });
    await expect(store.read('k', loader)).rejects.toMatchObject({ code: 'timeout', retryable: true });
    expect(loader).toHaveBeenCalledTimes(1);
    expect(signal?.aborted).toBe(true);
  });

  it('treats a timeout too long for a timer as no timeout', async () => {
    const store = new RingsideStore({ timeout: Number.POSITIVE_INFINITY });
    const answer = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 30));
    expect(await store.read('k', () => answer)).toBe('late');
  });

  it('does not cache failures: the next read asks again', async () => {
    const store = new RingsideStore({ retry: { retries: 0 } });
    await expect(store.read('k', async () => Promise.reject(new RingsideError('unavailable')))).rejects.toBeInstanceOf(RingsideError);
    expect(await store.read('k', async () => 'back')).toBe('back');
  });
});

describe('keyMatches', () => {
  it('matches whole path segments only', () => {
    expect(keyMatches('billing/balance', 'billing')).toBe(true);
    expect(keyMatches('billing', 'billing')).toBe(true);
    expect(keyMatches('billingx', 'billing')).toBe(false);
  });
});
