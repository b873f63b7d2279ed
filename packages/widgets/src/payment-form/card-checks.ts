import type { CardExpiry, FieldReason } from '@ringside/core';

/** Card brands the checks know; any other number of 12–19 digits that passes Luhn is accepted as `unknown`. */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

interface BrandRule {
  brand: Exclude<CardBrand, 'unknown'>;
  prefix: RegExp;
  lengths: readonly number[];
  securityCode: number;
}

// Issuer prefixes and lengths as the card networks publish them (IIN ranges).
const BRANDS: readonly BrandRule[] = [
  { brand: 'amex', prefix: /^3[47]/, lengths: [15], securityCode: 4 },
  { brand: 'visa', prefix: /^4/, lengths: [13, 16, 19], securityCode: 3 },
  { brand: 'mastercard', prefix: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16], securityCode: 3 },
  { brand: 'discover', prefix: /^(6011|65|64[4-9])/, lengths: [16, 17, 18, 19], securityCode: 3 },
  { brand: 'diners', prefix: /^(30[0-5]|309|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19], securityCode: 3 },
  { brand: 'jcb', prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19], securityCode: 3 },
  { brand: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19], securityCode: 3 },
];

/** Digits only: pasted numbers keep their spaces and dashes (`4242-4242 …`), which mean nothing. */
export function digitsOf(text: string): string {
  return String(text ?? '').replace(/[\s\u00a0-]/g, '');
}

/** The Luhn (mod 10) check every card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function detectBrand(digits: string): CardBrand {
  return BRANDS.find((rule) => rule.prefix.test(digits))?.brand ?? 'unknown';
}

/** Length of the security code (CVC/CVV/CID) printed on the brand's cards. */
export function securityCodeLength(brand: CardBrand): number {
  return BRANDS.find((rule) => rule.brand === brand)?.securityCode ?? 3;
}

/** Groups digits as printed on the card: 4-6-5 for Amex, blocks of four otherwise. */
export function formatCardNumber(digits: string): string {
  const groups = detectBrand(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** Reasons on `number`: `required`, `invalid` (other characters), `length`, `luhn`. */
export function cardNumberReasons(text: string): FieldReason[] {
  const digits = digitsOf(text);
  if (digits === '') return [{ field: 'number', reason: 'required' }];
  if (!/^\d+$/.test(digits)) return [{ field: 'number', reason: 'invalid' }];
  const rule = BRANDS.find((candidate) => candidate.prefix.test(digits));
  const lengthOk = rule ? rule.lengths.includes(digits.length) : digits.length >= 12 && digits.length <= 19;
  if (!lengthOk) return [{ field: 'number', reason: 'length' }];
  if (!passesLuhn(digits)) return [{ field: 'number', reason: 'luhn' }];
  return [];
}

/** `MM/YY`, `MM / YYYY`, `MMYY` and `M/YY`, as people type the date on the card; null when it is none of these. */
export function parseExpiry(text: string): CardExpiry | null {
  const match = /^\s*(\d{1,2})\s*[/.-]?\s*(\d{2}|\d{4})\s*$/.exec(String(text ?? ''));
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** Reasons on `expiry`: `required`, `invalid`, `past` (a card is valid through the end of its month). */
export function expiryReasons(text: string, now: Date): FieldReason[] {
  if (String(text ?? '').trim() === '') return [{ field: 'expiry', reason: 'required' }];
  const expiry = parseExpiry(text);
  if (!expiry) return [{ field: 'expiry', reason: 'invalid' }];
  const year = now.getFullYear();
  if (expiry.year < year || (expiry.year === year && expiry.month < now.getMonth() + 1)) return [{ field: 'expiry', reason: 'past' }];
  if (expiry.year > year + 20) return [{ field: 'expiry', reason: 'invalid' }];
  return [];
}

/** Reasons on `securityCode`: `required`, `length` { length } for the brand of `number`. */
export function securityCodeReasons(code: string, number: string): FieldReason[] {
  const value = String(code ?? '').trim();
  if (value === '') return [{ field: 'securityCode', reason: 'required' }];
  const length = securityCodeLength(detectBrand(digitsOf(number)));
  if (!/^\d+$/.test(value) || value.length !== length) return [{ field: 'securityCode', reason: 'length', params: { length } }];
  return [];
}

/** Reasons on `holder`: `required`, `invalid` (digits, or fewer than two letters). */
export function holderReasons(name: string): FieldReason[] {
  const value = String(name ?? '').trim();
  if (value === '') return [{ field: 'holder', reason: 'required' }];
  if (/\d/.test(value) || (value.match(/\p{L}/gu)?.length ?? 0) < 2) return [{ field: 'holder', reason: 'invalid' }];
  return [];
}

export interface CardInput {
  number: string;
  expiry: string;
  securityCode: string;
  holder: string;
}

/** Every check of a card before it is tokenized, in the order of the fields. */
export function cardReasons(card: CardInput, now: Date): FieldReason[] {
  return [
    ...cardNumberReasons(card.number),
    ...expiryReasons(card.expiry, now),
    ...securityCodeReasons(card.securityCode, card.number),
    ...holderReasons(card.holder),
  ];
}
