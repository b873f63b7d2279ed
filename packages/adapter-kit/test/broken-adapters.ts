import { createMemoryAdapter, type MemoryAdapter } from '@ringside/adapter-memory';
import { isRingsideError, type CallOptions, type Extension, type ExtensionQuery, type ExtensionsAdapter, type Page, type RingsideAdapter, type SortDirection } from '@ringside/core';

/** Adapters with one deliberate bug each, built on the memory adapter. */

export function ignoringIfMatch(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const extensions = adapter.extensions!;
  return {
    ...adapter,
    extensions: {
      ...extensions,
      update: (id, input, options) => extensions.update(id, input, { ...options, ifMatch: undefined }),
      delete: (id, options) => extensions.delete(id, { ...options, ifMatch: undefined }),
    },
  };
}

/** Recognises a repeated payment, says it replayed it, but charges again. */
export function chargingTwiceOnReplay(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const payments = adapter.payments!;
  const seen = new Map<string, string>();
  let retries = 0;
  return {
    ...adapter,
    payments: {
      ...payments,
      makePayment: async (request, options) => {
        const fingerprint = JSON.stringify([request.amount, request.source]);
        if (seen.get(request.idempotencyKey) !== fingerprint) {
          seen.set(request.idempotencyKey, fingerprint);
          return payments.makePayment(request, options);
        }
        const again = await payments.makePayment({ ...request, idempotencyKey: `${request.idempotencyKey}#${++retries}` }, options);
        return { ...again, replayed: true };
      },
    },
  };
}

const SORT_PROPERTIES: Record<string, keyof Extension> = {
  number: 'number',
  name: 'name',
  phoneLine: 'phoneLineId',
  primaryGroup: 'primaryGroupId',
  published: 'published',
};

/** Orders only by the fields asked for: records that tie come in a different order on every other call. */
export function unstablePaging(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const extensions = adapter.extensions!;
  let calls = 0;
  const list = async (query: ExtensionQuery, options?: CallOptions): Promise<Page<Extension>> => {
    const { page = 1, pageSize = 50, sort = [] } = query;
    const all = (await extensions.list({ ...query, page: 1, pageSize: 500 }, options)).items;
    const tieKey = (item: Extension) => JSON.stringify(sort.map((order) => item[SORT_PROPERTIES[order.field]!]));
    const ordered = ++calls % 2 ? reverseRuns(all, tieKey) : all;
    return { items: ordered.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  };
  return { ...adapter, extensions: { ...extensions, list } };
}

function reverseRuns<T>(items: T[], key: (item: T) => string): T[] {
  const runs: T[][] = [];
  for (const item of items) {
    const run = runs.at(-1);
    if (run && key(run[0]!) === key(item)) run.push(item);
    else runs.push([item]);
  }
  return runs.flatMap((run) => run.reverse());
}

/** Sorts hunt groups the other way round from what was asked. */
export function invertingSortDirection(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const huntGroups = adapter.huntGroups!;
  const flip = (direction: SortDirection): SortDirection => (direction === 'asc' ? 'desc' : 'asc');
  return {
    ...adapter,
    huntGroups: {
      ...huntGroups,
      list: (query, options) => huntGroups.list({ ...query, sort: query.sort?.map((order) => ({ ...order, direction: flip(order.direction) })) }, options),
    },
  };
}

/** Accepts a number another extension or a hunt group already has. */
export function acceptingTakenNumbers(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const extensions = adapter.extensions!;
  const create: ExtensionsAdapter['create'] = async (input, options) => {
    try {
      return await extensions.create(input, options);
    } catch (error) {
      if (!isRingsideError(error) || !error.reasonsFor('number').some((r) => r.reason === 'taken')) throw error;
      const created = await extensions.create({ ...input, number: freeNumber(adapter) }, options);
      adapter.data.extensions.find((extension) => extension.id === created.id)!.number = input.number;
      return { ...created, number: input.number };
    }
  };
  return { ...adapter, extensions: { ...extensions, create } };
}

function freeNumber({ data }: MemoryAdapter): string {
  const used = new Set([...data.extensions, ...data.huntGroups].map((record) => record.number));
  for (let n = 100; ; n++) if (!used.has(String(n))) return String(n);
}

/** Throws a plain Error instead of a RingsideError for unknown schedules. */
export function throwingPlainErrors(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  const schedules = adapter.schedules!;
  return {
    ...adapter,
    schedules: {
      ...schedules,
      get: (id, options) => schedules.get(id, options).catch(() => Promise.reject(new Error(`HTTP 404 for /schedules/${id}`))),
    },
  };
}

/** Declares tickets unreadable but answers them anyway. */
export function answeringUndeclaredDomain(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  return { ...adapter, capabilities: { ...adapter.capabilities, tickets: { ...adapter.capabilities.tickets, read: false, write: false } } };
}

/** Declares schedules read-only but writes them anyway. */
export function writingUndeclared(): RingsideAdapter {
  const adapter = createMemoryAdapter();
  return { ...adapter, capabilities: { ...adapter.capabilities, schedules: { read: true, write: false } } };
}
