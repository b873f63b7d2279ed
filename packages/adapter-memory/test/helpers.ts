import { isRingsideError, type RingsideError } from '@ringside/core';
import { expect } from 'vitest';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/index.js';

export const NOW = new Date('2025-03-12T15:30:00Z');

export function memory(options: MemoryAdapterOptions = {}) {
  return createMemoryAdapter({ now: NOW, ...options });
}

/** The RingsideError `promise` rejects with; fails the test when it resolves or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<RingsideError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  if (!isRingsideError(outcome.error)) throw outcome.error;
  return outcome.error;
}

/** Expects a `validation` rejection whose reasons are exactly these `field: reason` pairs. */
export async function expectInvalid(promise: Promise<unknown>, ...reasons: string[]): Promise<RingsideError> {
  const error = await rejection(promise);
  expect(error.code).toBe('validation');
  expect(error.fields.map((f) => `${f.field}: ${f.reason}`)).toEqual(reasons);
  return error;
}

export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  expect((await rejection(promise)).code).toBe(code);
}
