import type { FieldReason } from '@ringside/core';
import { digitsOf } from './card-checks.js';

/** ABA routing numbers: nine digits whose weighted sum (3, 7, 1, …) is a multiple of ten. */
export function passesAbaChecksum(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = weights.reduce((total, weight, index) => total + weight * (digits.charCodeAt(index) - 48), 0);
  return sum % 10 === 0;
}

/** Reasons on `routingNumber`: `required`, `length` (not nine digits), `checksum`. */
export function routingNumberReasons(text: string): FieldReason[] {
  const digits = digitsOf(text);
  if (digits === '') return [{ field: 'routingNumber', reason: 'required' }];
  if (!/^\d{9}$/.test(digits)) return [{ field: 'routingNumber', reason: 'length', params: { length: 9 } }];
  if (!passesAbaChecksum(digits)) return [{ field: 'routingNumber', reason: 'checksum' }];
  return [];
}

/** Reasons on `accountNumber`: `required`, `invalid` (US account numbers have 4 to 17 digits). */
export function accountNumberReasons(text: string): FieldReason[] {
  const digits = digitsOf(text);
  if (digits === '') return [{ field: 'accountNumber', reason: 'required' }];
  if (!/^\d{4,17}$/.test(digits)) return [{ field: 'accountNumber', reason: 'invalid' }];
  return [];
}

export const ACCOUNT_TYPES = ['checking', 'savings'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export function accountTypeReasons(value: string): FieldReason[] {
  return (ACCOUNT_TYPES as readonly string[]).includes(value) ? [] : [{ field: 'accountType', reason: 'required' }];
}

/** IBAN lengths of the SEPA countries and their neighbours (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** The IBAN without spaces, in capitals, as banks compare it. */
export function normalizeIban(text: string): string {
  return String(text ?? '')
    .replace(/[\s\u00a0-]/g, '')
    .toUpperCase();
}

/** ISO 7064 mod 97-10: moving the first four characters to the end and reading letters as 10–35 leaves 1. */
export function passesIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** Reasons on `iban`: `required`, `invalid` (characters), `country`, `length` { length }, `checksum`. */
export function ibanReasons(text: string): FieldReason[] {
  const iban = normalizeIban(text);
  if (iban === '') return [{ field: 'iban', reason: 'required' }];
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return [{ field: 'iban', reason: 'invalid' }];
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return [{ field: 'iban', reason: 'country' }];
  if (iban.length !== length) return [{ field: 'iban', reason: 'length', params: { length } }];
  if (!passesIbanChecksum(iban)) return [{ field: 'iban', reason: 'checksum' }];
  return [];
}

/** Groups of four, as IBANs are printed. */
export function formatIban(text: string): string {
  return normalizeIban(text).replace(/(.{4})(?=.)/g, '$1 ');
}
