import { describe, expect, it } from 'vitest';
import { orderProblem, pageSizesFor } from '../src/checks/listing.js';

describe('orderProblem', () => {
  it('accepts code point, case-insensitive, locale and natural text orders', () => {
    expect(orderProblem(['B', 'a', 'c'], 'asc')).toBeNull();
    expect(orderProblem(['a', 'B', 'c'], 'asc')).toBeNull();
    expect(orderProblem(['Room 9', 'Room 10'], 'asc')).toBeNull();
    expect(orderProblem(['c', 'a', 'b'], 'asc')).toMatch(/^not in ascending order/);
    expect(orderProblem(['c', 'b', 'a'], 'desc')).toBeNull();
  });

  it('wants empty values together at either end, and numbers in numeric order', () => {
    expect(orderProblem([null, null, 1, 2], 'asc')).toBeNull();
    expect(orderProblem([1, 2, null], 'asc')).toBeNull();
    expect(orderProblem([1, null, 2], 'asc')).toMatch(/^empty values are not together/);
    expect(orderProblem([2, 10, 9], 'asc')).toMatch(/^not in ascending order/);
    expect(orderProblem([true, false, false], 'desc')).toBeNull();
  });
});

describe('pageSizesFor', () => {
  it('walks short lists one by one and long lists in few pages', () => {
    expect(pageSizesFor(12)).toEqual([1, 2, 3, 7, 50, 500]);
    expect(pageSizesFor(10_000)).toEqual([250, 500]);
  });
});
