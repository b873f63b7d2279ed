/**
 * Amounts cross the contract as decimal numbers in the currency's major unit (12.5 = 12.50 USD)
 * with an ISO 4217 code next to them. Arithmetic that must be exact goes through minor units.
 */
export interface Money {
  amount: number;
  currency: string;
}

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

/** Number of minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for BHD). */
const digitsByCurrency = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}
