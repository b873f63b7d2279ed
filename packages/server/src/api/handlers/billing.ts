import type { BalanceSummary, ChargeEntry } from '@ringside/core';
import type { Queryable } from '../../db/database.js';
import { major, majorOrNull } from '../../db/money.js';
import { ok, noContent, type Operation } from '../context.js';

export interface BillingRow {
  has_billing: boolean;
  currency: string;
  model: 'prepaid' | 'postpaid';
  balance_minor: unknown;
  credit_limit_minor: unknown;
  balance_due_minor: unknown;
  overdue_minor: unknown;
  last_invoice_minor: unknown;
  last_invoice_due: string | null;
  last_payment_minor: unknown;
  last_payment_date: string | null;
  min_payment_minor: unknown;
  max_payment_minor: unknown;
  payment_methods: string[];
}

export async function billingRow(db: Queryable, customerId: string, forUpdate = false): Promise<BillingRow> {
  const { rows } = await db.query<BillingRow>(`SELECT * FROM billing_accounts WHERE customer_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [customerId]);
  if (!rows[0]) throw new Error(`customer ${customerId} has no billing_accounts row`);
  return rows[0];
}

/** The contract's balance; optional parts the account does not have are left out. */
export function toBalance(row: BillingRow): BalanceSummary {
  const c = row.currency;
  const balance: BalanceSummary = { currency: c, model: row.model, balance: major(row.balance_minor, c), creditLimit: majorOrNull(row.credit_limit_minor, c) };
  if (row.last_payment_minor !== null && row.last_payment_date) balance.lastPayment = { amount: major(row.last_payment_minor, c), date: row.last_payment_date };
  if (row.balance_due_minor !== null) balance.balanceDue = major(row.balance_due_minor, c);
  if (row.overdue_minor !== null) balance.overdueAmount = major(row.overdue_minor, c);
  if (row.last_invoice_minor !== null && row.last_invoice_due) balance.lastInvoice = { amount: major(row.last_invoice_minor, c), dueDate: row.last_invoice_due };
  return balance;
}

export const billingOperations: Record<string, Operation> = {
  getBalance: {
    domain: 'billing',
    async handle({ db, session }) {
      const row = await billingRow(db, session.customerId);
      return row.has_billing ? ok(toBalance(row)) : noContent();
    },
  },
  getCharges: {
    domain: 'billing',
    needs: (capabilities) => capabilities.billing.charges,
    async handle({ db, session, query }) {
      const { rows } = await db.query<{ day: string; service: string; amount_minor: unknown; currency: string }>(
        `SELECT c.day::text AS day, c.service, c.amount_minor, b.currency
         FROM charges c JOIN billing_accounts b ON b.customer_id = c.customer_id
         WHERE c.customer_id = $1 AND c.day BETWEEN $2 AND $3
         ORDER BY c.day, c.service`,
        [session.customerId, query.from, query.to],
      );
      const items: ChargeEntry[] = rows.map((row) => ({ date: row.day, service: row.service, amount: major(row.amount_minor, row.currency) }));
      return ok({ items });
    },
  },
};
