import { englishText } from './i18n.js';
import {
  ALWAYS,
  NEVER,
  SCALES,
  SCALE_BOUNDS,
  type PeriodModel,
  type Scale,
  type SubPeriod,
  type ValueRange,
} from './model.js';
import { isUnrestricted } from './format.js';
import { rangesOf, valuesOf } from './ranges.js';
import { groupConsecutive } from './sequence.js';
import { MINUTES_PER_DAY, minutesAllowed, unionOf, windowsOf, type DayWindow } from './time-of-day.js';

/**
 * One row of the period wizard. The days apply to the calendar day of each moment, so an
 * overnight row (start 20:00, end 08:00, Mon–Fri) covers 00:00–08:00 and 20:00–24:00 of
 * each Monday to Friday, exactly as `wd {mo-fr} hr {20-7}` does.
 */
export interface FormPeriod {
  /** 'HH:MM' (00:00–23:59), or null for midnight. Both null: the whole day. */
  readonly start: string | null;
  /** 'HH:MM', exclusive; '24:00' (also read: '00:00') is midnight at the end of the day, null too. */
  readonly end: string | null;
  /** 1–7, 1 = Sunday; empty: every day of the week. */
  readonly weekdays: readonly number[];
  /** 1–12; empty: every month. */
  readonly months: readonly number[];
  /** 1–31; empty: every day of the month. */
  readonly monthDays: readonly number[];
}

const FORM_SCALES: ReadonlySet<Scale> = new Set(['mo', 'md', 'wd', 'hr', 'min']);
const DAY_FIELDS = [
  ['months', 'mo'],
  ['monthDays', 'md'],
  ['weekdays', 'wd'],
] as const;

/**
 * The wizard rows for a model, or null when the form cannot show it (yr, wk, yd or sec, an
 * empty scale, or minutes that do not make one stretch of time, e.g. `min {0-29}`).
 * `always` (or any row without restriction) is one unrestricted row; `never` is no row.
 * Consecutive sub-periods with the same days are merged, and their times are split into
 * stretches ordered by start. `fromFormPeriods(toFormPeriods(m))` matches exactly the same
 * moments as `m`, and `toFormPeriods(fromFormPeriods(rows))` gives rows back unchanged when
 * neighbouring rows differ in days.
 */
export function toFormPeriods(model: PeriodModel): FormPeriod[] | null {
  if (model.kind === 'always') return [wholeDayRow({})];
  if (model.kind === 'never') return [];
  if (!model.periods.every(fitsForm)) return null;
  const rows = groupConsecutive(model.periods, dayKey).flatMap((group) => {
    const windows = windowsOf(unionOf(group.map(minutesAllowed)));
    if (windows === 'all-day') return [wholeDayRow(group[0]!)];
    return windows.map((window) => ({ ...timesOf(window), ...daysOf(group[0]!) }));
  });
  // A row without restriction (e.g. from `hr {0-23}`) makes the whole period always.
  return rows.some(isUnrestrictedRow) ? [wholeDayRow({})] : rows;
}

export function isRepresentableInForm(model: PeriodModel): boolean {
  return toFormPeriods(model) !== null;
}

/**
 * The model for wizard rows (ORed). A row becomes one sub-period, or up to three when
 * its times are not whole hours (08:30–17:00 is `hr {8} min {30-59}, hr {9-16}`).
 * No rows is `never`; a row without any restriction is `always`.
 * Throws RangeError for values outside the ranges documented on `FormPeriod`.
 */
export function fromFormPeriods(rows: readonly FormPeriod[]): PeriodModel {
  if (rows.length === 0) return NEVER;
  const periods = rows.flatMap((row) => {
    const days = dayScalesOf(row);
    const window = windowOfRow(row);
    if (window === 'all-day') return [days];
    return timeScalesOf(window).map((times): SubPeriod => ({ ...days, ...times }));
  });
  return periods.some(isUnrestricted) ? ALWAYS : { kind: 'periods', periods };
}

function fitsForm(subPeriod: SubPeriod): boolean {
  for (const scale of SCALES) {
    const ranges = subPeriod[scale];
    if (ranges === undefined) continue;
    if (!FORM_SCALES.has(scale) || ranges.length === 0) return false;
  }
  if (subPeriod.min === undefined) return true;
  const windows = windowsOf(minutesAllowed(subPeriod));
  return windows === 'all-day' || windows.length === 1;
}

function dayKey(subPeriod: SubPeriod): string {
  return DAY_FIELDS.map(([, scale]) => (subPeriod[scale] ? valuesOf(scale, subPeriod[scale]).join(' ') : '*')).join(
    '|',
  );
}

function daysOf(subPeriod: SubPeriod): Pick<FormPeriod, 'weekdays' | 'months' | 'monthDays'> {
  return {
    weekdays: subPeriod.wd ? valuesOf('wd', subPeriod.wd) : [],
    months: subPeriod.mo ? valuesOf('mo', subPeriod.mo) : [],
    monthDays: subPeriod.md ? valuesOf('md', subPeriod.md) : [],
  };
}

function isUnrestrictedRow(row: FormPeriod): boolean {
  return row.start === null && row.weekdays.length === 0 && row.months.length === 0 && row.monthDays.length === 0;
}

function wholeDayRow(subPeriod: SubPeriod): FormPeriod {
  return { start: null, end: null, ...daysOf(subPeriod) };
}

function timesOf({ start, end }: DayWindow): Pick<FormPeriod, 'start' | 'end'> {
  return { start: clockText(start), end: clockText(end) };
}

function clockText(minuteOfDay: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

const CLOCK = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function minuteOfDay(field: 'start' | 'end', text: string): number {
  if (field === 'end' && text === '24:00') return MINUTES_PER_DAY;
  const clock = CLOCK.exec(text);
  if (!clock) throw new RangeError(englishText('errors.invalid_form_time', { value: text }));
  const minute = Number(clock[1]) * 60 + Number(clock[2]);
  return field === 'end' && minute === 0 ? MINUTES_PER_DAY : minute;
}

function windowOfRow(row: FormPeriod): DayWindow | 'all-day' {
  const start = row.start === null ? 0 : minuteOfDay('start', row.start);
  const end = row.end === null ? MINUTES_PER_DAY : minuteOfDay('end', row.end);
  if (end % MINUTES_PER_DAY === start) return 'all-day';
  return { start, end };
}

/** mo, md, wd ranges (in `SCALES` order, so adding hr and min keeps `parse`'s order). */
function dayScalesOf(row: FormPeriod): SubPeriod {
  const scales: { [S in Scale]?: ValueRange[] } = {};
  for (const [field, scale] of DAY_FIELDS) {
    const values = row[field];
    const { min, max } = SCALE_BOUNDS[scale];
    for (const value of values) {
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(englishText('errors.invalid_form_value', { field, value }));
      }
    }
    if (values.length > 0) scales[scale] = rangesOf([...new Set(values)].sort((a, b) => a - b));
  }
  return scales;
}

/**
 * Hour and minute scales for one stretch: a partial first hour, the whole hours, a partial
 * last hour; each becomes its own sub-period since scales within one are ANDed.
 */
function timeScalesOf({ start, end }: DayWindow): SubPeriod[] {
  const pieces: SubPeriod[] = [];
  let cursor = start;
  let remaining = (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  const partialHour = (minutes: number): SubPeriod => {
    const hour = Math.floor(cursor / 60);
    const minute = cursor % 60;
    return { hr: [{ from: hour, to: hour }], min: [{ from: minute, to: minute + minutes - 1 }] };
  };
  const advance = (minutes: number) => {
    cursor = (cursor + minutes) % MINUTES_PER_DAY;
    remaining -= minutes;
  };
  if (cursor % 60 !== 0) {
    const minutes = Math.min(60 - (cursor % 60), remaining);
    pieces.push(partialHour(minutes));
    advance(minutes);
  }
  const wholeHours = Math.floor(remaining / 60);
  if (wholeHours > 0) {
    const firstHour = cursor / 60;
    pieces.push({ hr: [{ from: firstHour, to: (firstHour + wholeHours - 1) % 24 }] });
    advance(wholeHours * 60);
  }
  if (remaining > 0) pieces.push(partialHour(remaining));
  return pieces;
}
