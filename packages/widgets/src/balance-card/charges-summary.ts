import type { ChargeEntry } from '@ringside/core';
import { toFiniteNumber } from './balance-view.js';

export interface ServiceSeries {
  service: string;
  total: number;
  /** One amount per day of `days`, in order. */
  daily: number[];
}

export interface ChargesSummary {
  /** `YYYY-MM-DD`, oldest first. */
  days: string[];
  /** Biggest total first. */
  services: ServiceSeries[];
  total: number;
}

/** Calendar day `YYYY-MM-DD` of a date in the viewer's time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `count` calendar days ending with `today`, oldest first. */
export function lastDays(today: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (count - 1 - index));
    return isoDay(day);
  });
}

/** Adds charges up per service and day. Entries outside the days or with a bad amount are left out. */
export function summarizeCharges(entries: readonly ChargeEntry[], days: string[]): ChargesSummary {
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const byService = new Map<string, number[]>();
  for (const entry of entries) {
    const index = dayIndex.get(String(entry.date).slice(0, 10));
    const amount = toFiniteNumber(entry.amount);
    if (index === undefined || amount === undefined) continue;
    const service = String(entry.service || 'other');
    let daily = byService.get(service);
    if (!daily) {
      daily = new Array<number>(days.length).fill(0);
      byService.set(service, daily);
    }
    daily[index] = roundCents((daily[index] ?? 0) + amount);
  }
  const services = [...byService].map(([service, daily]) => ({ service, daily, total: roundCents(daily.reduce((a, b) => a + b, 0)) }));
  services.sort((a, b) => b.total - a.total || a.service.localeCompare(b.service));
  return { days, services, total: roundCents(services.reduce((sum, s) => sum + s.total, 0)) };
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
