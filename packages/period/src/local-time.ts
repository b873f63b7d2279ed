import { SCALES, type Scale } from './model.js';

/**
 * A moment broken down the way Time::Period sees it, one slot per scale in `SCALES` order:
 * full year, month 1–12, week of month 1–6, day of year 1–366, day of month, weekday 1–7
 * (1 = Sunday), hour, minute, second.
 */
export type LocalTime = Int32Array;

export const YEAR = 0;
const MONTH = 1;
const WEEK = 2;
const YEAR_DAY = 3;
const MONTH_DAY = 4;
const WEEKDAY = 5;
const HOUR = 6;
const MINUTE = 7;
const SECOND = 8;

export function slotOf(scale: Scale): number {
  return SCALES.indexOf(scale);
}

/** Bit set of the slots to fill, including the slots that week and day of year derive from. */
export function slotsNeeded(scales: Iterable<Scale>): number {
  let needed = 0;
  for (const scale of scales) needed |= 1 << slotOf(scale);
  if (needed & (1 << WEEK)) needed |= (1 << MONTH_DAY) | (1 << WEEKDAY);
  if (needed & (1 << YEAR_DAY)) needed |= (1 << YEAR) | (1 << MONTH) | (1 << MONTH_DAY);
  return needed;
}

const runtimeZoneTime: LocalTime = new Int32Array(SCALES.length);
const reusableDate = new Date(0);

/**
 * The local time of `epochMs` in `timeZone` (an IANA name; undefined = the runtime's zone).
 * Returns a shared buffer: read it before the next call.
 */
export function localTime(epochMs: number, timeZone: string | undefined, needed: number): LocalTime {
  if (timeZone === undefined) return fromDateGetters(epochMs, needed, false);
  if (timeZone === 'UTC') return fromDateGetters(epochMs, needed, true);
  return zoneReader(timeZone).read(epochMs);
}

function fromDateGetters(epochMs: number, needed: number, utc: boolean): LocalTime {
  const date = reusableDate;
  date.setTime(epochMs);
  const time = runtimeZoneTime;
  if (needed & (1 << YEAR)) time[YEAR] = utc ? date.getUTCFullYear() : date.getFullYear();
  if (needed & (1 << MONTH)) time[MONTH] = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  if (needed & (1 << MONTH_DAY)) time[MONTH_DAY] = utc ? date.getUTCDate() : date.getDate();
  if (needed & (1 << WEEKDAY)) time[WEEKDAY] = (utc ? date.getUTCDay() : date.getDay()) + 1;
  if (needed & (1 << HOUR)) time[HOUR] = utc ? date.getUTCHours() : date.getHours();
  if (needed & (1 << MINUTE)) time[MINUTE] = utc ? date.getUTCMinutes() : date.getMinutes();
  if (needed & (1 << SECOND)) time[SECOND] = utc ? date.getUTCSeconds() : date.getSeconds();
  if (needed & (1 << WEEK)) time[WEEK] = weekOfMonth(time[MONTH_DAY]!, time[WEEKDAY]!);
  if (needed & (1 << YEAR_DAY)) time[YEAR_DAY] = dayOfYear(time[YEAR]!, time[MONTH]!, time[MONTH_DAY]!);
  return time;
}

const WEEKDAY_BY_SHORT_NAME: Readonly<Record<string, number>> = {
  Sun: 1,
  Mon: 2,
  Tue: 3,
  Wed: 4,
  Thu: 5,
  Fri: 6,
  Sat: 7,
};

const SLOT_BY_PART: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {
  year: YEAR,
  month: MONTH,
  day: MONTH_DAY,
  hour: HOUR,
  minute: MINUTE,
  second: SECOND,
};

/** Breaks moments down in one IANA zone; remembers the last second it read. */
class ZoneReader {
  private readonly format: Intl.DateTimeFormat;
  private readonly time: LocalTime = new Int32Array(SCALES.length);
  private second = Number.NaN;

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  read(epochMs: number): LocalTime {
    const second = Math.floor(epochMs / 1000);
    if (second === this.second) return this.time;
    const time = this.time;
    for (const { type, value } of this.format.formatToParts(epochMs)) {
      if (type === 'weekday') time[WEEKDAY] = WEEKDAY_BY_SHORT_NAME[value] ?? 0;
      else if (SLOT_BY_PART[type] !== undefined) time[SLOT_BY_PART[type]] = Number(value);
    }
    time[WEEK] = weekOfMonth(time[MONTH_DAY]!, time[WEEKDAY]!);
    time[YEAR_DAY] = dayOfYear(time[YEAR]!, time[MONTH]!, time[MONTH_DAY]!);
    this.second = second;
    return time;
  }
}

const zoneReaders = new Map<string, ZoneReader>();

function zoneReader(timeZone: string): ZoneReader {
  let reader = zoneReaders.get(timeZone);
  if (!reader) {
    reader = new ZoneReader(timeZone);
    zoneReaders.set(timeZone, reader);
  }
  return reader;
}

/**
 * Time::Period's week of the month: week 1 runs from the 1st to the first Saturday, and each
 * Sunday after the 1st starts the next week (so a month spans up to 6 weeks).
 */
export function weekOfMonth(monthDay: number, weekday: number): number {
  const weekdayOfFirst = (((weekday - 1 - (monthDay - 1)) % 7) + 7) % 7;
  return Math.floor((monthDay - 1 + weekdayOfFirst) / 7) + 1;
}

const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function dayOfYear(year: number, month: number, monthDay: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return DAYS_BEFORE_MONTH[month]! + monthDay + (leap && month > 2 ? 1 : 0);
}
