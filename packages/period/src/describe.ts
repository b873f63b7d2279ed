import { normalizeLocale, translatorFor, type MessageOptions, type PeriodTranslate } from './i18n.js';
import { clockFormat, listFormat, monthNames, numberFormat, weekdayNames, type HourCycle } from './intl.js';
import { SCALES, fullYear, type PeriodModel, type Scale, type SubPeriod, type ValueRange } from './model.js';
import { valuesOf } from './ranges.js';
import { groupConsecutive } from './sequence.js';
import { minutesAllowed, unionOf, windowsOf, type DayWindow } from './time-of-day.js';

export interface DescribeOptions extends MessageOptions {
  /** Force a 12- or 24-hour clock; default: the locale's. */
  readonly hourCycle?: HourCycle;
  /** Two-digit years are shown in this date's century, as Time::Period evaluates them (default: now). */
  readonly referenceDate?: Date;
}

interface Wording {
  readonly t: PeriodTranslate;
  readonly number: (value: number) => string;
  readonly weekday: (value: number) => string;
  readonly month: (value: number) => string;
  readonly clock: (minuteOfDay: number) => string;
  readonly and: (items: readonly string[]) => string;
  readonly or: (items: readonly string[]) => string;
  readonly referenceYear: number;
}

/**
 * A short sentence for a period in the locale, e.g. "Mon–Fri, 20:00–08:00" for
 * `wd {mo-fr} hr {20-7}` (an hour range ends where its last hour ends: `hr {9-16}` is
 * 09:00–17:00). Sub-periods are joined with "or"; names come from Intl.
 */
export function describe(model: PeriodModel, locale: string, options: DescribeOptions = {}): string {
  const wording = wordingFor(normalizeLocale(locale), options);
  if (model.kind === 'always') return wording.t('always');
  // A scale without ranges matches nothing, and so does its sub-period.
  const live =
    model.kind === 'never' ? [] : model.periods.filter((part) => !SCALES.some((scale) => part[scale]?.length === 0));
  if (live.length === 0) return wording.t('never');
  const phrases: string[] = [];
  for (const group of groupConsecutive(live, calendarKey)) {
    for (const phrase of describeGroup(group, wording)) {
      if (phrase === '') return wording.t('always');
      if (!phrases.includes(phrase)) phrases.push(phrase);
    }
  }
  return wording.or(phrases);
}

function wordingFor(locale: string, options: DescribeOptions): Wording {
  const weekdays = weekdayNames(locale);
  const months = monthNames(locale);
  return {
    t: options.t ?? translatorFor(locale),
    number: numberFormat(locale),
    weekday: (value) => weekdays[value - 1]!,
    month: (value) => months[value - 1]!,
    clock: clockFormat(locale, options.hourCycle),
    and: listFormat(locale, 'conjunction'),
    or: listFormat(locale, 'disjunction'),
    referenceYear: (options.referenceDate ?? new Date()).getFullYear(),
  };
}

/** Sub-periods that differ only in hr and min have the same key. */
function calendarKey(subPeriod: SubPeriod): string {
  return SCALES.filter((scale) => scale !== 'hr' && scale !== 'min')
    .map((scale) => {
      const ranges = subPeriod[scale];
      if (!ranges) return '*';
      return scale === 'yr' ? JSON.stringify(ranges) : valuesOf(scale, ranges).join(' ');
    })
    .join('|');
}

/**
 * One phrase when the group's hours and minutes make a few stretches of time (08:30–17:00
 * is written as two sub-periods); otherwise each sub-period alone, minutes said separately.
 */
function describeGroup(group: readonly SubPeriod[], wording: Wording): string[] {
  const windows = windowsOf(unionOf(group.map(minutesAllowed)));
  const usesMinutes = group.some((part) => part.min !== undefined);
  if (!usesMinutes || windows === 'all-day' || windows.length <= group.length) {
    return [phrase(group[0]!, windows, undefined, wording)];
  }
  if (group.length > 1) return group.flatMap((part) => describeGroup([part], wording));
  const [part] = group;
  return [phrase(part!, windowsOf(minutesAllowed({ hr: part!.hr })), part!.min, wording)];
}

function phrase(
  part: SubPeriod,
  windows: readonly DayWindow[] | 'all-day',
  minutes: readonly ValueRange[] | undefined,
  wording: Wording,
): string {
  const { t, and } = wording;
  const parts = [
    part.wd && and(part.wd.map((range) => rangeText(range, wording.weekday, t))),
    windows !== 'all-day' &&
      and(windows.map(({ start, end }) => t('range', { from: wording.clock(start), to: wording.clock(end) }))),
    minutes && counted('minutes', 'min', minutes, wording),
    part.sec && counted('seconds', 'sec', part.sec, wording),
    part.md && counted('monthDays', 'md', part.md, wording),
    part.wk && counted('weeks', 'wk', part.wk, wording),
    part.mo && and(part.mo.map((range) => rangeText(range, wording.month, t))),
    part.yd && counted('yearDays', 'yd', part.yd, wording),
    part.yr && years(part.yr, wording),
  ];
  return parts.filter((text): text is string => typeof text === 'string').join(t('partSeparator'));
}

function rangeText({ from, to }: ValueRange, label: (value: number) => string, t: PeriodTranslate): string {
  return from === to ? label(from) : t('range', { from: label(from), to: label(to) });
}

function counted(key: string, scale: Scale, ranges: readonly ValueRange[], wording: Wording): string {
  const list = wording.and(ranges.map((range) => rangeText(range, wording.number, wording.t)));
  return wording.t(key, { list, count: valuesOf(scale, ranges).length });
}

/** Years never wrap; two-digit years are completed with the reference year's century. */
function years(ranges: readonly ValueRange[], wording: Wording): string {
  let count = 0;
  const full = ranges.map(({ from, to }) => {
    const first = fullYear(from, wording.referenceYear);
    const last = fullYear(to, wording.referenceYear);
    count += Math.abs(last - first) + 1;
    return { from: Math.min(first, last), to: Math.max(first, last) };
  });
  const list = wording.and(full.map((range) => rangeText(range, wording.number, wording.t)));
  return wording.t('years', { list, count });
}
