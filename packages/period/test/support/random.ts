import { SCALES, type PeriodModel, type Scale, type SubPeriod, type ValueRange } from '../../src/index.js';

/** A small seeded PRNG (mulberry32), so every run sees the same cases. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to `max` distinct items, in their original order. */
  subset<T>(items: readonly T[], max: number): T[] {
    const wanted = new Set<T>();
    const count = this.int(1, Math.min(max, items.length));
    while (wanted.size < count) wanted.add(this.pick(items));
    return items.filter((item) => wanted.has(item));
  }
}

export const BOUNDS: Readonly<Record<Exclude<Scale, 'yr'>, readonly [number, number]>> = {
  mo: [1, 12],
  wk: [1, 6],
  yd: [1, 366],
  md: [1, 31],
  wd: [1, 7],
  hr: [0, 23],
  min: [0, 59],
  sec: [0, 59],
};

function randomValue(random: Random, scale: Scale): number {
  if (scale === 'yr') return random.chance(0.4) ? random.int(0, 99) : random.int(1970, 2100);
  const [min, max] = BOUNDS[scale];
  return random.int(min, max);
}

function randomRange(random: Random, scale: Scale): ValueRange {
  const from = randomValue(random, scale);
  return random.chance(0.3) ? { from, to: from } : { from, to: randomValue(random, scale) };
}

/** Any model `parse` can return (scales in `SCALES` order, empty scales included). */
export function randomModel(random: Random): PeriodModel {
  const roll = random.next();
  if (roll < 0.05) return { kind: 'always' };
  if (roll < 0.1) return { kind: 'never' };
  const periods = Array.from({ length: random.int(1, 4) }, (): SubPeriod => {
    const subPeriod: { [S in Scale]?: ValueRange[] } = {};
    for (const scale of random.subset(SCALES, 4)) {
      subPeriod[scale] = Array.from({ length: random.chance(0.05) ? 0 : random.int(1, 3) }, () =>
        randomRange(random, scale),
      );
    }
    return subPeriod;
  });
  return { kind: 'periods', periods };
}
