import { RingsideError, type CallOptions } from '@ringside/core';
import type { FaultInjector } from './faults.js';

/** Delay of every answer in ms: a number, or `[min, max]` for a random delay. */
export type Latency = number | [number, number];

/** Runs one adapter call the way a remote backend answers: later, maybe failing, always with a copy. */
export type Call = <T>(options: CallOptions | undefined, produce: () => T) => Promise<T>;

export function createCall(latency: Latency | undefined, faults: FaultInjector): Call {
  return async (options, produce) => {
    const signal = options?.signal;
    throwIfAborted(signal);
    await untilAborted(delay(pickLatency(latency)), signal);
    if (faults.hanging) await untilAborted(faults.released(), signal);
    const failure = faults.takeFailure();
    if (failure) throw failure;
    return structuredClone(produce());
  };
}

function abortError(): RingsideError {
  return new RingsideError('network', { detail: 'aborted', retryable: true });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Waits for `work`, or rejects as soon as `signal` aborts. */
function untilAborted(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, reject);
  });
}

function pickLatency(latency: Latency | undefined): number {
  if (Array.isArray(latency)) return latency[0] + Math.random() * (latency[1] - latency[0]);
  return latency ?? 0;
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
