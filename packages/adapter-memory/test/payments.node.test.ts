import type { PaymentRequest } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { NOW, expectCode, expectInvalid, memory } from './helpers.js';

const card = (token: string) => ({ kind: 'card' as const, token, brand: 'visa', last4: '4242', expiry: { month: 12, year: NOW.getUTCFullYear() + 1 } });
const request = (changes: Partial<PaymentRequest> = {}): PaymentRequest => ({
  amount: { amount: 50, currency: 'USD' },
  source: { savedMethodId: 'pm-card-4242' },
  idempotencyKey: 'key-1',
  ...changes,
});

describe('payments', () => {
  it('tells the currency, limits and methods', async () => {
    expect(await memory().payments!.settings()).toEqual({
      currency: 'USD',
      minAmount: 5,
      maxAmount: 1000,
      methods: ['card', 'bank_account', 'direct_debit', 'redirect', 'voucher'],
    });
    const limited = memory({ capabilities: { payments: { methods: ['card'] } } });
    expect((await limited.payments!.settings()).methods).toEqual(['card']);
  });

  describe('makePayment', () => {
    it('reduces what a postpaid customer owes, exactly, and records the payment', async () => {
      const adapter = memory();
      const result = await adapter.payments!.makePayment(request({ amount: { amount: 0.1 + 0.2 + 49.7, currency: 'USD' } }));
      expect(result).toMatchObject({ status: 'succeeded', newBalance: 362.35, amount: { amount: 50, currency: 'USD' } });
      expect(adapter.data.balance).toMatchObject({ balance: 362.35, balanceDue: 137.4, overdueAmount: 12.1, lastPayment: { amount: 50, date: '2025-03-12' } });
      expect(await adapter.payments!.getPayment(result.id)).toEqual(result);
    });

    it('adds to a prepaid balance', async () => {
      const adapter = memory({ customer: 'residential' });
      const result = await adapter.payments!.makePayment(request({ amount: { amount: 20, currency: 'EUR' }, source: { savedMethodId: 'pm-card-1881' } }));
      expect(result.newBalance).toBe(27.85);
    });

    it('charges once per idempotency key and answers the first result again', async () => {
      const adapter = memory();
      const first = await adapter.payments!.makePayment(request());
      const again = await adapter.payments!.makePayment(request());
      expect(again).toEqual({ ...first, replayed: true });
      expect(adapter.data.balance?.balance).toBe(362.35);
      expect(adapter.data.payments.history).toHaveLength(1);
    });

    it('rejects the same key with a different request as a conflict', async () => {
      const { payments } = memory();
      await payments!.makePayment(request());
      await expectCode(payments!.makePayment(request({ amount: { amount: 51, currency: 'USD' } })), 'conflict');
    });

    it('rejects amounts outside the limits, finer than cents, or in another currency', async () => {
      const { payments } = memory();
      const small = await expectInvalid(payments!.makePayment(request({ amount: { amount: 4.99, currency: 'USD' } })), 'amount: too_small');
      expect(small.fields[0]?.params).toEqual({ min: 5 });
      await expectInvalid(payments!.makePayment(request({ amount: { amount: 1000.01, currency: 'USD' } })), 'amount: too_large');
      await expectInvalid(payments!.makePayment(request({ amount: { amount: 10.005, currency: 'USD' } })), 'amount: invalid');
      await expectInvalid(payments!.makePayment(request({ amount: { amount: 10, currency: 'EUR' } })), 'currency: mismatch');
      await expectInvalid(payments!.makePayment(request({ source: { savedMethodId: 'pm-nope' } })), 'source.savedMethodId: unknown');
      await expectInvalid(payments!.makePayment(request({ idempotencyKey: '' })), 'idempotencyKey: required');
    });

    it('declines an expired saved card without touching the balance', async () => {
      const adapter = memory();
      const result = await adapter.payments!.makePayment(request({ source: { savedMethodId: 'pm-card-0005' } }));
      expect(result).toMatchObject({ status: 'declined', declineReason: 'expired_card' });
      expect(adapter.data.balance?.balance).toBe(412.35);
    });

    it('answers the demo tokens: declined, 3-D Secure, pending', async () => {
      const { payments } = memory();
      const pay = (token: string) => payments!.makePayment(request({ source: { tokenized: card(token) }, idempotencyKey: token }));
      expect(await pay('tok_decline_1')).toMatchObject({ status: 'declined', declineReason: 'card_declined' });
      const threeDs = await pay('tok_3ds');
      expect(threeDs).toMatchObject({ status: 'requires_action', action: { type: 'three_ds', url: `https://pay.example.test/3ds/${threeDs.id}` } });
      expect((await pay('tok_pending')).status).toBe('pending');
      expect((await pay('tok_visa')).status).toBe('succeeded');
    });

    it('saves a tokenized card when asked, never keeping the token', async () => {
      const adapter = memory();
      const result = await adapter.payments!.makePayment(request({ source: { tokenized: card('tok_secret_123'), save: true } }));
      expect(result.savedMethodId).toBe('pm-1');
      const methods = await adapter.payments!.listMethods();
      expect(methods.at(-1)).toEqual({
        id: 'pm-1',
        kind: 'card',
        label: 'Visa •••• 4242',
        brand: 'visa',
        last4: '4242',
        expiry: card('').expiry,
        preferred: false,
      });
      expect(JSON.stringify(adapter.data)).not.toContain('tok_secret_123');
    });

    it('sends redirect payments away with the return address, which names the payment', async () => {
      const { payments } = memory();
      const result = await payments!.makePayment(request({ source: { redirect: { returnUrl: 'https://portal.example/paid' } } }));
      expect(result.action).toEqual({
        type: 'redirect',
        url: `https://pay.example.test/redirect/${result.id}?return=${encodeURIComponent(`https://portal.example/paid?rs-payment=${result.id}`)}`,
      });
      await expectInvalid(
        payments!.makePayment(request({ source: { redirect: { returnUrl: 'javascript:alert(1)' } }, idempotencyKey: 'k2' })),
        'source.redirect.returnUrl: invalid'
      );
    });

    it('refuses a method kind the backend does not offer', async () => {
      const { payments } = memory({ capabilities: { payments: { methods: ['card'] } } });
      await expectCode(payments!.makePayment(request({ source: { redirect: { returnUrl: 'https://x.example' } } })), 'unsupported');
    });

    it('answers not_found for an unknown payment', async () => {
      await expectCode(memory().payments!.getPayment('pay-404'), 'not_found');
    });
  });

  describe('saved methods', () => {
    it('adds, prefers and removes methods, keeping exactly one preferred', async () => {
      const { payments } = memory();
      const added = await payments!.addMethod({ kind: 'bank_account', token: 'btok_1', last4: '1234' });
      expect(added).toEqual({ id: 'pm-1', kind: 'bank_account', label: 'Bank account •••• 1234', last4: '1234', preferred: false });
      await payments!.setPreferred('pm-1');
      expect((await payments!.listMethods()).filter((m) => m.preferred).map((m) => m.id)).toEqual(['pm-1']);
      await payments!.removeMethod('pm-1');
      const methods = await payments!.listMethods();
      expect(methods.map((m) => [m.id, m.preferred])).toEqual([
        ['pm-card-4242', true],
        ['pm-bank-6789', false],
        ['pm-card-0005', false],
      ]);
    });

    it('rejects an expired or incomplete method, and keeps the one auto-pay uses', async () => {
      const { payments } = memory();
      await expectInvalid(payments!.addMethod({ ...card(''), expiry: { month: 1, year: 2020 } }), 'method.token: required', 'method.expiry: expired');
      await expectInvalid(payments!.addMethod({ ...card('tok'), last4: '42' }), 'method.last4: invalid');
      await expectCode(payments!.removeMethod('pm-card-4242'), 'conflict');
      await expectCode(payments!.setPreferred('pm-404'), 'not_found');
    });
  });

  describe('auto-pay', () => {
    it('updates with the current version and refuses a stale one', async () => {
      const { payments } = memory();
      const current = await payments!.getAutoPay();
      const updated = await payments!.updateAutoPay(
        { payInvoices: false, topUp: { threshold: 100, amount: 50 }, methodId: 'pm-bank-6789' },
        { ifMatch: current.version }
      );
      expect(updated).toEqual({ payInvoices: false, topUp: { threshold: 100, amount: 50 }, methodId: 'pm-bank-6789', version: '2' });
      await expectCode(payments!.updateAutoPay({ payInvoices: false, topUp: null, methodId: null }, { ifMatch: current.version }), 'conflict');
    });

    it('validates amounts, the threshold against the credit limit, and the method', async () => {
      const { payments } = memory();
      await expectInvalid(
        payments!.updateAutoPay({ payInvoices: true, topUp: { threshold: -1, amount: 2 }, methodId: null }),
        'topUp.amount: too_small',
        'topUp.threshold: too_small',
        'methodId: required'
      );
      await expectInvalid(
        payments!.updateAutoPay({ payInvoices: false, topUp: { threshold: 1000.01, amount: 20 }, methodId: 'pm-x' }),
        'topUp.threshold: too_large',
        'methodId: unknown'
      );
      expect((await payments!.updateAutoPay({ payInvoices: false, topUp: null, methodId: null })).methodId).toBeNull();
    });
  });

  describe('vouchers', () => {
    it('credits the balance once per key and refuses a used or unknown code', async () => {
      const adapter = memory({ customer: 'residential' });
      const { payments } = adapter;
      const first = await payments!.redeemVoucher({ code: ' rs-demo-10 ', idempotencyKey: 'v1' });
      expect(first).toEqual({ amount: { amount: 10, currency: 'EUR' }, newBalance: 17.85 });
      expect(await payments!.redeemVoucher({ code: 'RS-DEMO-10', idempotencyKey: 'v1' })).toEqual({ ...first, replayed: true });
      expect(adapter.data.balance?.balance).toBe(17.85);
      await expectInvalid(payments!.redeemVoucher({ code: 'RS-DEMO-10', idempotencyKey: 'v2' }), 'code: used');
      await expectInvalid(payments!.redeemVoucher({ code: 'NOPE', idempotencyKey: 'v3' }), 'code: invalid');
      await expectCode(payments!.redeemVoucher({ code: 'RS-DEMO-25', idempotencyKey: 'v1' }), 'conflict');
    });
  });
});
