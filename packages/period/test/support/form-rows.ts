import type { FormPeriod } from '../../src/index.js';

/** Monday to Friday, as Time::Period numbers weekdays (1 = Sunday). */
export const WORKDAYS = [2, 3, 4, 5, 6];

/** One form row: a time range and, optionally, the days it applies to. */
export const row = (start: string | null, end: string | null, days: Partial<FormPeriod> = {}): FormPeriod => ({
  start,
  end,
  weekdays: [],
  months: [],
  monthDays: [],
  ...days,
});
