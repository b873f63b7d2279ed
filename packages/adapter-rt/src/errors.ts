import { RingsideError, type ErrorCode } from '@ringside/core';

/** What the adapter was doing, so a refusal can name what to configure in RT. */
export interface RtOperation {
  /** In words, e.g. `creating a ticket in queue "Support"`. */
  what: string;
  /** The RT right that would allow it, e.g. `CreateTicket on queue "Support"`. */
  right?: string;
}

const CODES: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'conflict',
  413: 'validation',
  429: 'rate_limited',
};

/** RT's `{"message": …}`, when the body is one. */
export function rtMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  return undefined;
}

/** The RingsideError of an RT answer that was not a success. */
export function errorFromStatus(status: number, body: unknown, operation: RtOperation, retryAfter?: number): RingsideError {
  const code: ErrorCode = CODES[status] ?? (status >= 500 ? 'unavailable' : 'invalid_response');
  const message = rtMessage(body);
  const said = message ? `RT answered ${status} "${message}"` : `RT answered ${status}`;
  let detail = `${said} while ${operation.what}`;
  if (code === 'forbidden' && operation.right) detail += `; grant the portal's RT user ${operation.right}`;
  if (code === 'unauthorized') detail += '; the RT token is missing, expired or revoked';
  return new RingsideError(code, {
    detail,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    retryable: code === 'unavailable' || code === 'rate_limited',
  });
}

/** RT could not be reached at all (down, refused, DNS, CORS): `unavailable`, worth a retry. */
export function unreachable(cause: unknown, operation: RtOperation): RingsideError {
  if (cause instanceof RingsideError) return cause;
  if (cause instanceof DOMException && cause.name === 'AbortError')
    return new RingsideError('network', {
      retryable: true,
      detail: 'aborted',
      cause,
    });
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RingsideError('unavailable', {
    retryable: true,
    detail: `RT did not answer while ${operation.what}: ${reason}`,
    cause,
  });
}

const SUCCESS = /changed from|set to|added|already the current value/i;
const DENIED = /permission denied|no permission|not allowed/i;

/**
 * `PUT /ticket/N` answers 200 with one message per change, also when a change failed. Throws
 * the RingsideError of the first failure (`field` names the contract's field the change was
 * about), or returns when every message reports success.
 */
export function checkUpdateMessages(body: unknown, operation: RtOperation, field: string): void {
  if (!Array.isArray(body))
    throw new RingsideError('invalid_response', {
      detail: `RT answered ${JSON.stringify(body)} while ${operation.what}`,
    });
  const failure = body.find((message) => typeof message !== 'string' || !SUCCESS.test(message));
  if (failure === undefined) return;
  const text = String(failure);
  const detail = `RT said "${text}" while ${operation.what}`;
  if (DENIED.test(text))
    throw new RingsideError('forbidden', {
      detail: operation.right ? `${detail}; grant the portal's RT user ${operation.right}` : detail,
    });
  throw new RingsideError('validation', {
    fields: [{ field, reason: 'invalid' }],
    detail,
  });
}
