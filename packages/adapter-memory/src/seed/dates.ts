export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
}

/** An ISO date-time `days` before `now`, at a time of day given in UTC hours (fractions are minutes). */
export function timeBefore(now: Date, days: number, hour: number): string {
  const time = daysBefore(now, days).getTime() + hour * 3_600_000;
  return new Date(Math.min(time, now.getTime())).toISOString();
}
