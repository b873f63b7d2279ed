import { requireSection, type Domain, type RingsideAdapter } from '@ringside/core';
import { CheckSkipped } from '../assert.js';
import type { CheckContext } from '../types.js';
import { walkAll } from './listing.js';

/** What a check needs to make its own records: unique names and free extension/hunt group numbers. */
export class Fixture {
  readonly adapter: RingsideAdapter;
  readonly unique: string;
  #names = 0;
  #numbers: Promise<{ length: number; used: Set<string> }> | undefined;
  #next = Number.NaN;

  constructor({ adapter, unique }: CheckContext) {
    this.adapter = adapter;
    this.unique = unique;
  }

  section<D extends Domain>(domain: D): NonNullable<RingsideAdapter[D]> {
    return requireSection(this.adapter, domain);
  }

  /** A name no other record has, containing `unique`. */
  name(prefix = 'Rs'): string {
    return `${prefix} ${this.unique} ${++this.#names}`;
  }

  /** A number of the right length that no extension or hunt group uses, counting down from the highest. */
  async freeNumber(): Promise<string> {
    const { length, used } = await (this.#numbers ??= this.#usedNumbers());
    if (Number.isNaN(this.#next)) this.#next = 10 ** length - 1;
    while (used.has(String(this.#next))) this.#next--;
    if (this.#next < 10 ** (length - 1)) throw new CheckSkipped('no free extension number is left');
    const number = String(this.#next);
    used.add(number);
    return number;
  }

  async #usedNumbers(): Promise<{ length: number; used: Set<string> }> {
    const extensions = this.section('extensions');
    const { numberLength } = await extensions.settings();
    const records = [
      ...(await walkAll((q) => extensions.list(q), 500)),
      ...(this.adapter.capabilities.huntGroups?.read ? await walkAll((q) => this.section('huntGroups').list(q), 500) : []),
    ];
    return { length: numberLength, used: new Set(records.map((record) => record.number)) };
  }
}
