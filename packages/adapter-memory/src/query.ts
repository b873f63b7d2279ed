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
  filter: (item: T) => boolean = () => true,
): Page<T> {
  const { page, pageSize, offset } = resolvePaging(query);
  assertValid(sortReasons(query.sort, Object.keys(spec.sortKeys)));
  const orders = (query.sort?.length ? query.sort : spec.defaultSort).map(({ field, direction }) => ({
    key: spec.sortKeys[field],
    sign: direction === 'desc' ? -1 : 1,
  }));
  const search = searchMatcher(query.search);
  const matches = items.filter((item) => filter(item) && (!search || !spec.searchIn || spec.searchIn(item).some(search)));
  const keyed = matches.map((item) => ({ item, keys: orders.map((order) => order.key(item)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < orders.length; i++) {
      const order = compareKeys(a.keys[i]!, b.keys[i]!) * orders[i]!.sign;
      if (order) return order;
    }
    return compareIds(a.item.id, b.item.id);
  });
  return { items: keyed.slice(offset, offset + pageSize).map(({ item }) => item), total: matches.length, page, pageSize };
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
