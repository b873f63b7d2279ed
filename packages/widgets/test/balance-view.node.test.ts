import { describe, expect, it } from 'vitest';
import { isLowBalance, toBalanceView, toFiniteNumber } from '../src/balance-card/balance-view.js';
import { lastDays, summarizeCharges } from '../src/balance-card/charges-summary.js';

describe('toBalanceView', () => {
  it('derives available funds for postpaid and prepaid lines', () => {
    const postpaid = toBalanceView({ currency: 'USD', model: 'postpaid', balance: 412.35, creditLimit: 1000 });
    expect(postpaid).toMatchObject({ ok: true, view: { availableFunds: 587.65, creditUsed: expect.closeTo(0.41235, 6) } });
    const cents = toBalanceView({ currency: 'USD', model: 'postpaid', balance: 0.3, creditLimit: 0.6 });
    expect(cents).toMatchObject({ ok: true, view: { availableFunds: 0.3 } });
    const prepaid = toBalanceView({ currency: 'EUR', model: 'prepaid', balance: 7.85, creditLimit: null });
    expect(prepaid).toMatchObject({ ok: true, view: { availableFunds: 7.85, creditLimit: null, creditUsed: undefined } });
  });

  it('prefers the adapter’s own available funds', () => {
    const result = toBalanceView({ currency: 'USD', model: 'postpaid', balance: 10, creditLimit: 100, availableFunds: 50 });
    expect(result).toMatchObject({ ok: true, view: { availableFunds: 50 } });
  });

  it('accepts numbers sent as strings and lower-case currencies', () => {
    const result = toBalanceView({ currency: 'usd', balance: '12.50', creditLimit: '100' });
    expect(result).toMatchObject({ ok: true, view: { currency: 'USD', balance: 12.5, creditLimit: 100, model: 'postpaid' } });
  });

  it('refuses an answer without a currency or a usable balance', () => {
    expect(toBalanceView({ balance: 5 })).toEqual({ ok: false, problems: ['currency'] });
    expect(toBalanceView({ currency: 'USD', balance: Number.NaN })).toEqual({ ok: false, problems: ['balance'] });
    expect(toBalanceView({ currency: 'USD', balance: 'lots' })).toEqual({ ok: false, problems: ['balance'] });
    expect(toBalanceView({ currency: 'US', balance: Infinity })).toEqual({ ok: false, problems: ['currency', 'balance'] });
  });

  it('leaves out malformed optional parts and names them', () => {
    const result = toBalanceView({
      currency: 'USD',
      model: 'postpaid',
      balance: 1,
      creditLimit: -50,
      lastPayment: { amount: 'x', date: '2026-01-01' },
      balanceDue: Number.NaN,
      lastInvoice: { amount: 3, dueDate: 'soon' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ignored.sort()).toEqual(['balanceDue', 'creditLimit', 'lastInvoice', 'lastPayment']);
    expect(result.view).toMatchObject({ creditLimit: undefined, availableFunds: undefined, lastPayment: undefined });
  });

  it('keeps a billing model it does not know, to show it as it came', () => {
    const result = toBalanceView({ currency: 'USD', balance: 1, model: 'hybrid' });
    expect(result).toMatchObject({ ok: true, view: { model: 'hybrid', availableFunds: undefined } });
  });

  it('flags a low balance only below a threshold the host set', () => {
    const result = toBalanceView({ currency: 'EUR', model: 'prepaid', balance: 7.85, creditLimit: null });
    if (!result.ok) throw new Error('expected a view');
    expect(isLowBalance(result.view, 10)).toBe(true);
    expect(isLowBalance(result.view, 5)).toBe(false);
    expect(isLowBalance(result.view, undefined)).toBe(false);
  });

  it('parses numbers strictly', () => {
    expect(toFiniteNumber('1e3')).toBe(1000);
    expect(toFiniteNumber('12abc')).toBeUndefined();
    expect(toFiniteNumber('')).toBeUndefined();
    expect(toFiniteNumber(null)).toBeUndefined();
  });
});

describe('summarizeCharges', () => {
  const days = lastDays(new Date(2026, 10, 23), 3);

  it('lists the last days, oldest first, across month ends', () => {
    expect(lastDays(new Date(2026, 2, 1), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('adds charges per service and day, biggest service first, in exact cents', () => {
    const summary = summarizeCharges(
      [
        { date: '2026-11-21', service: 'calls', amount: 0.1 },
        { date: '2026-11-21', service: 'calls', amount: 0.2 },
        { date: '2026-11-23', service: 'subscriptions', amount: 49 },
        { date: '2026-11-20', service: 'calls', amount: 99 },
        { date: '2026-11-22', service: 'calls', amount: Number.NaN },
      ],
      days,
    );
    expect(summary.services).toEqual([
      { service: 'subscriptions', total: 49, daily: [0, 0, 49] },
      { service: 'calls', total: 0.3, daily: [0.3, 0, 0] },
    ]);
    expect(summary.total).toBe(49.3);
  });
});
