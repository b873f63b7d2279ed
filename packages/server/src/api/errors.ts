import { isRingsideError, type ErrorCode, type FieldReason } from '@ringside/core';

/** The one error body of every error answer (`Error` in openapi/ringside.yaml). */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldReason[];
  retryable?: boolean;
}

/** An answer other than success, with the status and body to send. Handlers throw it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.code}: ${body.message}`);
    this.name = 'HttpError';
  }
}

export function httpError(status: number, code: ErrorCode, message: string, extra: Partial<ErrorBody> = {}, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, { code, message, ...extra }, headers);
}

export const notFound = (what = 'resource') => httpError(404, 'not_found', `No such ${what}.`);
export const preconditionFailed = (what: string) => httpError(412, 'conflict', `The ${what} changed since it was read (If-Match names an old version).`);
export const validationFailed = (fields: FieldReason[], message = 'The request is not valid.') => httpError(400, 'validation', message, { fields });
export const unsupported = (what: string) => httpError(501, 'unsupported', `This account does not offer ${what}.`);

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unsupported: 501,
  unavailable: 503,
};

/**
 * Any thrown value as an HttpError: RingsideErrors (from the shared business rules) keep their
 * code and fields; anything else is an internal error whose text never reaches the client.
 */
export function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (isRingsideError(error)) {
    const status = STATUS_OF[error.code];
    if (!status) return null;
    // The rules' detail is a developer message made of field names and ids the caller sent.
    const message = error.code === 'validation' ? 'The request is not valid.' : (error.detail ?? error.code);
    return httpError(status, error.code, message, error.fields.length ? { fields: [...error.fields] } : {});
  }
  return null;
}

export const INTERNAL_ERROR: ErrorBody = { code: 'unavailable', message: 'The server failed to answer this request.', retryable: true };
