import type { FieldReason } from '@ringside/core';
import { reason } from './errors.js';

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Reasons for a text field: `required` (when asked), `invalid` (not a string), `too_long` ({ max }). */
export function textReasons(field: string, value: unknown, limits: { required?: boolean; max: number }): FieldReason[] {
  if (isBlank(value)) return limits.required ? [reason(field, 'required')] : [];
  if (typeof value !== 'string') return [reason(field, 'invalid')];
  if (value.length > limits.max) return [reason(field, 'too_long', { max: limits.max })];
  return [];
}

/** Reasons for a whole number within bounds: `invalid`, `too_small` ({ min }), `too_large` ({ max }). */
export function integerReasons(field: string, value: unknown, bounds: { min: number; max: number }): FieldReason[] {
  if (typeof value !== 'number' || !Number.isInteger(value)) return [reason(field, 'invalid')];
  if (value < bounds.min) return [reason(field, 'too_small', { min: bounds.min })];
  if (value > bounds.max) return [reason(field, 'too_large', { max: bounds.max })];
  return [];
}

/** `invalid` ({ allowed }) unless the value is one of `allowed`. */
export function oneOfReasons(field: string, value: unknown, allowed: readonly string[]): FieldReason[] {
  return typeof value === 'string' && allowed.includes(value) ? [] : [reason(field, 'invalid', { allowed: allowed.join(', ') })];
}

/** `invalid` unless the value is a boolean, or absent when optional. */
export function booleanReasons(field: string, value: unknown, optional = false): FieldReason[] {
  if (optional && value === undefined) return [];
  return typeof value === 'boolean' ? [] : [reason(field, 'invalid')];
}

/** `duplicate` for every entry whose key appeared earlier in the list. */
export function duplicateReasons<T>(items: readonly T[], keyOf: (item: T) => unknown, fieldOf: (index: number) => string): FieldReason[] {
  const seen = new Set<unknown>();
  const reasons: FieldReason[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) reasons.push(reason(fieldOf(index), 'duplicate'));
    seen.add(key);
  });
  return reasons;
}
