import type { ExtensionQuery, ExtensionSortField, SortOrder } from '@ringside/core';

/** What the user chose to see: one sort order (or the adapter's default), free text, one hunt group. */
export interface ListView {
  sort: SortOrder<ExtensionSortField> | null;
  search: string;
  groupId: string;
}

export const INITIAL_VIEW: ListView = { sort: null, search: '', groupId: '' };

/** Clicking a column header: ascending first, then it flips between ascending and descending. */
export function toggleSort(view: ListView, field: ExtensionSortField): ListView {
  const direction = view.sort?.field === field && view.sort.direction === 'asc' ? 'desc' : 'asc';
  return { ...view, sort: { field, direction } };
}

/** The value of `aria-sort` for a column. */
export function ariaSort(view: ListView, field: ExtensionSortField): 'ascending' | 'descending' | 'none' {
  if (view.sort?.field !== field) return 'none';
  return view.sort.direction === 'asc' ? 'ascending' : 'descending';
}

/** The adapter query for one page of the view. */
export function toQuery(view: ListView, page: number, pageSize: number): ExtensionQuery {
  const search = view.search.trim();
  return {
    page,
    pageSize,
    ...(view.sort ? { sort: [view.sort] } : {}),
    ...(search ? { search } : {}),
    ...(view.groupId ? { filter: { groupId: view.groupId } } : {}),
  };
}

/** A stable text naming the view, for cache keys: two views with the same key list the same rows. */
export function viewKey(view: ListView): string {
  const sort = view.sort ? `${view.sort.field}:${view.sort.direction}` : '';
  return new URLSearchParams({ sort, search: view.search.trim(), group: view.groupId }).toString();
}
