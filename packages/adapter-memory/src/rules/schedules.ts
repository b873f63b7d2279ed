import type { FieldReason, ScheduleInput } from '@ringside/core';
import { parse } from '@ringside/period';
import { reason } from './errors.js';
import { textReasons } from './values.js';

export const SCHEDULE_NAME_MAX = 100;
export const PERIOD_MAX = 1000;

/** True for an IANA time zone this JavaScript engine knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reasons to reject a schedule: `name` `required`/`too_long`, `period` `invalid` with the
 * parser's { code, index, length } (see @ringside/period), `timeZone` `required`/`invalid`.
 */
export function scheduleReasons(input: ScheduleInput): FieldReason[] {
  return [...textReasons('name', input.name, { required: true, max: SCHEDULE_NAME_MAX }), ...periodReasons(input.period), ...timeZoneReasons(input.timeZone)];
}

export function periodReasons(period: unknown): FieldReason[] {
  if (typeof period !== 'string') return [reason('period', 'invalid')];
  if (period.length > PERIOD_MAX) return [reason('period', 'too_long', { max: PERIOD_MAX })];
  const parsed = parse(period);
  if (parsed.ok) return [];
  const { code, index, length } = parsed.error;
  return [reason('period', 'invalid', { code, index, length })];
}

function timeZoneReasons(zone: unknown): FieldReason[] {
  const problems = textReasons('timeZone', zone, { required: true, max: 100 });
  if (problems.length) return problems;
  return isTimeZone(zone as string) ? [] : [reason('timeZone', 'invalid')];
}
