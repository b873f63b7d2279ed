import { MAX_PAGE_SIZE, type ListQuery, type Page, type SortDirection, type SortOrder } from '@ringside/core';
import { ensure, ensureEqual, show } from '../assert.js';

/** A list query any list accepts (its sort fields and filter are checked by the adapter, not the compiler). */
export type Query = ListQuery<never, never>;

export type Lister<T> = (query: Query) => Promise<Page<T>>;

/** A query with sort fields and filters named as text. */
export function query(parts: { sort?: SortOrder[]; search?: string; filter?: Record<string, unknown> }): Query {
  return parts as Query;
}

/** Page sizes are chosen so that one walk takes at most this many pages. */
const MAX_PAGES = 60;

/**
 * Every item of a list, page by page. Fails unless the pages add up: no page larger than asked,
 * the same total on every page, no id twice, and as many items as the total says.
 */
export async function walkAll<T extends { id: string }>(list: Lister<T>, pageSize: number, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  let total = Number.NaN;
  for (let page = 1; ; page++) {
    ensure(Number.isNaN(total) || page <= Math.ceil(total / pageSize) + 1, `paging with ${pageSize} a page never ended`);
    const answer = await list({ ...query, page, pageSize });
    ensure(Array.isArray(answer.items) && Number.isInteger(answer.total), `page ${page} is not a Page: ${show(answer)}`);
    ensure(answer.items.length <= pageSize, `page ${page} holds ${answer.items.length} items, more than the ${pageSize} asked for`);
    if (page > 1) ensureEqual(answer.total, total, `total on page ${page} (${pageSize} a page)`);
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length < pageSize || items.length >= total) break;
  }
  const ids = items.map((item) => item.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  ensure(repeated.length === 0, `with ${pageSize} a page, these ids came twice: ${show([...new Set(repeated)])}`);
  ensure(items.length === total, `with ${pageSize} a page, the pages held ${items.length} items but total says ${total}`);
  return items;
}

/** Page sizes to walk a list of `total` items with: small ones where that stays under MAX_PAGES pages. */
export function pageSizesFor(total: number): number[] {
  const sizes = new Set([1, 2, 3, 7, 50, Math.ceil(total / (MAX_PAGES - 20)), MAX_PAGE_SIZE]);
  return [...sizes].filter((size) => size >= 1 && size <= MAX_PAGE_SIZE && total / size <= MAX_PAGES).sort((a, b) => a - b);
}

/**
 * Walks the list with several page sizes and twice with the same one: every walk must give the
 * same items in the same order (what stable paging means), and a page past the end is empty.
 * Answers the items.
 */
export async function ensureStablePaging<T extends { id: string }>(list: Lister<T>, query: Query = {}): Promise<T[]> {
  const reference = await walkAll(list, MAX_PAGE_SIZE, query);
  const ids = reference.map((item) => item.id);
  for (const size of pageSizesFor(reference.length)) {
    const walked = (await walkAll(list, size, query)).map((item) => item.id);
    ensureEqual(walked, ids, `order with ${size} a page, compared with ${MAX_PAGE_SIZE} a page`);
  }
  const again = (await walkAll(list, MAX_PAGE_SIZE, query)).map((item) => item.id);
  ensureEqual(again, ids, 'order when listing the same query again');
  const beyond = await list({ ...query, page: Math.ceil(reference.length / 3) + 2, pageSize: 3 });
  ensure(beyond.items.length === 0, `a page past the end should be empty, it holds ${beyond.items.length} items`);
  ensureEqual(beyond.total, reference.length, 'total on a page past the end');
  return reference;
}

export type SortValue = string | number | boolean | null | undefined;

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const naturalCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Text orders a backend may reasonably use; a sorted list must follow one of them. */
const TEXT_ORDERS: [string, (a: string, b: string) => number][] = [
  ['code point', codePoint],
  ['case-insensitive', (a, b) => codePoint(a.toLowerCase(), b.toLowerCase())],
  ['locale', (a, b) => collator.compare(a, b)],
  ['natural', (a, b) => naturalCollator.compare(a, b)],
];

/**
 * What is wrong with the order of `values` for `direction`, or null when nothing is: empty values
 * (null) must come together at one end, the rest be ordered (text by any of TEXT_ORDERS).
 */
export function orderProblem(values: readonly SortValue[], direction: SortDirection): string | null {
  const isEmpty = (value: SortValue) => value === null || value === undefined;
  const present = values.filter((value) => !isEmpty(value)) as (string | number | boolean)[];
  if (present.length === 0) return null;
  const firstValue = values.findIndex((value) => !isEmpty(value));
  if (!values.slice(firstValue, firstValue + present.length).every((value) => !isEmpty(value))) {
    return `empty values are not together at one end: ${show(values)}`;
  }
  const sign = direction === 'asc' ? 1 : -1;
  const ordered = (compare: (a: never, b: never) => number) => present.every((value, i) => i === 0 || sign * compare(present[i - 1] as never, value as never) <= 0);
  const inOrder =
    present.every((value) => typeof value === 'string') ? TEXT_ORDERS.some(([, compare]) => ordered(compare)) : ordered((a: number, b: number) => Number(a) - Number(b));
  return inOrder ? null : `not in ${direction === 'asc' ? 'ascending' : 'descending'} order: ${show(values)}`;
}

/** Fails unless `values` are in `direction` order (see orderProblem). */
export function ensureOrdered(values: readonly SortValue[], direction: SortDirection, what: string): void {
  const problem = orderProblem(values, direction);
  ensure(problem === null, `${what}: ${problem}`);
}
