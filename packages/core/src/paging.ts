/** One page of a list. `total` counts every item that matches the query, on all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export type SortDirection = 'asc' | 'desc';

export interface SortOrder<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/**
 * The one convention for lists: pages are 1-based, sort orders apply in sequence (ties broken by
 * id, so paging is stable), `search` is free text, `filter` names exact values.
 */
export interface ListQuery<F extends string = string, Filter = Record<string, never>> {
  page?: number;
  pageSize?: number;
  sort?: SortOrder<F>[];
  search?: string;
  filter?: Filter;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Every changeable record carries a version; an update that names an old one is a `conflict`. */
export interface Versioned {
  version: string;
}

export interface WriteOptions {
  /** The version the user edited; omit only for a deliberate overwrite. */
  ifMatch?: string;
  signal?: AbortSignal;
}
