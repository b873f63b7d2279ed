import type { CallOptions } from './call-options.js';

/**
 * Prepaid (debit) lines spend money paid in advance: `balance` is what is left.
 * Postpaid (credit) lines are billed afterwards: `balance` is what has been used and is owed,
 * up to `creditLimit`.
 */
export type BillingModel = 'prepaid' | 'postpaid';

export interface LastPayment {
  amount: number;
  /** ISO 8601 date or date-time. */
  date: string;
}

export interface BalanceSummary {
  currency: string;
  model: BillingModel;
  balance: number;
  /** Null when the account has no credit limit. */
  creditLimit: number | null;
  /** What the customer can still spend; adapters may omit it and let Ringside derive it. */
  availableFunds?: number;
  lastPayment?: LastPayment | null;
  /** Remaining amount of issued invoices. */
  balanceDue?: number | null;
  /** Remaining amount of invoices past their due date. */
  overdueAmount?: number | null;
  lastInvoice?: { amount: number; dueDate: string } | null;
}

/** Stable service keys; adapters may use others, which are shown as they come. */
export const KNOWN_SERVICES = ['calls', 'messaging', 'subscriptions', 'data', 'other'] as const;
export type ServiceKey = (typeof KNOWN_SERVICES)[number] | (string & {});

export interface ChargeEntry {
  /** Calendar day, `YYYY-MM-DD`, in the customer's billing time zone. */
  date: string;
  service: ServiceKey;
  amount: number;
}

export interface ChargesQuery {
  /** Inclusive, `YYYY-MM-DD`. */
  from: string;
  /** Inclusive, `YYYY-MM-DD`. */
  to: string;
}

export interface BillingAdapter {
  /** Null when the account has no billing information yet (a new account). */
  getBalance(options?: CallOptions): Promise<BalanceSummary | null>;
  getCharges(query: ChargesQuery, options?: CallOptions): Promise<ChargeEntry[]>;
}
