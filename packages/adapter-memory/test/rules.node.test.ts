import { RingsideError } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

const keys = (reasons: { field: string; reason: string }[]) => reasons.map((r) => `${r.field}: ${r.reason}`);

describe('rules (shared with the reference server)', () => {
  it('resolvePaging defaults, computes the offset and rejects bad values', () => {
    expect(rules.resolvePaging({})).toEqual({ page: 1, pageSize: 50, offset: 0 });
    expect(rules.resolvePaging({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, offset: 40 });
    expect(() => rules.resolvePaging({ pageSize: 501 })).toThrowError(RingsideError);
  });

  it('numberReasons checks digits, length and the shared number space', () => {
    const context = { numberLength: 3, isNumberTaken: (n: string) => n === '200' };
    expect(keys(rules.numberReasons('', context))).toEqual(['number: required']);
    expect(keys(rules.numberReasons('2O0', context))).toEqual(['number: digits_only']);
    expect(rules.numberReasons('20', context)).toEqual([{ field: 'number', reason: 'length', params: { length: 3 } }]);
    expect(keys(rules.numberReasons('200', context))).toEqual(['number: taken']);
    expect(rules.numberReasons('201', context)).toEqual([]);
  });

  it('findInclusionCycle follows inclusions through several groups', () => {
    const groups = new Map([
      ['a', { id: 'a', number: '100', includedGroupIds: ['b'] }],
      ['b', { id: 'b', number: '110', includedGroupIds: ['c'] }],
      ['c', { id: 'c', number: '120', includedGroupIds: [] }],
    ]);
    const group = (id: string) => groups.get(id);
    expect(rules.findInclusionCycle('c', ['a'], group)).toEqual(['120', '100', '110', '120']);
    expect(rules.findInclusionCycle('c', [], group)).toBeNull();
    expect(rules.findInclusionCycle('a', ['c', 'b'], group)).toBeNull();
  });

  it('creditBalance works in minor units', () => {
    const prepaid = { currency: 'JPY', model: 'prepaid' as const, balance: 1000, creditLimit: null };
    expect(rules.creditBalance(prepaid, 500, '2025-01-02')).toMatchObject({ balance: 1500, lastPayment: { amount: 500, date: '2025-01-02' } });
    const postpaid = { currency: 'USD', model: 'postpaid' as const, balance: 0.3, creditLimit: 100, balanceDue: 0.1, overdueAmount: null };
    expect(rules.creditBalance(postpaid, 0.1, '2025-01-02')).toMatchObject({ balance: 0.2, balanceDue: 0, overdueAmount: null });
  });

  it('fingerprint ignores key order and hides what it digests', () => {
    const a = rules.fingerprint({ amount: 5, source: { tokenized: { token: 'tok_abc', kind: 'card' } } });
    const b = rules.fingerprint({ source: { tokenized: { kind: 'card', token: 'tok_abc' } }, amount: 5 });
    expect(a).toBe(b);
    expect(a).not.toContain('tok_abc');
    expect(rules.fingerprint({ amount: 6 })).not.toBe(rules.fingerprint({ amount: 5 }));
    expect(rules.replayed({ fingerprint: a, result: 'pay-1' }, b)).toBe('pay-1');
    expect(() => rules.replayed({ fingerprint: a, result: 'pay-1' }, 'other')).toThrowError(/conflict/);
  });

  it('autoPayReasons allows thresholds from zero up to a postpaid credit limit', () => {
    const context = { settings: { minAmount: 5, maxAmount: 1000 }, balance: { model: 'postpaid' as const, creditLimit: 500 }, methodExists: () => true };
    expect(rules.autoPayReasons({ payInvoices: false, topUp: { threshold: 0, amount: 5 }, methodId: 'pm' }, context)).toEqual([]);
    expect(keys(rules.autoPayReasons({ payInvoices: false, topUp: { threshold: 501, amount: 5 }, methodId: 'pm' }, context))).toEqual(['topUp.threshold: too_large']);
    expect(keys(rules.autoPayReasons({ payInvoices: false, topUp: { threshold: 1e9, amount: 5 }, methodId: 'pm' }, { ...context, balance: null }))).toEqual([]);
  });

  it('tokens, labels and tickets follow the documented demo rules', () => {
    expect(rules.demoTokenOutcome('tok_3ds_x')).toEqual({ status: 'requires_action', action: 'three_ds' });
    expect(rules.methodLabel({ kind: 'direct_debit', last4: '0042' })).toBe('Direct debit •••• 0042');
    expect(rules.statusAfterCustomerReply('stalled')).toBe('open');
    expect(rules.statusAfterCustomerReply('rejected')).toBe('rejected');
    const tree = [{ id: 'a', label: 'A', children: [{ id: 'b', label: 'B', children: [] }] }];
    expect([rules.categoryPathExists(tree, ['a', 'b']), rules.categoryPathExists(tree, ['b'])]).toEqual([true, false]);
    expect(keys(rules.attachmentReasons({ size: 3, type: 'text/plain; charset=utf-8', name: 'a.txt' }, { maxBytes: 10, maxCount: 1, types: ['text/plain'] }))).toEqual([]);
  });

  it('isTimeZone knows IANA zones', () => {
    expect([rules.isTimeZone('Europe/Berlin'), rules.isTimeZone('Europe/Atlantis')]).toEqual([true, false]);
  });
});
