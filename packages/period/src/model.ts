/** The nine Time::Period scales, in the order `format` writes them. */
export const SCALES = ['yr', 'mo', 'wk', 'yd', 'md', 'wd', 'hr', 'min', 'sec'] as const;
export type Scale = (typeof SCALES)[number];

/**
 * One `v` or `v-v` of a scale, as canonical numbers: wd 1–7 (1 = Sunday), mo 1–12, wk 1–6,
 * yd 1–366, md 1–31, hr/min/sec from 0. `from > to` wraps around (except for yr, where the
 * two ends are simply swapped). A single value has `from === to`.
 * yr keeps what was written: 0–99 is a two-digit year (completed with the century of the
 * evaluated time, as Time::Period does), otherwise a full year ≥ 1970.
 */
export interface ValueRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The scales of one comma-separated part. Scales are ANDed; the ranges of a scale are ORed.
 * A scale that is present with no ranges (`wd {}`) matches nothing.
 */
export type SubPeriod = { readonly [S in Scale]?: readonly ValueRange[] };

export type PeriodModel =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'periods'; readonly periods: readonly SubPeriod[] };

export const ALWAYS: PeriodModel = Object.freeze({ kind: 'always' });
export const NEVER: PeriodModel = Object.freeze({ kind: 'never' });

export const LONG_SCALE_NAMES: Readonly<Record<string, Scale>> = {
  year: 'yr',
  month: 'mo',
  week: 'wk',
  yday: 'yd',
  mday: 'md',
  wday: 'wd',
  hour: 'hr',
  minute: 'min',
  second: 'sec',
};

/** Smallest and largest value per scale. yr has no upper bound (see `isValidYear`). */
export const SCALE_BOUNDS: Readonly<Record<Scale, { readonly min: number; readonly max: number }>> = {
  yr: { min: 0, max: Number.POSITIVE_INFINITY },
  mo: { min: 1, max: 12 },
  wk: { min: 1, max: 6 },
  yd: { min: 1, max: 366 },
  md: { min: 1, max: 31 },
  wd: { min: 1, max: 7 },
  hr: { min: 0, max: 23 },
  min: { min: 0, max: 59 },
  sec: { min: 0, max: 59 },
};

/** The earliest four-digit year Time::Period accepts; 100–1969 are rejected. */
export const FIRST_FULL_YEAR = 1970;

export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 0 && (year <= 99 || year >= FIRST_FULL_YEAR);
}

/** A written yr value as a full year: 0–99 get the first two digits of the evaluated year. */
export function fullYear(written: number, evaluatedYear: number): number {
  if (written > 99) return written;
  const century =
    evaluatedYear >= 1000 && evaluatedYear <= 9999
      ? evaluatedYear - (evaluatedYear % 100)
      : Number(String(evaluatedYear).slice(0, 2)) * 100;
  return century + written;
}

/** Names as Time::Period matches them: only the first letters are significant. */
export const WEEKDAY_NAMES = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;
export const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
