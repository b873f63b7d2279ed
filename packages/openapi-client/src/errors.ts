import { ERROR_CODES, RingsideError, toRingsideError, type ErrorCode, type FieldReason } from '@ringside/core';

/** The stable error code an HTTP status maps to (the table in openapi/ringside.yaml). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment_declined';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not_found';
    case 408:
      return 'timeout';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'rate_limited';
    case 501:
      return 'unsupported';
    default:
      return status >= 500 ? 'unavailable' : 'invalid_response';
  }
}

const REASON_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_FIELDS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps only well-formed field reasons: a field name, a reason key (anything else becomes
 * `invalid`) and string or number params. Server text never reaches a widget as markup: widgets
 * translate the keys, and the message stays in `detail`.
 */
function sanitizeFields(value: unknown): FieldReason[] {
  if (!Array.isArray(value)) return [];
  const fields: FieldReason[] = [];
  for (const entry of value.slice(0, MAX_FIELDS)) {
    if (!isRecord(entry) || typeof entry.field !== 'string') continue;
    const reason = typeof entry.reason === 'string' && REASON_KEY.test(entry.reason) ? entry.reason : 'invalid';
    const field: FieldReason = { field: entry.field.slice(0, 200), reason };
    if (isRecord(entry.params)) {
      const params: Record<string, string | number> = {};
      for (const [key, param] of Object.entries(entry.params)) {
        if (typeof param === 'number' || typeof param === 'string') params[key] = typeof param === 'string' ? param.slice(0, 200) : param;
      }
      if (Object.keys(params).length) field.params = params;
    }
    fields.push(field);
  }
  return fields;
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Turns an error answer into a RingsideError. The status decides the code; the body (the
 * `Error` schema) adds per-field reasons, the retry hint and the developer message.
 */
export function errorFromResponse(response: Response, body: unknown): RingsideError {
  const code = codeForStatus(response.status);
  const error = isRecord(body) ? body : {};
  const fields = sanitizeFields(error.fields);
  if (response.status === 413 && !fields.some((field) => field.reason === 'too_large')) fields.push({ field: 'body', reason: 'too_large' });
  if (response.status === 415 && !fields.length) fields.push({ field: 'file', reason: 'type' });
  const message = typeof error.message === 'string' ? error.message.slice(0, 500) : typeof body === 'string' ? body.slice(0, 200) : '';
  const serverCode = typeof error.code === 'string' && (ERROR_CODES as readonly string[]).includes(error.code) ? error.code : undefined;
  const detail = `HTTP ${response.status}${serverCode && serverCode !== code ? ` (${serverCode})` : ''}${message ? `: ${message}` : ''}`;
  return new RingsideError(code, {
    fields,
    detail,
    ...(typeof error.retryable === 'boolean' ? { retryable: error.retryable } : {}),
    ...(code === 'rate_limited' ? { retryAfter: parseRetryAfter(response.headers.get('Retry-After')) } : {}),
  });
}

/** What a failed call threw (fetch's TypeError, an abort, a JSON parse error), as a RingsideError. */
export function errorFromThrown(value: unknown): RingsideError {
  if (value instanceof SyntaxError) return new RingsideError('invalid_response', { detail: `unreadable JSON: ${value.message}`, cause: value });
  return toRingsideError(value);
}
