/** Stable error codes that cross the adapter contract. Widgets translate them; they never show raw server text. */
export const ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'validation',
  'rate_limited',
  'unavailable',
  'network',
  'timeout',
  'invalid_response',
  'payment_declined',
  'unsupported',
  'not_configured',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes that are worth retrying automatically unless the thrower says otherwise. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'unavailable', 'network', 'timeout']);

/** One reason a field was rejected. `reason` is a stable key (e.g. `required`, `too_short`, `taken`). */
export interface FieldReason {
  field: string;
  reason: string;
  /** Extra values for the translated message, e.g. `{ min: 5 }`. */
  params?: Record<string, string | number>;
}

export interface RingsideErrorOptions {
  retryable?: boolean;
  fields?: FieldReason[];
  /** Developer-facing detail, logged, never rendered as markup. */
  detail?: string;
  /** Seconds after which a retry makes sense (rate limits). */
  retryAfter?: number;
  cause?: unknown;
}

export class RingsideError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly fields: readonly FieldReason[];
  readonly detail: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, options: RingsideErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'RingsideError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.fields = options.fields ?? [];
    this.detail = options.detail;
    this.retryAfter = options.retryAfter;
  }

  /** The reasons given for one field, for showing at that field. */
  reasonsFor(field: string): FieldReason[] {
    return this.fields.filter((f) => f.field === field);
  }
}

export function isRingsideError(value: unknown): value is RingsideError {
  return value instanceof RingsideError || (value instanceof Error && value.name === 'RingsideError' && 'code' in value);
}

/** Turns anything an adapter threw into a RingsideError, so widgets handle one type. */
export function toRingsideError(value: unknown): RingsideError {
  if (isRingsideError(value)) return value;
  if (value instanceof DOMException && value.name === 'AbortError') {
    return new RingsideError('network', { retryable: true, detail: 'aborted', cause: value });
  }
  if (value instanceof TypeError) {
    // fetch() rejects with a TypeError when the network fails.
    return new RingsideError('network', { detail: value.message, cause: value });
  }
  const detail = value instanceof Error ? value.message : String(value);
  return new RingsideError('unavailable', { detail, cause: value, retryable: false });
}
