import type { ChargeEntry } from '@ringside/core';
import { seededRandom } from '../random.js';
import { daysBefore, isoDay } from './dates.js';

/** Rounds to cents without floating drift in sums. */
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Daily charges for the last `days` days: each service costs between its bounds on weekdays and a
 * third of that at weekends; `subscriptions` bills its upper bound on the first of the month.
 */
export function generateCharges(now: Date, seed: number, daily: Record<string, [number, number]>, days = 60): ChargeEntry[] {
  const random = seededRandom(seed);
  const charges: ChargeEntry[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const date = daysBefore(now, day);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    for (const [service, [low, high]] of Object.entries(daily)) {
      if (service === 'subscriptions') {
        if (date.getUTCDate() === 1) charges.push({ date: isoDay(date), service, amount: high });
        continue;
      }
      const amount = cents((low + random() * (high - low)) * (weekend ? 0.3 : 1));
      if (amount > 0) charges.push({ date: isoDay(date), service, amount });
    }
  }
  return charges;
}
