import { DEFAULT_PAGE_SIZE } from '@ringside/core';
import { likePattern, type SqlParams } from './sql.js';

/** How one list is queried: SQL expressions per sortable field, the default order, what search looks in. */
export interface ListSpec {
  sort: Record<string, string>;
  defaultSort: string;
  /** Breaks ties, so paging is stable. */
  tieBreaker: string;
  /** Text columns free-text search matches (case-insensitive substring). */
  search?: string[];
}

export interface ListClauses {
  page: number;
  pageSize: number;
  /** ` AND (…)` for the search, or empty. */
  where: string;
  orderBy: string;
  limitOffset: string;
}

const PHONE_LIKE = /^[\d\s+().-]+$/;

/**
 * Paging, sorting and search of the list convention (`page`, `pageSize`, `sort=field:dir,…`,
 * `search`), already validated against the YAML, as SQL clauses. Nulls sort after every value
 * (first when descending); ties break by the spec's tie breaker.
 */
export function listClauses(query: Record<string, unknown>, spec: ListSpec, sql: SqlParams): ListClauses {
  const page = typeof query.page === 'number' ? query.page : 1;
  const pageSize = typeof query.pageSize === 'number' ? query.pageSize : DEFAULT_PAGE_SIZE;
  const sortText = typeof query.sort === 'string' && query.sort ? query.sort : spec.defaultSort;
  const orders = sortText.split(',').map((part) => {
    const [field, direction = 'asc'] = part.split(':');
    const expression = spec.sort[field!];
    if (!expression) throw new Error(`sort field ${field} passed validation but has no SQL`);
    return direction === 'desc' ? `${expression} DESC NULLS FIRST` : `${expression} ASC NULLS LAST`;
  });
  let where = '';
  const needle = typeof query.search === 'string' ? query.search.trim() : '';
  if (needle && spec.search?.length) {
    const pattern = sql.param(likePattern(needle));
    const matches = spec.search.map((column) => `${column} ILIKE ${pattern}`);
    const digits = PHONE_LIKE.test(needle) ? needle.replace(/\D/g, '') : '';
    if (digits) {
      const digitPattern = sql.param(`%${digits}%`);
      matches.push(...spec.search.map((column) => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g') LIKE ${digitPattern}`));
    }
    where = ` AND (${matches.join(' OR ')})`;
  }
  return {
    page,
    pageSize,
    where,
    orderBy: `ORDER BY ${[...orders, `${spec.tieBreaker} ASC`].join(', ')}`,
    // Validated integers, written inline so a count query can share the parameters.
    limitOffset: `LIMIT ${Math.trunc(pageSize)} OFFSET ${Math.trunc((page - 1) * pageSize)}`,
  };
}
