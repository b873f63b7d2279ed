import type { ListQuery, Page, SortOrder } from '@ringside/core';
import { assertValid, resolvePaging, sortReasons } from './rules/index.js';

export type SortKey = string | number | boolean | null;

export interface ListSpec<T, F extends string> {
  /** The value each sortable field orders by. */
  sortKeys: Record<F, (item: T) => SortKey>;
  /** Order when the query names none (ties still break by id). */
  defaultSort: SortOrder<F>[];
  /** The texts free-text search looks in. */
  searchIn?: (item: T) => (string | null | undefined)[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Nulls after every value (so first in descending order); text in a case-insensitive, numeric-aware order. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids in a natural order (`ext-2` before `ext-10`), total even where the collator sees two as equal. */
export function compareIds(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One page of `items` for a list query: matching the filter and the search, in the requested order
 * with ids breaking ties (so paging is stable), `total` counting every match.
 */
export function listPage<T extends { id: string }, F extends string>(
  items: readonly T[],
  query: ListQuery<F, unknown>,
  spec: ListSpec<T, F>,
  filter: (item: T) => boolean = () => true
): Page<T> {
  const { page, pageSize, offset } = resolvePaging(query);
  assertValid(sortReasons(query.sort, Object.keys(spec.sortKeys)));
  const orders = (query.sort?.length ? query.sort : spec.defaultSort).map(({ field, direction }) => ({
    field,
    key: spec.sortKeys[field],
    sign: direction === 'desc' ? -1 : 1,
  }));
  const search = searchMatcher(query.search);
  const matches = sortedIndexes(items, orders)
    .map((index) => items[index]!)
    .filter((item) => filter(item) && (!search || !spec.searchIn || spec.searchIn(item).some(search)));
  return { items: matches.slice(offset, offset + pageSize), total: matches.length, page, pageSize };
}

interface SortedOrder {
  ids: string[];
  keys: SortKey[][];
  indexes: number[];
}

/** The last order computed per list and sort, reused while no id or sort key changed. */
const lastOrders = new WeakMap<readonly unknown[], Map<string, SortedOrder>>();

const sameValues = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * The indexes of `items` in sort order (ids break ties). Sorting thousands of texts with the
 * collator is the slow part of a list call, so the order is remembered: reading the keys again
 * (linear) tells whether anything moved since. Filtering after sorting keeps the same order.
 */
function sortedIndexes<T extends { id: string }>(items: readonly T[], orders: { field: string; key: (item: T) => SortKey; sign: number }[]): number[] {
  const ids = items.map((item) => item.id);
  const keys = orders.map((order) => items.map(order.key));
  const signature = orders.map((order) => `${order.field}:${order.sign}`).join(',');
  let byList = lastOrders.get(items);
  const cached = byList?.get(signature);
  if (cached && sameValues(cached.ids, ids) && cached.keys.every((column, index) => sameValues(column, keys[index]!))) return cached.indexes;
  const indexes = ids.map((_, index) => index);
  indexes.sort((a, b) => {
    for (let i = 0; i < orders.length; i++) {
      const order = compareKeys(keys[i]![a]!, keys[i]![b]!) * orders[i]!.sign;
      if (order) return order;
    }
    return compareIds(ids[a]!, ids[b]!);
  });
  if (!byList) {
    byList = new Map();
    lastOrders.set(items, byList);
  }
  byList.set(signature, { ids, keys, indexes });
  return indexes;
}

const PHONE_LIKE = /^[\d\s+().-]+$/;
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Case-insensitive substring search; a query that looks like a phone number also matches
 * however the number is spaced ("5550100" finds "+1 604 555 0100").
 */
function searchMatcher(search: string | undefined): ((text: string | null | undefined) => boolean) | null {
  const needle = search?.trim().toLowerCase();
  if (!needle) return null;
  const digits = PHONE_LIKE.test(needle) ? digitsOf(needle) : '';
  return (text) => {
    if (!text) return false;
    const haystack = text.toLowerCase();
    return haystack.includes(needle) || (digits !== '' && digitsOf(haystack).includes(digits));
  };
}
