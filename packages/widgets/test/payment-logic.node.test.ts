import type { AutoPaySettings, SavedPaymentMethod } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { PaymentAttempt, isOutcomeUnknown, newIdempotencyKey } from '../src/payment-form/payment-attempt.js';
import { defaultChoice, needsTokenizer, paymentChoices } from '../src/payment-form/payment-choices.js';
import { PAYMENT_RETURN_PARAM, isPaymentId, returnedPaymentId, withoutReturnParam } from '../src/payment-form/payment-return.js';
import { draftOf, readDraft, thresholdCeiling } from '../src/payment-methods/autopay-draft.js';

describe('PaymentAttempt', () => {
  const keys = () => {
    let next = 0;
    return () => `key-${++next}`;
  };

  it('sends nothing a second time while the first send is on its way (a double click)', () => {
    const attempt = new PaymentAttempt<string>(keys());
    expect(attempt.send(() => 'pay 10')).toEqual({ key: 'key-1', request: 'pay 10' });
    expect(attempt.send(() => 'pay 10')).toBeNull();
    expect(attempt.inFlight).toBe(true);
  });

  it('sends the same request with the same key after a lost answer, whatever the retry rebuilt', () => {
    const attempt = new PaymentAttempt<string>(keys());
    attempt.send(() => 'pay 10 with token A');
    attempt.keep();
    expect(attempt.send(() => 'pay 10 with token B')).toEqual({ key: 'key-1', request: 'pay 10 with token A' });
  });

  it('starts a new payment with a new key only after a definitive answer', () => {
    const attempt = new PaymentAttempt<string>(keys());
    attempt.send(() => 'first');
    attempt.settle();
    expect(attempt.open).toBeNull();
    expect(attempt.send(() => 'second')).toEqual({ key: 'key-2', request: 'second' });
  });

  it('treats lost answers as unknown outcomes and rejections as definitive', () => {
    for (const code of ['timeout', 'network', 'unavailable', 'invalid_response'] as const) expect(isOutcomeUnknown(code)).toBe(true);
    for (const code of ['validation', 'payment_declined', 'forbidden', 'unsupported'] as const) expect(isOutcomeUnknown(code)).toBe(false);
  });

  it('makes random keys', () => {
    const made = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(made.size).toBe(100);
    expect([...made][0]).toMatch(/^rs-[0-9a-f]{32}$/);
  });
});

const method = (id: string, kind: SavedPaymentMethod['kind'], preferred = false): SavedPaymentMethod => ({ id, kind, label: id, preferred });

describe('paymentChoices', () => {
  it('lists stored methods first, the preferred one leading, then what can be entered', () => {
    const choices = paymentChoices(
      { methods: ['card', 'direct_debit', 'redirect', 'voucher'] },
      [method('pm-1', 'card'), method('pm-2', 'direct_debit', true)],
      ['card', 'bank_account', 'direct_debit']
    );
    expect(choices.map((choice) => choice.id)).toEqual(['saved:pm-2', 'saved:pm-1', 'card', 'direct_debit', 'redirect', 'voucher']);
    expect(defaultChoice(choices)?.id).toBe('saved:pm-2');
  });

  it('offers card and bank entry only when a tokenizer can collect them', () => {
    const choices = paymentChoices({ methods: ['card', 'bank_account', 'redirect'] }, [], []);
    expect(choices.map((choice) => choice.id)).toEqual(['redirect']);
    expect(needsTokenizer({ methods: ['card', 'redirect'] }, [])).toBe(true);
    expect(needsTokenizer({ methods: ['redirect', 'voucher'] }, [])).toBe(false);
  });

  it('leaves out stored methods of a kind the backend no longer accepts', () => {
    const choices = paymentChoices({ methods: ['card'] }, [method('pm-1', 'bank_account', true)], ['card']);
    expect(choices.map((choice) => choice.id)).toEqual(['card']);
    expect(defaultChoice(choices)?.id).toBe('card');
  });
});

describe('auto-pay draft', () => {
  const limits = { currency: 'USD', minAmount: 5, maxAmount: 1000 };
  const stored: AutoPaySettings = { version: '3', payInvoices: false, topUp: null, methodId: null };
  const prepaid = { model: 'prepaid' as const, creditLimit: null };
  const postpaid = { model: 'postpaid' as const, creditLimit: 200 };

  it('starts from the stored settings, with the preferred method and the minimum top-up', () => {
    const draft = draftOf(stored, [method('pm-1', 'card'), method('pm-2', 'card', true)], limits, 'de');
    expect(draft).toEqual({ payInvoices: false, topUpOn: false, threshold: '', amount: '5,00', methodId: 'pm-2' });
    const on = draftOf({ ...stored, topUp: { threshold: 10, amount: 25 }, methodId: 'pm-1' }, [], limits, 'en');
    expect(on).toMatchObject({ topUpOn: true, threshold: '10.00', amount: '25.00', methodId: 'pm-1' });
  });

  it('builds the settings to store, reading amounts in the locale', () => {
    const result = readDraft(
      { payInvoices: true, topUpOn: true, threshold: '10,00', amount: '25,50', methodId: 'pm-1' },
      { limits, balance: prepaid, locale: 'de' }
    );
    expect(result).toEqual({ input: { payInvoices: true, topUp: { threshold: 10, amount: 25.5 }, methodId: 'pm-1' }, reasons: [] });
  });

  it('wants a top-up of at least the minimum payment and a threshold the billing model can reach', () => {
    const tooSmall = readDraft(
      { payInvoices: false, topUpOn: true, threshold: '10', amount: '4', methodId: 'pm-1' },
      { limits, balance: prepaid, locale: 'en' }
    );
    expect(tooSmall.reasons).toEqual([{ field: 'topUp.amount', reason: 'too_small', params: { min: 5 } }]);
    const aboveLimit = readDraft(
      { payInvoices: false, topUpOn: true, threshold: '250', amount: '50', methodId: 'pm-1' },
      { limits, balance: postpaid, locale: 'en' }
    );
    expect(aboveLimit.reasons).toEqual([{ field: 'topUp.threshold', reason: 'too_large', params: { max: 200 } }]);
    expect(thresholdCeiling({ limits, balance: prepaid, locale: 'en' })).toBe(1000);
    const negative = readDraft(
      { payInvoices: false, topUpOn: true, threshold: '-1', amount: '50', methodId: 'pm-1' },
      { limits, balance: prepaid, locale: 'en' }
    );
    expect(negative.reasons).toEqual([{ field: 'topUp.threshold', reason: 'negative' }]);
  });

  it('needs a method when anything is switched on, and none when all is off', () => {
    expect(readDraft({ payInvoices: true, topUpOn: false, threshold: '', amount: '', methodId: '' }, { limits, balance: null, locale: 'en' }).reasons).toEqual([
      { field: 'methodId', reason: 'required' },
    ]);
    expect(readDraft({ payInvoices: false, topUpOn: false, threshold: 'x', amount: '', methodId: '' }, { limits, balance: null, locale: 'en' })).toEqual({
      input: { payInvoices: false, topUp: null, methodId: null },
      reasons: [],
    });
  });
});

describe('the return from a wallet', () => {
  it('reads the payment the return URL names, and nothing that is no payment id', () => {
    expect(PAYMENT_RETURN_PARAM).toBe('rs-payment');
    expect(returnedPaymentId('https://portal.example/billing.html?lang=de&rs-payment=pay-12#pay')).toBe('pay-12');
    expect(returnedPaymentId('https://portal.example/billing.html?lang=de')).toBeNull();
    expect(returnedPaymentId('https://portal.example/?rs-payment=')).toBeNull();
    expect(returnedPaymentId('https://portal.example/?rs-payment=%3Cscript%3E')).toBeNull();
    expect(returnedPaymentId(`https://portal.example/?rs-payment=${'a'.repeat(101)}`)).toBeNull();
    expect(isPaymentId('pay-7f3a')).toBe(true);
    expect(isPaymentId('../admin')).toBe(false);
  });

  it('takes the parameter out and leaves the rest of the address as it was', () => {
    expect(withoutReturnParam('https://portal.example/billing.html?lang=de&rs-payment=pay-12&theme=dark#pay')).toBe(
      'https://portal.example/billing.html?lang=de&theme=dark#pay'
    );
    expect(withoutReturnParam('https://portal.example/billing.html?rs-payment=pay-12')).toBe('https://portal.example/billing.html');
    const untouched = 'https://portal.example/billing.html?q=a%20b';
    expect(withoutReturnParam(untouched)).toBe(untouched);
  });
});
