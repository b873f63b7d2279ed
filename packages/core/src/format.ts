import { directionOf } from './direction.js';

/** Locale-aware formatting through Intl. Formatters are cached: creating them is the slow part. */
export interface Formatter {
  readonly locale: string;
  money(amount: number, currency: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(ratio: number): string;
  date(value: Date | string, style?: 'short' | 'medium' | 'long'): string;
  dateTime(value: Date | string): string;
  /** Day and short month, e.g. "23 Nov", for chart axes. */
  dayMonth(value: Date | string): string;
  /** "3 days ago", "in 2 hours"; relative to `now`. */
  relative(value: Date | string, now?: Date): string;
  /** A list of names as the locale joins them ("A, B and C"); `unit` for facts without a conjunction ("2 KB, PDF"). */
  list(items: readonly string[], options?: { type?: Intl.ListFormatType; style?: Intl.ListFormatStyle }): string;
  /** A card's expiry as the locale writes month and year with two digits each (e.g. "09/27" in English, with the locale's digits in Arabic). */
  cardExpiry(expiry: { month: number; year: number }): string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A date-only string (`2026-11-23`) means that calendar day, not midnight UTC shifted into the viewer's zone. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  return new Date(value);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Left-to-right isolate: keeps a Latin currency code like "US$" in one piece inside right-to-left text. */
const LRI = '\u2066';
const PDI = '\u2069';

export function createFormatter(locale: string): Formatter {
  const rtl = directionOf(locale) === 'rtl';
  const number = (value: number, options: Intl.NumberFormatOptions = {}) =>
    cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
  const date = (value: Date | string, style: 'short' | 'medium' | 'long' = 'medium') =>
    cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style })).format(toDate(value));
  return {
    locale,
    money: (amount, currency) => {
      const formatter = cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })) as Intl.NumberFormat;
      if (!rtl) return formatter.format(amount);
      return formatter
        .formatToParts(amount)
        .map((part) => (part.type === 'currency' && /[A-Za-z]/.test(part.value) ? `${LRI}${part.value}${PDI}` : part.value))
        .join('');
    },
    number,
    percent: (ratio) => number(ratio, { style: 'percent', maximumFractionDigits: 0 }),
    date,
    dateTime: (value) => cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(toDate(value)),
    dayMonth: (value) => cached(`dm|${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' })).format(toDate(value)),
    cardExpiry: ({ month, year }) =>
      cached(`ce|${locale}`, () => new Intl.DateTimeFormat(locale, { month: '2-digit', year: '2-digit', timeZone: 'UTC' })).format(
        new Date(Date.UTC(year, month - 1, 1))
      ),
    list: (items, { type = 'conjunction', style = 'long' } = {}) =>
      cached(`l|${locale}|${type}|${style}`, () => new Intl.ListFormat(locale, { type, style })).format(items),
    relative: (value, now = new Date()) => {
      const seconds = (toDate(value).getTime() - now.getTime()) / 1000;
      const rtf = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })) as Intl.RelativeTimeFormat;
      for (const [unit, size] of RELATIVE_UNITS) {
        if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit);
      }
      return rtf.format(0, 'second');
    },
  };
}
