import { fromMinorUnits, isCurrencyCode, toMinorUnits, type BalanceSummary, type BillingModel } from '@ringside/core';

/** A balance that is safe to render: every number finite, every optional part either valid or absent. */
export interface BalanceView {
  currency: string;
  /** A known model, or the server's own word for it (shown as it came). */
  model: BillingModel | string;
  balance: number;
  /** Null: no credit limit. Undefined: not known. */
  creditLimit: number | null | undefined;
  availableFunds: number | undefined;
  /** Share of the credit limit used (postpaid), 0…1 or more when over the limit. */
  creditUsed: number | undefined;
  lastPayment: { amount: number; date: string } | undefined;
  balanceDue: number | undefined;
  overdueAmount: number | undefined;
  lastInvoice: { amount: number; dueDate: string } | undefined;
}

export type BalanceViewResult = { ok: true; view: BalanceView; ignored: BalanceField[] } | { ok: false; problems: BalanceField[] };

export type BalanceField = keyof BalanceSummary;

/** A finite number from a number or a numeric string; undefined for anything else. */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

function isDateString(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00` : value));
}

/**
 * Checks an adapter's balance answer. Without a currency or a balance there is nothing honest
 * to show (`ok: false`); an optional part that is malformed is left out and named in `ignored`.
 */
export function toBalanceView(raw: BalanceSummary | Record<string, unknown>): BalanceViewResult {
  const input = raw as Record<string, unknown>;
  const problems: BalanceField[] = [];
  const ignored: BalanceField[] = [];
  const currency = typeof input.currency === 'string' ? input.currency.trim().toUpperCase() : undefined;
  if (!isCurrencyCode(currency)) problems.push('currency');
  const balance = toFiniteNumber(input.balance);
  if (balance === undefined) problems.push('balance');
  if (problems.length || currency === undefined || balance === undefined) return { ok: false, problems };

  const optionalAmount = (name: BalanceField, value: unknown, allowNegative = false): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const amount = toFiniteNumber(value);
    if (amount === undefined || (!allowNegative && amount < 0)) {
      ignored.push(name);
      return undefined;
    }
    return amount;
  };

  const creditLimit = input.creditLimit === null ? null : optionalAmount('creditLimit', input.creditLimit);
  const model = typeof input.model === 'string' && input.model.trim() ? input.model.trim() : creditLimit ? 'postpaid' : 'prepaid';
  const reportedFunds = optionalAmount('availableFunds', input.availableFunds, true);

  return {
    ok: true,
    ignored,
    view: {
      currency,
      model,
      balance,
      creditLimit,
      availableFunds: reportedFunds ?? deriveAvailableFunds(model, balance, creditLimit, currency),
      creditUsed: model === 'postpaid' && creditLimit ? Math.max(0, balance) / creditLimit : undefined,
      lastPayment: dated(input.lastPayment, 'date', 'lastPayment', ignored) as BalanceView['lastPayment'],
      balanceDue: optionalAmount('balanceDue', input.balanceDue),
      overdueAmount: optionalAmount('overdueAmount', input.overdueAmount),
      lastInvoice: dated(input.lastInvoice, 'dueDate', 'lastInvoice', ignored) as BalanceView['lastInvoice'],
    },
  };
}

/** Prepaid: the balance plus any credit allowed below zero. Postpaid: what is left of the limit. */
function deriveAvailableFunds(model: string, balance: number, creditLimit: number | null | undefined, currency: string): number | undefined {
  const minor = (amount: number) => toMinorUnits(amount, currency);
  if (model === 'prepaid') return fromMinorUnits(minor(balance) + minor(creditLimit ?? 0), currency);
  if (model === 'postpaid' && typeof creditLimit === 'number') return fromMinorUnits(minor(creditLimit) - minor(balance), currency);
  return undefined;
}

function dated(value: unknown, dateField: string, name: BalanceField, ignored: BalanceField[]): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const amount = toFiniteNumber(record.amount);
  const date = record[dateField];
  if (typeof value !== 'object' || amount === undefined || !isDateString(date)) {
    ignored.push(name);
    return undefined;
  }
  return { amount, [dateField]: date };
}

/** Low when a threshold is set and the customer can spend less than it. */
export function isLowBalance(view: BalanceView, threshold: number | null | undefined): boolean {
  return typeof threshold === 'number' && Number.isFinite(threshold) && view.availableFunds !== undefined && view.availableFunds < threshold;
}
