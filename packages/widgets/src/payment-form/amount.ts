import { currencyDigits, type FieldReason } from '@ringside/core';

/** What the user typed as an amount, read in their locale. */
export type ParsedAmount = { ok: true; value: number } | { ok: false; reason: AmountProblem };

/**
 * `required`: nothing typed; `format`: not a number written the locale's way (e.g. `12.50` in
 * German, where `.` groups thousands: rather than guess, the form asks); `precision`: finer than
 * the currency's smallest unit; `negative`.
 */
export type AmountProblem = 'required' | 'format' | 'precision' | 'negative';

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separatorsOf(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.8);
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, found);
  }
  return found;
}

/** Arabic-Indic and Eastern Arabic-Indic digits, as Arabic keyboards type them, become 0–9. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** Spaces of every kind (French and Swiss groups are no-break spaces) count as the same group mark. */
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads an amount the way the locale writes it: `1,234.50` in English, `1.234,50` or `12,50` in
 * German, `١٢٫٥٠` in Arabic. Currency symbols and codes around the number are ignored; group
 * marks must group by three, so a mark in the wrong place is a `format` problem, not a guess.
 */
export function parseAmount(text: string, locale: string, currency: string): ParsedAmount {
  const { group, decimal } = separatorsOf(locale);
  let value = westernDigits(String(text ?? ''))
    .replace(/\p{Sc}/gu, '')
    .replace(new RegExp(`\\b${currency}\\b`, 'gi'), '')
    .trim()
    .replace(/\u066b/g, decimal === '\u066b' ? decimal : '.')
    .replace(/\u066c/g, group);
  if (value === '') return { ok: false, reason: 'required' };
  if (/^[-\u2212]/.test(value)) return { ok: false, reason: 'negative' };
  const groupMark = group.replace(SPACES, ' ');
  value = value.replace(SPACES, ' ');
  const decimalAt = value.lastIndexOf(decimal);
  const integerText = decimalAt >= 0 ? value.slice(0, decimalAt) : value;
  const fraction = decimalAt >= 0 ? value.slice(decimalAt + decimal.length) : '';
  if (!/^\d*$/.test(fraction) || (decimalAt >= 0 && fraction === '')) return { ok: false, reason: 'format' };
  const groups = integerText.split(groupMark === ' ' ? ' ' : groupMark);
  const [first = '', ...rest] = groups;
  const integerOk = /^\d+$/.test(first) && rest.every((part) => /^\d{3}$/.test(part)) && (rest.length === 0 || first.length <= 3);
  if (!integerOk && !(first === '' && rest.length === 0 && fraction !== '')) return { ok: false, reason: 'format' };
  if (fraction.length > currencyDigits(currency)) return { ok: false, reason: 'precision' };
  return { ok: true, value: Number(`${groups.join('') || '0'}.${fraction || '0'}`) };
}

/** The amount as the input shows it: the locale's digits and separators, no currency symbol. */
export function formatAmountInput(value: number, locale: string, currency: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }).format(value);
}

/** An example of how to type an amount in the locale (`12,50`), for hints and messages. */
export function amountExample(locale: string, currency: string): string {
  return formatAmountInput(12.5, locale, currency);
}

export interface AmountLimits {
  minAmount: number;
  maxAmount: number;
}

/** Reasons on field `amount`: a parse problem, or `too_small` { min } / `too_large` { max }. */
export function amountFieldReasons(parsed: ParsedAmount, limits: AmountLimits): FieldReason[] {
  if (!parsed.ok) return [{ field: 'amount', reason: parsed.reason }];
  if (parsed.value < limits.minAmount) return [{ field: 'amount', reason: 'too_small', params: { min: limits.minAmount } }];
  if (parsed.value > limits.maxAmount) return [{ field: 'amount', reason: 'too_large', params: { max: limits.maxAmount } }];
  return [];
}
