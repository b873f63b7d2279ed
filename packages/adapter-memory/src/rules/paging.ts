import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type FieldReason, type ListQuery, type SortOrder } from '@ringside/core';
import { assertValid, reason } from './errors.js';
import { integerReasons } from './values.js';

export interface ResolvedPaging {
  page: number;
  pageSize: number;
  /** Index of the first item of the page among all matches. */
  offset: number;
}

/**
 * Reads `page` (1-based, default 1) and `pageSize` (default 50, at most 500) of a list query.
 * Rejects with `validation`: `page`/`pageSize` `invalid` or `too_small` ({ min: 1 }), `pageSize` `too_large` ({ max: 500 }).
 */
export function resolvePaging(query: Pick<ListQuery, 'page' | 'pageSize'>): ResolvedPaging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  assertValid([
    ...integerReasons('page', page, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    ...integerReasons('pageSize', pageSize, { min: 1, max: MAX_PAGE_SIZE }),
  ]);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** `sort` `invalid` ({ field }) for an order on a field the list does not sort by, or with an unknown direction. */
export function sortReasons(sort: readonly SortOrder[] | undefined, fields: readonly string[]): FieldReason[] {
  return (sort ?? [])
    .filter((order) => !fields.includes(order.field) || (order.direction !== 'asc' && order.direction !== 'desc'))
    .map((order) => reason('sort', 'invalid', { field: String(order.field) }));
}
