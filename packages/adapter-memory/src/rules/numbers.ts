import type { FieldReason } from '@ringside/core';
import { reason } from './errors.js';

export interface NumberRulesContext {
  /** How many digits extension and hunt group numbers have. */
  numberLength: number;
  /** True when another extension or any hunt group already uses the number (never the record being changed). */
  isNumberTaken(number: string): boolean;
}

/**
 * Extension and hunt group numbers share one number space. Reasons on `number`:
 * `required`, `digits_only`, `length` ({ length }), `taken`.
 */
export function numberReasons(value: unknown, context: NumberRulesContext): FieldReason[] {
  if (value === undefined || value === null || value === '') return [reason('number', 'required')];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return [reason('number', 'digits_only')];
  if (value.length !== context.numberLength) return [reason('number', 'length', { length: context.numberLength })];
  if (context.isNumberTaken(value)) return [reason('number', 'taken')];
  return [];
}
