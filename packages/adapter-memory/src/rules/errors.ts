import { RingsideError, type FieldReason } from '@ringside/core';

export function reason(field: string, key: string, params?: FieldReason['params']): FieldReason {
  return params ? { field, reason: key, params } : { field, reason: key };
}

/** Throws one `validation` error carrying every reason, or returns when there are none. */
export function assertValid(reasons: readonly FieldReason[]): void {
  if (reasons.length === 0) return;
  const detail = reasons.map((r) => `${r.field}: ${r.reason}`).join(', ');
  throw new RingsideError('validation', { fields: [...reasons], detail });
}

export function notFound(kind: string, id: string): RingsideError {
  return new RingsideError('not_found', { detail: `no ${kind} ${JSON.stringify(id)}` });
}

export function conflict(detail: string): RingsideError {
  return new RingsideError('conflict', { detail });
}

export function unsupported(detail: string): RingsideError {
  return new RingsideError('unsupported', { detail });
}
