import type { Capabilities } from '@ringside/core';
import type { Call } from './call.js';
import type { CustomerData } from './data.js';

/** What every section of the memory adapter works with. */
export interface MemoryContext {
  readonly data: CustomerData;
  readonly capabilities: Capabilities;
  readonly call: Call;
  /** The backend's clock: starts at the dataset's "now" and runs on. */
  now(): Date;
  /** A new id `<prefix><n>`, never one the dataset used before. */
  nextId(prefix: string, existing: readonly { id: string }[]): string;
}

/** A clock that starts at `start` and advances with real time. */
export function clockFrom(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** Hands out ids counting up from the highest `<prefix><n>` already present. */
export function idSource(): MemoryContext['nextId'] {
  const counters = new Map<string, number>();
  return (prefix, existing) => {
    let last = counters.get(prefix);
    if (last === undefined) {
      last = 0;
      for (const { id } of existing) {
        const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN;
        if (Number.isInteger(n) && n > last) last = n;
      }
    }
    counters.set(prefix, last + 1);
    return `${prefix}${last + 1}`;
  };
}
