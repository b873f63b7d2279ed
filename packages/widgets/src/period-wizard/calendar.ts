/**
 * Localized names for the wizard's day and month checkboxes, from Intl, in Time::Period's
 * numbering (weekdays 1–7 with 1 = Sunday, months 1–12). No DOM.
 */

export type NameWidth = 'short' | 'long';

const cache = new Map<string, readonly string[]>();

function cached(key: string, make: () => readonly string[]): readonly string[] {
  let names = cache.get(key);
  if (!names) {
    names = make();
    cache.set(key, names);
  }
  return names;
}

/** Weekday names; index 0 is Sunday (Time::Period's `wd {1}`). */
export function weekdayNames(locale: string, width: NameWidth): readonly string[] {
  return cached(`wd|${width}|${locale}`, () => {
    const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
    // 1 January 2023 was a Sunday.
    return Array.from({ length: 7 }, (_, index) => format.format(Date.UTC(2023, 0, 1 + index)));
  });
}

/** Month names; index 0 is January. */
export function monthNames(locale: string, width: NameWidth): readonly string[] {
  return cached(`mo|${width}|${locale}`, () => {
    const format = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2023, index, 15)));
  });
}

/** Day-of-month labels 1–31 in the locale's digits; index 0 is day 1. */
export function monthDayLabels(locale: string): readonly string[] {
  return cached(`md|${locale}`, () => {
    const format = new Intl.NumberFormat(locale, { useGrouping: false });
    return Array.from({ length: 31 }, (_, index) => format.format(index + 1));
  });
}

interface WeekInfo {
  firstDay?: number;
}

/**
 * The first day of the week in the locale, as a Time::Period weekday (1 = Sunday, 2 = Monday,
 * 7 = Saturday). Intl gives it as ISO (1 = Monday … 7 = Sunday); without week data, Monday.
 */
export function firstWeekday(locale: string): number {
  let info: WeekInfo | undefined;
  try {
    const tag = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
    info = typeof tag.getWeekInfo === 'function' ? tag.getWeekInfo() : tag.weekInfo;
  } catch {
    info = undefined;
  }
  const iso = info?.firstDay;
  if (!iso || iso < 1 || iso > 7) return 2;
  return (iso % 7) + 1;
}

/** Weekdays 1–7 (1 = Sunday) in the order the locale's week runs. */
export function weekdayOrder(locale: string): number[] {
  const first = firstWeekday(locale);
  return Array.from({ length: 7 }, (_, index) => ((first - 1 + index) % 7) + 1);
}
