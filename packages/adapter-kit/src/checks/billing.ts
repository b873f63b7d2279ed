import { isCurrencyCode } from '@ringside/core';
import { ensure, show } from '../assert.js';
import type { Check } from '../types.js';
import { canRead, check, feature } from './define.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const BILLING_CHECKS: Check[] = [
  check('billing', 'balance', 'the balance is null or a well-formed summary', [canRead('billing')], async ({ adapter }) => {
    const balance = await adapter.billing!.getBalance();
    if (balance === null) return;
    ensure(isCurrencyCode(balance.currency), `currency is ${show(balance.currency)}`);
    ensure(balance.model === 'prepaid' || balance.model === 'postpaid', `model is ${show(balance.model)}`);
    ensure(Number.isFinite(balance.balance), `balance is ${show(balance.balance)}`);
    ensure(balance.creditLimit === null || (Number.isFinite(balance.creditLimit) && balance.creditLimit >= 0), `creditLimit is ${show(balance.creditLimit)}`);
  }),
  check('billing', 'charges-range', 'charges stay within the asked days', [feature('billing', (c) => c.charges, 'charges')], async ({ adapter }) => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const query = { from: isoDay(from), to: isoDay(to) };
    for (const entry of await adapter.billing!.getCharges(query)) {
      ensure(DAY.test(entry.date) && entry.date >= query.from && entry.date <= query.to, `charge dated ${show(entry.date)} is outside ${show(query)}`);
      ensure(Number.isFinite(entry.amount) && typeof entry.service === 'string', `malformed charge ${show(entry)}`);
    }
  }),
];
