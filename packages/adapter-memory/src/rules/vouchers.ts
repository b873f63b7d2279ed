import type { FieldReason } from '@ringside/core';
import { reason } from './errors.js';

/** A prepaid voucher (recharge card) as a backend stores it. */
export interface VoucherRecord {
  code: string;
  /** In the account's currency. */
  amount: number;
  /** ISO 8601 date-time, null while unused. */
  redeemedAt: string | null;
}

/** Codes are compared without case and spaces, as people type them from a printed card. */
export function normalizeVoucherCode(code: string): string {
  return String(code ?? '').replace(/\s+/g, '').toUpperCase();
}

/** `code` `required`, `invalid` (no such voucher) or `used`. */
export function voucherReasons(code: string, voucher: VoucherRecord | undefined): FieldReason[] {
  if (normalizeVoucherCode(code) === '') return [reason('code', 'required')];
  if (!voucher) return [reason('code', 'invalid')];
  if (voucher.redeemedAt !== null) return [reason('code', 'used')];
  return [];
}
