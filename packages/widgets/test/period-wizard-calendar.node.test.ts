import { describe, expect, it } from 'vitest';
import { firstWeekday, monthDayLabels, monthNames, weekdayNames, weekdayOrder } from '../src/period-wizard/calendar.js';

describe('calendar names for the wizard', () => {
  it('names weekdays in Time::Period order (index 0 = Sunday) in the locale', () => {
    expect(weekdayNames('en', 'long')).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(weekdayNames('de', 'short')[1]).toBe('Mo');
    expect(weekdayNames('ar', 'long')[5]).toBe('الجمعة');
  });

  it('names months (index 0 = January)', () => {
    expect(monthNames('en', 'short')[0]).toBe('Jan');
    expect(monthNames('de', 'long')[2]).toBe('März');
    expect(monthNames('en', 'long')).toHaveLength(12);
  });

  it('numbers days of the month in the locale', () => {
    expect(monthDayLabels('en')).toHaveLength(31);
    expect(monthDayLabels('en')[30]).toBe('31');
  });

  it('starts the week where the locale does', () => {
    expect(firstWeekday('de')).toBe(2); // Monday
    expect(firstWeekday('en-US')).toBe(1); // Sunday
    expect(weekdayOrder('de')).toEqual([2, 3, 4, 5, 6, 7, 1]);
    expect(weekdayOrder('en-US')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const arabic = weekdayOrder('ar-EG');
    expect(arabic[0]).toBe(7); // Saturday
    expect([...arabic].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('falls back to Monday for a tag Intl cannot read', () => {
    expect(firstWeekday('not a locale!')).toBe(2);
  });
});
