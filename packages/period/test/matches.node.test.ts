import { describe, expect, it } from 'vitest';
import { PeriodSyntaxError, compile, matches, parseOrThrow } from '../src/index.js';

/** A UTC instant; all cases below evaluate in UTC unless they name a zone. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour, minute, second));
const inUtc = (period: string, at: Date) => matches(period, at, 'UTC');

// 2025-01-06 is a Monday.
const MONDAY_NOON = utc(2025, 1, 6, 12, 0, 0);

describe('matches: whole-period words', () => {
  it('is always true for empty text and Always, never for none', () => {
    expect(inUtc('', MONDAY_NOON)).toBe(true);
    expect(inUtc('  ', MONDAY_NOON)).toBe(true);
    expect(inUtc('Always', MONDAY_NOON)).toBe(true);
    expect(inUtc('none', MONDAY_NOON)).toBe(false);
    expect(inUtc(',', MONDAY_NOON)).toBe(false);
  });

  it('never matches a scale without ranges', () => {
    expect(inUtc('wd {}', MONDAY_NOON)).toBe(false);
    expect(inUtc('wd {} , hr {12}', MONDAY_NOON)).toBe(true);
  });
});

describe('matches: each scale', () => {
  it('yr: four-digit years, and two-digit years in the evaluated century; never wraps', () => {
    expect(inUtc('yr {2025}', MONDAY_NOON)).toBe(true);
    expect(inUtc('yr {25}', MONDAY_NOON)).toBe(true);
    expect(inUtc('yr {24}', MONDAY_NOON)).toBe(false);
    expect(inUtc('yr {2030-2020}', MONDAY_NOON)).toBe(true);
    expect(inUtc('yr {99-1972}', MONDAY_NOON)).toBe(true); // 1972–2099
    expect(inUtc('yr {99-1972}', utc(1971, 6, 1))).toBe(false); // 1972–1999
    expect(inUtc('yr {99-1972}', utc(2100, 1, 1))).toBe(true); // 1972–2199
    expect(inUtc('yr {0}', utc(2100, 1, 1))).toBe(true);
    expect(inUtc('yr {0}', utc(2000, 1, 1))).toBe(true);
    expect(inUtc('year {1999}', utc(2000, 1, 1))).toBe(false);
  });

  it('mo: numbers and names, wrapping', () => {
    expect(inUtc('mo {jan}', MONDAY_NOON)).toBe(true);
    expect(inUtc('mo {1}', MONDAY_NOON)).toBe(true);
    expect(inUtc('mo {nov-feb}', MONDAY_NOON)).toBe(true);
    expect(inUtc('mo {nov-feb}', utc(2025, 3, 1))).toBe(false);
    expect(inUtc('month {February}', utc(2025, 2, 28, 23, 59, 59))).toBe(true);
  });

  it('wk: week of the month, a new week starting each Sunday after the 1st', () => {
    // March 2025: the 1st is a Saturday, so week 1 is only the 1st and the 2nd starts week 2.
    expect(inUtc('wk {1}', utc(2025, 3, 1, 23, 59, 59))).toBe(true);
    expect(inUtc('wk {2}', utc(2025, 3, 2))).toBe(true);
    expect(inUtc('wk {6}', utc(2025, 3, 30))).toBe(true);
    // June 2025: the 1st is a Sunday and stays in week 1.
    expect(inUtc('wk {1}', utc(2025, 6, 1))).toBe(true);
    expect(inUtc('wk {1}', utc(2025, 6, 7))).toBe(true);
    expect(inUtc('wk {2}', utc(2025, 6, 8))).toBe(true);
    expect(inUtc('week {5-2}', utc(2025, 6, 8))).toBe(true);
    expect(inUtc('week {5-2}', utc(2025, 6, 15))).toBe(false);
  });

  it('yd: day of the year, 366 on 31 December of a leap year', () => {
    expect(inUtc('yd {6}', MONDAY_NOON)).toBe(true);
    expect(inUtc('yd {60}', utc(2024, 2, 29))).toBe(true);
    expect(inUtc('yd {60}', utc(2025, 3, 1))).toBe(true);
    expect(inUtc('yd {366}', utc(2024, 12, 31))).toBe(true);
    expect(inUtc('yday {360-5}', MONDAY_NOON)).toBe(false);
    expect(inUtc('yday {360-6}', MONDAY_NOON)).toBe(true);
  });

  it('md: day of the month, wrapping', () => {
    expect(inUtc('md {6}', MONDAY_NOON)).toBe(true);
    expect(inUtc('md {28-3}', utc(2025, 2, 1))).toBe(true);
    expect(inUtc('md {28-3}', utc(2025, 2, 4))).toBe(false);
    expect(inUtc('mday {31}', utc(2025, 1, 31))).toBe(true);
  });

  it('wd: numbers (1 = Sunday), two-letter and longer names, wrapping', () => {
    expect(inUtc('wd {2}', MONDAY_NOON)).toBe(true);
    expect(inUtc('wd {mo}', MONDAY_NOON)).toBe(true);
    expect(inUtc('wd {Monday}', MONDAY_NOON)).toBe(true);
    expect(inUtc('wd {mon-fri}', MONDAY_NOON)).toBe(true);
    expect(inUtc('wd {tu-sa}', MONDAY_NOON)).toBe(false);
    expect(inUtc('wd {sa-mo}', MONDAY_NOON)).toBe(true);
    expect(inUtc('wday {su}', utc(2025, 1, 5))).toBe(true);
  });

  it('hr: each value covers its whole hour; am/pm/noon; wrapping', () => {
    expect(inUtc('hr {9-16}', utc(2025, 1, 6, 16, 59, 59))).toBe(true);
    expect(inUtc('hr {9-16}', utc(2025, 1, 6, 17))).toBe(false);
    expect(inUtc('hr {9am-4pm}', utc(2025, 1, 6, 9))).toBe(true);
    expect(inUtc('hr {12am}', utc(2025, 1, 6, 0, 30))).toBe(true);
    expect(inUtc('hr {12noon}', MONDAY_NOON)).toBe(true);
    expect(inUtc('hr {12pm}', MONDAY_NOON)).toBe(true);
    expect(inUtc('hr {1pm}', utc(2025, 1, 6, 13))).toBe(true);
    expect(inUtc('hr {20-7}', utc(2025, 1, 6, 23))).toBe(true);
    expect(inUtc('hr {20-7}', utc(2025, 1, 6, 7, 59))).toBe(true);
    expect(inUtc('hr {20-7}', utc(2025, 1, 6, 8))).toBe(false);
    expect(inUtc('hour {6pm-5am}', utc(2025, 1, 6, 18))).toBe(true);
  });

  it('min and sec, wrapping', () => {
    expect(inUtc('min {0-29}', utc(2025, 1, 6, 3, 29))).toBe(true);
    expect(inUtc('minute {0-29}', utc(2025, 1, 6, 3, 30))).toBe(false);
    expect(inUtc('min {50-9}', utc(2025, 1, 6, 3, 5))).toBe(true);
    expect(inUtc('sec {0-4 10-14}', utc(2025, 1, 6, 3, 5, 12))).toBe(true);
    expect(inUtc('second {0-4 10-14}', utc(2025, 1, 6, 3, 5, 7))).toBe(false);
  });
});

describe('matches: combining', () => {
  const workHours = 'wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}';

  it('ANDs the scales of a sub-period and ORs the sub-periods', () => {
    expect(inUtc(workHours, MONDAY_NOON)).toBe(true);
    expect(inUtc(workHours, utc(2025, 1, 6, 8))).toBe(false);
    expect(inUtc(workHours, utc(2025, 1, 11, 13, 59))).toBe(true);
    expect(inUtc(workHours, utc(2025, 1, 11, 14))).toBe(false);
    expect(inUtc(workHours, utc(2025, 1, 12, 12))).toBe(false);
  });

  it('ORs the ranges of a scale and of a repeated scale', () => {
    expect(inUtc('mo {jan feb} mo {nov dec}', utc(2025, 12, 1))).toBe(true);
    expect(inUtc('mo {jan feb} mo {nov dec}', utc(2025, 3, 1))).toBe(false);
  });

  it('treats wrapping weekdays with an overnight hour range per calendar day', () => {
    const nights = 'wd {mo-fr} hr {20-7}';
    expect(inUtc(nights, utc(2025, 1, 6, 3))).toBe(true); // Monday 03:00
    expect(inUtc(nights, utc(2025, 1, 10, 22))).toBe(true); // Friday 22:00
    expect(inUtc(nights, utc(2025, 1, 11, 3))).toBe(false); // Saturday 03:00
  });
});

describe('matches: time zones', () => {
  // 2025-01-06 23:30 UTC is Monday 18:30 in New York and Tuesday 08:30 in Tokyo.
  const instant = utc(2025, 1, 6, 23, 30);

  it('takes the local time in the given zone', () => {
    expect(matches('wd {mo} hr {18}', instant, 'America/New_York')).toBe(true);
    expect(matches('wd {mo} hr {18}', instant, 'Asia/Tokyo')).toBe(false);
    expect(matches('wd {tu} hr {8} min {30}', instant, 'Asia/Tokyo')).toBe(true);
    expect(matches('md {7} yd {7}', instant, 'Asia/Tokyo')).toBe(true);
    expect(matches('md {6} yd {6}', instant, 'America/New_York')).toBe(true);
  });

  it('follows daylight saving time', () => {
    // 2025-03-09: New York skips from 02:00 to 03:00 at 07:00 UTC.
    expect(matches('hr {1}', utc(2025, 3, 9, 6, 59, 59), 'America/New_York')).toBe(true);
    expect(matches('hr {3}', utc(2025, 3, 9, 7), 'America/New_York')).toBe(true);
    expect(matches('hr {2}', utc(2025, 3, 9, 7), 'America/New_York')).toBe(false);
  });

  it('uses the runtime zone without a zone', () => {
    const local = new Date(2025, 0, 6, 12, 0, 0);
    expect(matches('wd {mo} hr {12} md {6} mo {jan} yr {2025}', local)).toBe(true);
  });

  it('accepts epoch milliseconds', () => {
    expect(matches('wd {mo}', MONDAY_NOON.getTime(), 'UTC')).toBe(true);
  });

  it('throws for an unknown zone and an invalid date', () => {
    expect(() => matches('wd {mo}', MONDAY_NOON, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => matches('wd {mo}', new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => matches('', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('compile', () => {
  it('returns a reusable matcher for text or model', () => {
    const fromText = compile('wd {mo-fr} hr {9-16}');
    const fromModel = compile(parseOrThrow('wd {mo-fr} hr {9-16}'));
    for (const hour of [8, 9, 16, 17]) {
      const at = utc(2025, 1, 6, hour);
      expect(fromText(at, 'UTC')).toBe(hour >= 9 && hour <= 16);
      expect(fromModel(at, 'UTC')).toBe(fromText(at, 'UTC'));
    }
  });

  it('gives the same answers with and without the UTC shortcut and across zones in turn', () => {
    const matcher = compile('wd {mo-fr} hr {20-7} md {1-15}, mo {dec} wk {5-6} min {0-29}');
    for (let hour = 0; hour < 24 * 40; hour += 7) {
      const at = Date.UTC(2025, 11, 1, hour, hour % 60);
      expect(matcher(at, 'UTC')).toBe(matcher(at, 'Etc/UTC'));
      matcher(at, 'Asia/Tokyo');
    }
  });

  it('throws PeriodSyntaxError for malformed text', () => {
    expect(() => compile('wd {xx}')).toThrow(PeriodSyntaxError);
    expect(() => matches('hr {25}', MONDAY_NOON)).toThrow(PeriodSyntaxError);
  });
});
