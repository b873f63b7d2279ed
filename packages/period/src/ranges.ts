import { SCALE_BOUNDS, type Scale, type ValueRange } from './model.js';

/** table[value] is 1 when a range covers value; a range with from > to wraps around. Not for yr. */
export function valueTable(scale: Scale, ranges: readonly ValueRange[] | undefined): Uint8Array {
  const { min, max } = SCALE_BOUNDS[scale];
  const table = new Uint8Array(max + 1);
  if (ranges === undefined) return table.fill(1, min);
  for (const { from, to } of ranges) {
    if (from <= to) table.fill(1, Math.max(from, min), to + 1);
    else table.fill(1, from, max + 1).fill(1, min, to + 1);
  }
  return table;
}

/** The covered values in ascending order. Not for yr. */
export function valuesOf(scale: Scale, ranges: readonly ValueRange[] | undefined): number[] {
  const values: number[] = [];
  valueTable(scale, ranges).forEach((covered, value) => {
    if (covered === 1) values.push(value);
  });
  return values;
}

/** Ascending distinct values as the fewest non-wrapping ranges: [1,2,3,5] → 1-3, 5. */
export function rangesOf(values: readonly number[]): ValueRange[] {
  const ranges: ValueRange[] = [];
  for (const value of values) {
    const last = ranges[ranges.length - 1];
    if (last && value === last.to + 1) ranges[ranges.length - 1] = { from: last.from, to: value };
    else ranges.push({ from: value, to: value });
  }
  return ranges;
}
