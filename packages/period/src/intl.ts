// Cached Intl formatters: creating one costs far more than using it.

const formatters = new Map<string, unknown>();

function cached<T>(key: string, create: () => T): T {
  let value = formatters.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    formatters.set(key, value);
  }
  return value;
}

export function numberFormat(locale: string): (value: number) => string {
  return cached(`number|${locale}`, () => {
    const format = new Intl.NumberFormat(locale, { useGrouping: false });
    return (value: number) => format.format(value);
  });
}

/** Short weekday names, index 0 = Sunday. */
export function weekdayNames(locale: string): readonly string[] {
  return cached(`weekdays|${locale}`, () => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    // 1 January 2023 was a Sunday.
    return Array.from({ length: 7 }, (_, index) => format.format(Date.UTC(2023, 0, 1 + index)));
  });
}

/** Short month names, index 0 = January. */
export function monthNames(locale: string): readonly string[] {
  return cached(`months|${locale}`, () => {
    const format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2023, index, 15)));
  });
}

export type HourCycle = 'h11' | 'h12' | 'h23' | 'h24';

/** A time of day (minutes from midnight; 1440 shows as midnight) in the locale's clock. */
export function clockFormat(locale: string, hourCycle: HourCycle | undefined): (minuteOfDay: number) => string {
  return cached(`clock|${locale}|${hourCycle ?? ''}`, () => {
    const resolved = new Intl.DateTimeFormat(locale, { hour: 'numeric', hourCycle }).resolvedOptions().hourCycle;
    const twentyFourHour = resolved === 'h23' || resolved === 'h24';
    const format = new Intl.DateTimeFormat(locale, {
      hour: twentyFourHour ? '2-digit' : 'numeric',
      minute: '2-digit',
      hourCycle,
      timeZone: 'UTC',
    });
    return (minuteOfDay: number) => format.format(Date.UTC(2023, 0, 1, 0, minuteOfDay % 1440));
  });
}

export function listFormat(locale: string, type: 'conjunction' | 'disjunction'): (items: readonly string[]) => string {
  return cached(`list|${type}|${locale}`, () => {
    const format = new Intl.ListFormat(locale, { type, style: 'long' });
    return (items: readonly string[]) => format.format(items);
  });
}
