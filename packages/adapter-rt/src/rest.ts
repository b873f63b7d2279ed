import { RingsideError } from '@ringside/core';
import { errorFromStatus, unreachable, type RtOperation } from './errors.js';
import type { RtAdapterOptions } from './options.js';

export interface RtRequest {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** Below the REST2 root, e.g. `/ticket/12`. */
  path: string;
  params?: [string, string | number][];
  json?: unknown;
  /** RT's ETag of the record (its last transaction id); a stale one answers 412. */
  ifMatch?: string;
  signal?: AbortSignal;
  operation: RtOperation;
}

export interface RtAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

export type RtClient = (request: RtRequest) => Promise<RtAnswer>;

/** RT's ids come as numbers in records and as strings in collections; the contract's are strings. */
export function normaliseId(id: unknown): string {
  return typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
}

/** The numeric RT id of a contract id (`12`, `"12"`, `"#12"`), or null for anything else. */
export function rtTicketId(id: string | number): string | null {
  return /^#?(\d{1,12})$/.exec(String(id).trim())?.[1] ?? null;
}

/**
 * Calls RT's REST2 API: JSON in, JSON out, the token (when configured) as `Authorization: token …`.
 * Rejects with a RingsideError for anything but a 2xx answer; RT not answering is `unavailable`.
 */
export function createRtClient(options: Pick<RtAdapterOptions, 'baseUrl' | 'token' | 'fetch'>): RtClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return async ({ method = 'GET', path, params = [], json, ifMatch, signal, operation }) => {
    const headers = new Headers({ Accept: 'application/json' });
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    if (token) headers.set('Authorization', `token ${token}`);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    if (ifMatch !== undefined) headers.set('If-Match', `"${ifMatch}"`);
    const search = new URLSearchParams(params.map(([name, value]) => [name, String(value)]));
    const url = `${base}${path}${search.size ? `?${search}` : ''}`;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: json === undefined ? null : JSON.stringify(json),
        signal: signal ?? null,
        credentials: 'same-origin',
      });
    } catch (error) {
      const mapped = unreachable(error, operation);
      // A write that may have reached RT is not repeated automatically: it could act twice.
      throw method === 'POST' && mapped.code === 'unavailable'
        ? new RingsideError('unavailable', {
            retryable: false,
            detail: mapped.detail,
            cause: error,
          })
        : mapped;
    }
    const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok)
          throw new RingsideError('invalid_response', {
            detail: `RT answered ${response.status} with something other than JSON while ${operation.what}`,
          });
      }
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw errorFromStatus(response.status, body, operation, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return { status: response.status, body, headers: response.headers };
  };
}

/** RT's collections: `{ count, page, per_page, total, items }`; `total` is null where RT will not count. */
export interface RtCollection<T> {
  count: number;
  page: number;
  per_page: number;
  total: number | null;
  items: T[];
}

export function asCollection<T>(body: unknown, operation: RtOperation): RtCollection<T> {
  const collection = body as Partial<RtCollection<T>> | null;
  if (!collection || !Array.isArray(collection.items))
    throw new RingsideError('invalid_response', {
      detail: `RT answered no collection while ${operation.what}`,
    });
  return {
    count: collection.items.length,
    page: Number(collection.page) || 1,
    per_page: Number(collection.per_page) || collection.items.length,
    total: collection.total == null ? null : Number(collection.total),
    items: collection.items,
  };
}
