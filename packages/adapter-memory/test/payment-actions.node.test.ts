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
});
