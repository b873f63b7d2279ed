import { ACTIVE_TICKET_STATUSES, type SortDirection, type TicketQuery, type TicketSortField, type TicketStatus } from '@ringside/core';

/**
 * What the list shows: one of the predefined searches ("open", "all in the last 30 days", "all",
 * or one status), a subject search, a sort order and a page. Plain data, turned into the adapter's
 * query by `toTicketQuery`.
 */
export interface ListState {
  /** `open`, `recent`, `all`, or `status:<status>`. */
  preset: string;
  search: string;
  sort: { field: TicketSortField; direction: SortDirection };
  page: number;
  pageSize: number;
}

export const OPEN_PRESET = 'open';
export const RECENT_PRESET = 'recent';
export const ALL_PRESET = 'all';
export const RECENT_DAYS = 30;
export const DEFAULT_LIST_PAGE_SIZE = 20;

const STATUS_PREFIX = 'status:';

/** Dates sort newest first when chosen; text and numbers A→Z. */
const FIRST_DIRECTION: Record<TicketSortField, SortDirection> = {
  id: 'desc',
  subject: 'asc',
  status: 'asc',
  createdAt: 'desc',
  updatedAt: 'desc',
};

export function initialListState(pageSize = DEFAULT_LIST_PAGE_SIZE): ListState {
  return {
    preset: OPEN_PRESET,
    search: '',
    sort: { field: 'updatedAt', direction: 'desc' },
    page: 1,
    pageSize: validPageSize(pageSize),
  };
}

export function validPageSize(size: number): number {
  return Number.isFinite(size) && size >= 1 ? Math.min(500, Math.floor(size)) : DEFAULT_LIST_PAGE_SIZE;
}

export const statusPreset = (status: TicketStatus): string => `${STATUS_PREFIX}${status}`;

/** The status a `status:<status>` preset names, or null for the other presets. */
export function presetStatus(preset: string): TicketStatus | null {
  return preset.startsWith(STATUS_PREFIX) ? preset.slice(STATUS_PREFIX.length) : null;
}

/** The presets the filter offers: the three searches, then each status the backend uses. */
export function presetOptions(statuses: readonly TicketStatus[]): string[] {
  return [OPEN_PRESET, RECENT_PRESET, ALL_PRESET, ...[...new Set(statuses)].map(statusPreset)];
}

/**
 * The start of the day `days` days before `now`, in the viewer's time zone. Day-aligned, so the
 * query (and its cache key) stays the same all day instead of changing every millisecond.
 */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
}

export function toTicketQuery(state: ListState, now: Date): TicketQuery {
  const filter: NonNullable<TicketQuery['filter']> = {};
  const status = presetStatus(state.preset);
  if (state.preset === OPEN_PRESET) filter.status = [...ACTIVE_TICKET_STATUSES];
  else if (state.preset === RECENT_PRESET) filter.createdAfter = daysBefore(now, RECENT_DAYS).toISOString();
  else if (status !== null) filter.status = [status];
  const search = state.search.trim();
  return {
    page: state.page,
    pageSize: state.pageSize,
    sort: [state.sort],
    ...(search ? { search } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
  };
}

/** The store key of a list query: equal queries share one request and one cache entry. */
export function listKey(query: TicketQuery): string {
  return `tickets/list?${JSON.stringify(query)}`;
}

/** A click on a column header: the same column flips its direction, another starts with its natural one. */
export function toggleSort(state: ListState, field: TicketSortField): ListState {
  const direction: SortDirection = state.sort.field === field ? (state.sort.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field];
  return { ...state, sort: { field, direction }, page: 1 };
}

export function ariaSort(state: ListState, field: TicketSortField): 'ascending' | 'descending' | 'none' {
  if (state.sort.field !== field) return 'none';
  return state.sort.direction === 'asc' ? 'ascending' : 'descending';
}

export function withPreset(state: ListState, preset: string): ListState {
  return { ...state, preset, page: 1 };
}

export function withSearch(state: ListState, search: string): ListState {
  return search.trim() === state.search.trim() ? state : { ...state, search: search.trim(), page: 1 };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

export function withPage(state: ListState, page: number, total: number): ListState {
  return {
    ...state,
    page: Math.min(Math.max(1, Math.floor(page)), pageCount(total, state.pageSize)),
  };
}

/** 1-based positions of the first and last item on the page, for "21–40 of 45". */
export function pageRange(page: number, pageSize: number, total: number): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: 0 };
  const first = Math.min(total, (page - 1) * pageSize + 1);
  return { first, last: Math.min(total, page * pageSize) };
}
