import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, RingsideError, type TicketQuery, type TicketSortField } from '@ringside/core';
import type { StatusMapping } from './status.js';

/** A TicketSQL string literal: single quotes, with backslashes and quotes escaped. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** RT's names of the contract's sort fields. */
export const SORT_COLUMNS: Record<TicketSortField, string> = {
  id: 'id',
  subject: 'Subject',
  status: 'Status',
  createdAt: 'Created',
  updatedAt: 'LastUpdated',
};

/** A UTC time as RT's TicketSQL reads it, whole seconds down (RT stores whole seconds). */
export function ticketSqlTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time))
    throw new RingsideError('validation', {
      fields: [{ field: 'createdAfter', reason: 'invalid' }],
      detail: `createdAfter ${JSON.stringify(iso)}`,
    });
  return `${new Date(Math.floor(time / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The condition every search starts with: only tickets the signed-in customer is a requestor of. */
export function requestorScope(requestor: string): string {
  return `Requestor.EmailAddress = ${quote(requestor)}`;
}

export interface TicketSearch {
  /** TicketSQL. */
  query: string;
  /** Repeated `orderby`/`order` parameters, ties broken by id. */
  orderby: string[];
  order: ('ASC' | 'DESC')[];
  page: number;
  pageSize: number;
}

/** The TicketSQL search of a contract query, always scoped to `requestor`. */
export function buildTicketSearch(query: TicketQuery, requestor: string, statuses: StatusMapping): TicketSearch {
  const conditions = [requestorScope(requestor)];
  const wanted = query.filter?.status;
  if (wanted?.length) {
    const rtStatuses = [...new Set(wanted.flatMap((status) => statuses.toRt(status)))];
    conditions.push(`(${rtStatuses.map((status) => `Status = ${quote(status)}`).join(' OR ')})`);
  }
  if (query.filter?.createdAfter !== undefined) conditions.push(`Created > ${quote(ticketSqlTime(query.filter.createdAfter))}`);
  const search = query.search?.trim();
  if (search) {
    const number = /^#?(\d{1,9})$/.exec(search)?.[1];
    const subject = `Subject LIKE ${quote(search)}`;
    conditions.push(number ? `(${subject} OR id = ${number})` : subject);
  }
  const orderby: string[] = [];
  const order: ('ASC' | 'DESC')[] = [];
  for (const sort of query.sort ?? []) {
    const column = SORT_COLUMNS[sort.field];
    if (!column)
      throw new RingsideError('validation', {
        fields: [{ field: 'sort', reason: 'invalid' }],
        detail: `sort field ${JSON.stringify(sort.field)}`,
      });
    if (orderby.includes(column)) continue;
    orderby.push(column);
    order.push(sort.direction === 'desc' ? 'DESC' : 'ASC');
  }
  if (!orderby.includes('id')) {
    orderby.push('id');
    order.push(order[0] ?? 'ASC');
  }
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(query.page ?? 1), 1);
  return { query: conditions.join(' AND '), orderby, order, page, pageSize };
}
