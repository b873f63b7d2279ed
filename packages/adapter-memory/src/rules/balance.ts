import { fromMinorUnits, toMinorUnits, type BalanceSummary } from '@ringside/core';

/**
 * The balance after money came in (a payment or a voucher), computed in minor units so sums stay
 * exact: a prepaid balance grows, a postpaid one (what is owed) shrinks, as do the amounts due
 * and overdue (never below zero). `date` becomes the last payment's date.
 */
export function creditBalance(balance: BalanceSummary, amount: number, date: string): BalanceSummary {
  const { currency } = balance;
  const paid = toMinorUnits(amount, currency);
  const shift = (value: number, by: number) => fromMinorUnits(toMinorUnits(value, currency) + by, currency);
  const settle = (owed: number | null | undefined) => (owed ? fromMinorUnits(Math.max(0, toMinorUnits(owed, currency) - paid), currency) : owed);
  return {
    ...balance,
    balance: shift(balance.balance, balance.model === 'prepaid' ? paid : -paid),
    balanceDue: settle(balance.balanceDue),
    overdueAmount: settle(balance.overdueAmount),
    lastPayment: { amount, date },
  };
}
