import { ERROR_CODES, isRingsideError, type ErrorCode, type RingsideError } from '@ringside/core';

/** A check found the adapter behaving other than the contract says. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** Thrown by a check that finds, while running, that the adapter's data gives it nothing to check. */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

export function show(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => (item === undefined ? '(undefined)' : item));
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function ensureEqual(actual: unknown, expected: unknown, what: string): void {
  ensure(deepEqual(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** The RingsideError `promise` rejects with; fails when it resolves, or rejects with anything but a RingsideError of a known code. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<RingsideError> {
  let outcome: { value: unknown } | { error: unknown };
  try {
    outcome = { value: await promise };
  } catch (error) {
    outcome = { error };
  }
  if ('value' in outcome) throw new ConformanceFailure(`${what}: expected a rejection, got ${show(outcome.value)}`);
  const { error } = outcome;
  if (!isRingsideError(error)) throw new ConformanceFailure(`${what}: rejected with ${describeError(error)}, not a RingsideError`);
  ensure((ERROR_CODES as readonly string[]).includes(error.code), `${what}: rejected with unknown error code ${show(error.code)}`);
  return error;
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, what: string): Promise<RingsideError> {
  const error = await rejection(promise, what);
  ensure(error.code === code, `${what}: expected a ${code} error, got ${describeError(error)}`);
  return error;
}

/**
 * Expects a `validation` error naming `field` (or a field under it, `members` matches `members.0.ringDelay`),
 * with `reason` when given.
 */
export async function rejectsInvalid(promise: Promise<unknown>, field: string, what: string, reason?: string): Promise<RingsideError> {
  const error = await rejectsWith(promise, 'validation', what);
  const named = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`));
  ensure(named.length > 0, `${what}: the validation error should name the field "${field}", it names ${show(error.fields.map((f) => f.field))}`);
  if (reason) ensure(named.some((f) => f.reason === reason), `${what}: expected reason "${reason}" on "${field}", got ${show(named.map((f) => f.reason))}`);
  return error;
}

export function describeError(error: unknown): string {
  if (isRingsideError(error)) {
    const fields = error.fields.map((f) => `${f.field}: ${f.reason}`).join(', ');
    return `${error.code}${fields ? ` (${fields})` : ''}${error.detail ? ` — ${error.detail}` : ''}`;
  }
  if (error instanceof ConformanceFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return show(error);
}
