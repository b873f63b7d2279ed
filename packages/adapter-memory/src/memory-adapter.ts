import {
  RingsideError,
  fromMinorUnits,
  toMinorUnits,
  type BalanceSummary,
  type Capabilities,
  type CallOptions,
  type ChargeEntry,
  type ChargesQuery,
  type PaymentRequest,
  type PaymentResult,
  type RingsideAdapter,
} from '@ringside/core';
import { FaultInjector } from './faults.js';
import { createSeedData, type CustomerData, type DemoCustomerId } from './seed-data.js';

export interface MemoryAdapterOptions {
  /** Which seeded customer to serve, or your own data. */
  customer?: DemoCustomerId | CustomerData;
  /** Delay of every answer in ms: a number, or `[min, max]` for a random delay. */
  latency?: number | [number, number];
  /** The "today" of the seeded data. */
  now?: Date;
  /** Turn domains off to show how widgets behave with a less capable backend. */
  capabilities?: Partial<Capabilities>;
}

export interface MemoryAdapter extends RingsideAdapter {
  readonly faults: FaultInjector;
  /** The live data, for tests and stories that want to look or change it directly. */
  readonly data: CustomerData;
}

const FULL_CAPABILITIES: Capabilities = {
  billing: { read: true, write: false, charges: true },
  payments: { read: true, write: true },
};

function abortError(): RingsideError {
  return new RingsideError('network', { detail: 'aborted', retryable: true });
}

/** An in-memory backend with realistic data. Every call copies its answer, as a real backend would. */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const data = typeof options.customer === 'object' ? options.customer : createSeedData(options.now)[options.customer ?? 'business'];
  const faults = new FaultInjector();
  const payments = new Map<string, { fingerprint: string; result: PaymentResult }>();
  const capabilities: Capabilities = { ...FULL_CAPABILITIES, ...options.capabilities };

  async function answer<T>(produce: () => T, callOptions?: CallOptions): Promise<T> {
    const signal = callOptions?.signal;
    if (signal?.aborted) throw abortError();
    await delay(pickLatency(options.latency), signal);
    if (faults.hanging) await new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(abortError())));
    const failure = faults.takeFailure();
    if (failure) throw failure;
    return structuredClone(produce());
  }

  function currentBalance(): BalanceSummary {
    if (!data.balance) throw new RingsideError('not_found', { detail: 'no billing account' });
    return data.balance;
  }

  function pay(request: PaymentRequest): PaymentResult {
    const fingerprint = JSON.stringify([request.amount, request.source]);
    const previous = payments.get(request.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new RingsideError('conflict', { detail: 'idempotency key reused with a different request' });
      }
      return { ...previous.result, replayed: true };
    }
    const balance = currentBalance();
    const fields = [];
    if (request.amount.currency !== balance.currency) fields.push({ field: 'currency', reason: 'mismatch' });
    if (!(request.amount.amount >= data.minimumPayment)) {
      fields.push({ field: 'amount', reason: 'too_small', params: { min: data.minimumPayment } });
    }
    const savedMethodId = 'savedMethodId' in request.source ? request.source.savedMethodId : undefined;
    if (!data.paymentMethods.some((method) => method.id === savedMethodId)) fields.push({ field: 'source', reason: 'unknown' });
    if (fields.length) throw new RingsideError('validation', { fields });

    const currency = balance.currency;
    const paid = toMinorUnits(request.amount.amount, currency);
    // A payment adds to a prepaid balance and reduces what a postpaid customer owes.
    const sign = balance.model === 'prepaid' ? 1 : -1;
    balance.balance = fromMinorUnits(toMinorUnits(balance.balance, currency) + sign * paid, currency);
    if (balance.balanceDue) {
      balance.balanceDue = fromMinorUnits(Math.max(0, toMinorUnits(balance.balanceDue, currency) - paid), currency);
    }
    if (balance.overdueAmount) {
      balance.overdueAmount = fromMinorUnits(Math.max(0, toMinorUnits(balance.overdueAmount, currency) - paid), currency);
    }
    balance.lastPayment = { amount: request.amount.amount, date: new Date().toISOString().slice(0, 10) };
    const result: PaymentResult = {
      id: `pay-${payments.size + 1}`,
      reference: `R-${String(payments.size + 1).padStart(6, '0')}`,
      status: 'succeeded',
      amount: { ...request.amount },
      newBalance: balance.balance,
    };
    payments.set(request.idempotencyKey, { fingerprint, result });
    return result;
  }

  return {
    name: 'memory',
    capabilities,
    faults,
    data,
    billing: {
      getBalance: (callOptions) => answer(() => data.balance, callOptions),
      getCharges: (query: ChargesQuery, callOptions) =>
        answer((): ChargeEntry[] => data.charges.filter((entry) => entry.date >= query.from && entry.date <= query.to), callOptions),
    },
    payments: {
      makePayment: (request, callOptions) => answer(() => pay(request), callOptions),
    },
  };
}

function pickLatency(latency: MemoryAdapterOptions['latency']): number {
  if (Array.isArray(latency)) return latency[0] + Math.random() * (latency[1] - latency[0]);
  return latency ?? 0;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError());
    });
  });
}
