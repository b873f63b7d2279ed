import type { PaymentRequest } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../src/index.js';

const request = (token: string, key: string): PaymentRequest => ({
  amount: { amount: 40, currency: 'USD' },
  source: { tokenized: { kind: 'card', token, brand: 'visa', last4: '3220', expiry: { month: 12, year: 2099 } } },
  idempotencyKey: key,
});

describe('the demo processor', () => {
  it('declines with the reason a token names', async () => {
    const { payments } = createMemoryAdapter({ customer: 'business' });
    expect(await payments!.makePayment(request('tok_decline.insufficient_funds.abc', 'k1'))).toMatchObject({
      status: 'declined',
      declineReason: 'insufficient_funds',
    });
    expect(await payments!.makePayment(request('tok_decline.Bad Reason!.abc', 'k2'))).toMatchObject({ declineReason: 'card_declined' });
  });

  it('finishes a 3-D Secure payment when it is read again, crediting the balance once', async () => {
    const adapter = createMemoryAdapter({ customer: 'business' });
    const payments = adapter.payments!;
    const started = await payments.makePayment(request('tok_3ds_abc', 'k3'));
    expect(started.status).toBe('requires_action');
    expect(adapter.data.balance!.balance).toBe(412.35);
    const finished = await payments.getPayment(started.id);
    expect(finished).toMatchObject({ status: 'succeeded', newBalance: 372.35 });
    expect(finished.action).toBeUndefined();
    expect(await payments.getPayment(started.id)).toEqual(finished);
    expect(await payments.makePayment(request('tok_3ds_abc', 'k3'))).toEqual({ ...finished, replayed: true });
    expect(adapter.data.balance!.balance).toBe(372.35);
  });

  it('passes 3-D Secure, then declines with the reason the token names, without charging or showing the reason early', async () => {
    const adapter = createMemoryAdapter({ customer: 'business' });
    const payments = adapter.payments!;
    const started = await payments.makePayment(request('tok_3ds_decline.card_declined.abc', 'k4'));
    expect(started).toMatchObject({ status: 'requires_action', action: { type: 'three_ds' } });
    expect(started.declineReason, 'the processor tells only after the check').toBeUndefined();
    expect(await payments.makePayment(request('tok_3ds_decline.card_declined.abc', 'k4'))).toEqual({ ...started, replayed: true });
    const finished = await payments.getPayment(started.id);
    expect(finished).toMatchObject({ status: 'declined', declineReason: 'card_declined' });
    expect(finished.action).toBeUndefined();
    expect(finished.newBalance).toBeUndefined();
    expect(adapter.data.balance!.balance).toBe(412.35);
    const failed = await payments.makePayment(request('tok_3ds_decline.authentication_failed.abc', 'k5'));
    expect(await payments.getPayment(failed.id)).toMatchObject({ status: 'declined', declineReason: 'authentication_failed' });
  });

  it('sends the customer back from a wallet to the return URL, naming the payment', async () => {
    const adapter = createMemoryAdapter({ customer: 'business' });
    const started = await adapter.payments!.makePayment({
      amount: { amount: 25, currency: 'USD' },
      source: { redirect: { returnUrl: 'https://portal.example/billing.html?lang=de' } },
      idempotencyKey: 'k6',
    });
    expect(started.action?.type).toBe('redirect');
    const back = new URL(new URL(started.action!.url).searchParams.get('return')!);
    expect(back.origin + back.pathname).toBe('https://portal.example/billing.html');
    expect(back.searchParams.get('lang')).toBe('de');
    expect(back.searchParams.get('rs-payment')).toBe(started.id);
    expect(await adapter.payments!.getPayment(started.id)).toMatchObject({ status: 'succeeded', newBalance: 387.35 });
  });
});
