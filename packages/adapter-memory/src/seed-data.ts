import type { BalanceSummary, ChargeEntry } from '@ringside/core';
import { seededRandom } from './random.js';

export interface PhoneLine {
  id: string;
  number: string;
  label: string;
}

export interface SavedPaymentMethod {
  id: string;
  kind: 'card' | 'bank_account';
  label: string;
}

export interface CustomerData {
  id: string;
  name: string;
  phoneLines: PhoneLine[];
  balance: BalanceSummary | null;
  /** Daily charges; the newest day is "today" of the dataset. */
  charges: ChargeEntry[];
  paymentMethods: SavedPaymentMethod[];
  minimumPayment: number;
}

export type DemoCustomerId = 'business' | 'residential' | 'new';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBefore(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
}

/** Rounds to cents without floating drift in sums. */
const cents = (value: number) => Math.round(value * 100) / 100;

function generateCharges(now: Date, seed: number, daily: Record<string, [number, number]>, days = 60): ChargeEntry[] {
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

/** The demo world: a business customer on a postpaid plan and a prepaid residential customer. */
export function createSeedData(now: Date = new Date()): Record<DemoCustomerId, CustomerData> {
  return {
    business: {
      id: 'cust-harbor',
      name: 'Harbor Point Dental Group',
      phoneLines: [
        { id: 'line-1', number: '+1 604 555 0100', label: 'Reception' },
        { id: 'line-2', number: '+1 604 555 0101', label: 'Dr. Okafor' },
        { id: 'line-3', number: '+1 604 555 0102', label: 'Dr. Brennan' },
        { id: 'line-4', number: '+1 604 555 0103', label: 'Billing office' },
        { id: 'line-5', number: '+1 604 555 0104', label: 'Lab' },
        { id: 'line-6', number: '+1 604 555 0105', label: 'Fax' },
      ],
      balance: {
        currency: 'USD',
        model: 'postpaid',
        balance: 412.35,
        creditLimit: 1000,
        lastPayment: { amount: 250, date: isoDay(daysBefore(now, 12)) },
        balanceDue: 187.4,
        overdueAmount: 62.1,
        lastInvoice: { amount: 187.4, dueDate: isoDay(daysBefore(now, -9)) },
      },
      charges: generateCharges(now, 7, { calls: [4, 14], messaging: [0, 1.5], subscriptions: [0, 149] }),
      paymentMethods: [
        { id: 'pm-card-4242', kind: 'card', label: 'Visa •••• 4242' },
        { id: 'pm-bank-6789', kind: 'bank_account', label: 'Checking •••• 6789' },
      ],
      minimumPayment: 5,
    },
    residential: {
      id: 'cust-lindqvist',
      name: 'Maya Lindqvist',
      phoneLines: [{ id: 'line-r1', number: '+49 30 5550 1234', label: 'Home' }],
      balance: {
        currency: 'EUR',
        model: 'prepaid',
        balance: 7.85,
        creditLimit: null,
        lastPayment: { amount: 20, date: isoDay(daysBefore(now, 21)) },
      },
      charges: generateCharges(now, 11, { calls: [0, 0.9], data: [0, 0.4], subscriptions: [0, 4.99] }),
      paymentMethods: [{ id: 'pm-card-1881', kind: 'card', label: 'Mastercard •••• 1881' }],
      minimumPayment: 5,
    },
    new: {
      id: 'cust-new',
      name: 'New customer',
      phoneLines: [],
      balance: null,
      charges: [],
      paymentMethods: [],
      minimumPayment: 5,
    },
  };
}
