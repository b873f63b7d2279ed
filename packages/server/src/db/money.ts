/**
 * Amounts are stored as integers of the currency's minor unit (cents), read back as numbers in
 * the major unit. The digits of each currency are looked up once (Intl is slow to construct).
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

export const minor = (amount: number, currency: string): number => Math.round(amount * 10 ** currencyDigits(currency));

export const major = (value: unknown, currency: string): number => Number(value) / 10 ** currencyDigits(currency);

export function majorOrNull(value: unknown, currency: string): number | null {
  return value === null || value === undefined ? null : major(value, currency);
}
