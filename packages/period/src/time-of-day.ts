import type { SubPeriod } from './model.js';
import { valueTable } from './ranges.js';

export const MINUTES_PER_DAY = 1440;

/**
 * A stretch of the day in minutes from midnight: `start` inclusive, `end` exclusive
 * (1–1440). When `end <= start` it runs past midnight (20:00–08:00 is 1200–480).
 */
export interface DayWindow {
  readonly start: number;
  readonly end: number;
}

/** The minutes of the day that a sub-period's hr and min scales allow (1 = allowed). */
export function minutesAllowed(subPeriod: SubPeriod): Uint8Array {
  const hours = valueTable('hr', subPeriod.hr);
  const minutes = valueTable('min', subPeriod.min);
  const allowed = new Uint8Array(MINUTES_PER_DAY);
  for (let minute = 0; minute < MINUTES_PER_DAY; minute++) {
    allowed[minute] = hours[Math.floor(minute / 60)]! & minutes[minute % 60]!;
  }
  return allowed;
}

export function unionOf(sets: readonly Uint8Array[]): Uint8Array {
  const union = new Uint8Array(MINUTES_PER_DAY);
  for (const set of sets) set.forEach((allowed, minute) => (union[minute]! |= allowed));
  return union;
}

/**
 * The allowed minutes as maximal windows on the 24-hour circle, ordered by start; a window
 * through midnight is one window. `'all-day'` when every minute is allowed.
 */
export function windowsOf(allowed: Uint8Array): DayWindow[] | 'all-day' {
  const gap = allowed.indexOf(0);
  if (gap < 0) return 'all-day';
  const windows: DayWindow[] = [];
  let start = -1;
  // Walk once around the circle from a forbidden minute, so no window is cut at midnight.
  for (let step = 1; step <= MINUTES_PER_DAY; step++) {
    const minute = (gap + step) % MINUTES_PER_DAY;
    if (allowed[minute] === 1 && start < 0) start = minute;
    if (allowed[minute] === 0 && start >= 0) {
      windows.push({ start, end: minute === 0 ? MINUTES_PER_DAY : minute });
      start = -1;
    }
  }
  return windows.sort((a, b) => a.start - b.start);
}

/** The minutes of one window, as an allowed-set. */
export function minutesOfWindow({ start, end }: DayWindow): Uint8Array {
  const allowed = new Uint8Array(MINUTES_PER_DAY);
  if (end > start) return allowed.fill(1, start, end);
  return allowed.fill(1, start).fill(1, 0, end);
}
