import { describe, expect, it } from 'vitest';
import { amountFieldReasons, formatAmountInput, parseAmount } from '../src/payment-form/amount.js';
import { accountNumberReasons, formatIban, ibanReasons, passesAbaChecksum, routingNumberReasons } from '../src/payment-form/bank-checks.js';
import {
  cardNumberReasons,
  cardReasons,
  detectBrand,
  expiryReasons,
  formatCardNumber,
  holderReasons,
  parseExpiry,
  passesLuhn,
  securityCodeReasons,
} from '../src/payment-form/card-checks.js';
import { DEMO_TEST_NUMBERS, demoTokenize } from '../src/payment-form/demo-processor.js';

const reasonsOf = (list: { reason: string }[]) => list.map((item) => item.reason);

describe('parseAmount', () => {
  it('reads amounts the way each locale writes them', () => {
    expect(parseAmount('12.50', 'en', 'USD')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('1,234.5', 'en-US', 'USD')).toEqual({ ok: true, value: 1234.5 });
    expect(parseAmount('12,50', 'de-DE', 'EUR')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('1.234,56', 'de', 'EUR')).toEqual({ ok: true, value: 1234.56 });
    expect(parseAmount('1 234,56', 'fr-FR', 'EUR')).toEqual({ ok: true, value: 1234.56 });
    expect(parseAmount('٢٥٫٥٠', 'ar-EG', 'USD')).toEqual({ ok: true, value: 25.5 });
    expect(parseAmount('25.50', 'ar', 'USD')).toEqual({ ok: true, value: 25.5 });
    expect(parseAmount('1000', 'ja', 'JPY')).toEqual({ ok: true, value: 1000 });
  });

  it('ignores currency symbols and codes around the number', () => {
    expect(parseAmount('$ 20', 'en', 'USD')).toEqual({ ok: true, value: 20 });
    expect(parseAmount('20,00 €', 'de', 'EUR')).toEqual({ ok: true, value: 20 });
    expect(parseAmount('USD 7.5', 'en', 'USD')).toEqual({ ok: true, value: 7.5 });
  });

  it('refuses to guess when the separators do not fit the locale', () => {
    // In German "." groups thousands: "12.50" is neither twelve and a half nor 1,250.
    expect(parseAmount('12.50', 'de', 'EUR')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('12,50', 'en', 'USD')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('1,2,3', 'en', 'USD')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('12a', 'en', 'USD')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('12.', 'en', 'USD')).toEqual({ ok: false, reason: 'format' });
  });

  it('names what is wrong: nothing typed, too many decimals, a negative amount', () => {
    expect(parseAmount('  ', 'en', 'USD')).toEqual({ ok: false, reason: 'required' });
    expect(parseAmount('12.505', 'en', 'USD')).toEqual({ ok: false, reason: 'precision' });
    expect(parseAmount('12.5', 'ja', 'JPY')).toEqual({ ok: false, reason: 'precision' });
    expect(parseAmount('-5', 'en', 'USD')).toEqual({ ok: false, reason: 'negative' });
  });

  it('round-trips what the input shows', () => {
    for (const locale of ['en', 'de', 'ar', 'fr']) {
      const shown = formatAmountInput(1234.5, locale, 'EUR');
      expect(parseAmount(shown, locale, 'EUR')).toEqual({ ok: true, value: 1234.5 });
    }
    expect(formatAmountInput(12.5, 'de', 'EUR')).toBe('12,50');
  });

  it('checks the limits', () => {
    const limits = { minAmount: 5, maxAmount: 1000 };
    expect(amountFieldReasons(parseAmount('4.99', 'en', 'USD'), limits)).toEqual([{ field: 'amount', reason: 'too_small', params: { min: 5 } }]);
    expect(amountFieldReasons(parseAmount('1000.01', 'en', 'USD'), limits)).toEqual([{ field: 'amount', reason: 'too_large', params: { max: 1000 } }]);
    expect(amountFieldReasons(parseAmount('5', 'en', 'USD'), limits)).toEqual([]);
    expect(amountFieldReasons(parseAmount('', 'en', 'USD'), limits)).toEqual([{ field: 'amount', reason: 'required' }]);
  });
});

describe('card checks', () => {
  it('runs the Luhn check', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('')).toBe(false);
  });

  it('detects brands by issuer prefix', () => {
    expect(detectBrand('4242424242424242')).toBe('visa');
    expect(detectBrand('5555555555554444')).toBe('mastercard');
    expect(detectBrand('2223003122003222')).toBe('mastercard');
    expect(detectBrand('378282246310005')).toBe('amex');
    expect(detectBrand('6011111111111117')).toBe('discover');
    expect(detectBrand('3566002020360505')).toBe('jcb');
    expect(detectBrand('36227206271667')).toBe('diners');
    expect(detectBrand('6200000000000005')).toBe('unionpay');
    expect(detectBrand('9999')).toBe('unknown');
  });

  it('accepts pasted numbers with spaces and dashes', () => {
    expect(cardNumberReasons('4242 4242 4242 4242')).toEqual([]);
    expect(cardNumberReasons('4242-4242-4242-4242')).toEqual([]);
    expect(cardNumberReasons(' 3782 822463 10005 ')).toEqual([]);
  });

  it('names the problem with a card number', () => {
    expect(reasonsOf(cardNumberReasons(''))).toEqual(['required']);
    expect(reasonsOf(cardNumberReasons('4242 abcd'))).toEqual(['invalid']);
    expect(reasonsOf(cardNumberReasons('4242 4242 4242'))).toEqual(['length']);
    expect(reasonsOf(cardNumberReasons('3782 822463 1000'))).toEqual(['length']);
    expect(reasonsOf(cardNumberReasons('4242 4242 4242 4241'))).toEqual(['luhn']);
  });

  it('formats numbers as printed', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
  });

  it('reads expiry dates as typed and wants them in the future', () => {
    const now = new Date(2026, 10, 23);
    expect(parseExpiry('08/29')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('8 / 2029')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('0829')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('13/29')).toBeNull();
    expect(reasonsOf(expiryReasons('11/26', now))).toEqual([]);
    expect(reasonsOf(expiryReasons('10/26', now))).toEqual(['past']);
    expect(reasonsOf(expiryReasons('1/2', now))).toEqual(['invalid']);
    expect(reasonsOf(expiryReasons('', now))).toEqual(['required']);
    expect(reasonsOf(expiryReasons('01/99', now))).toEqual(['invalid']);
  });

  it('wants four security digits for Amex and three for others', () => {
    expect(securityCodeReasons('123', '4242424242424242')).toEqual([]);
    expect(securityCodeReasons('1234', '4242424242424242')).toEqual([{ field: 'securityCode', reason: 'length', params: { length: 3 } }]);
    expect(securityCodeReasons('1234', '378282246310005')).toEqual([]);
    expect(securityCodeReasons('123', '378282246310005')).toEqual([{ field: 'securityCode', reason: 'length', params: { length: 4 } }]);
    expect(reasonsOf(securityCodeReasons('', '4242424242424242'))).toEqual(['required']);
  });

  it('checks the holder name', () => {
    expect(holderReasons('Jane Doe')).toEqual([]);
    expect(holderReasons('محمد علي')).toEqual([]);
    expect(reasonsOf(holderReasons(' '))).toEqual(['required']);
    expect(reasonsOf(holderReasons('4242 4242'))).toEqual(['invalid']);
  });

  it('reports every problem of a card in field order', () => {
    const fields = cardReasons({ number: '4242', expiry: '1/20', securityCode: '', holder: '' }, new Date(2026, 0, 1)).map((reason) => reason.field);
    expect(fields).toEqual(['number', 'expiry', 'securityCode', 'holder']);
  });
});

describe('bank checks', () => {
  it('checks ABA routing numbers by their checksum', () => {
    expect(passesAbaChecksum('110000000')).toBe(true);
    expect(passesAbaChecksum('021000021')).toBe(true);
    expect(passesAbaChecksum('021000022')).toBe(false);
    expect(reasonsOf(routingNumberReasons('0210 00021'))).toEqual([]);
    expect(routingNumberReasons('12345')).toEqual([{ field: 'routingNumber', reason: 'length', params: { length: 9 } }]);
    expect(reasonsOf(routingNumberReasons('021000022'))).toEqual(['checksum']);
  });

  it('checks account numbers', () => {
    expect(accountNumberReasons('000123456789')).toEqual([]);
    expect(reasonsOf(accountNumberReasons('12'))).toEqual(['invalid']);
    expect(reasonsOf(accountNumberReasons(''))).toEqual(['required']);
  });

  it('checks IBANs by country length and mod-97 checksum, however they are written', () => {
    expect(ibanReasons('DE89 3704 0044 0532 0130 00')).toEqual([]);
    expect(ibanReasons('gb82west12345698765432')).toEqual([]);
    expect(ibanReasons('NL91-ABNA-0417-1643-00')).toEqual([]);
    expect(reasonsOf(ibanReasons('DE89 3704 0044 0532 0130 01'))).toEqual(['checksum']);
    expect(ibanReasons('DE89 3704 0044 0532 0130')).toEqual([{ field: 'iban', reason: 'length', params: { length: 22 } }]);
    expect(reasonsOf(ibanReasons('XX89370400440532013000'))).toEqual(['country']);
    expect(reasonsOf(ibanReasons('1234'))).toEqual(['invalid']);
    expect(reasonsOf(ibanReasons(''))).toEqual(['required']);
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});

describe('the demo processor', () => {
  const now = new Date(2026, 10, 23);
  const card = (number: string) => ({ kind: 'card' as const, number, expiry: '12/30', securityCode: '123', holder: 'Jane Doe' });

  it('answers a token and what identifies the card, never the number', () => {
    const answer = demoTokenize(card('4242 4242 4242 4242'), now);
    expect(answer).toMatchObject({ method: { kind: 'card', brand: 'visa', last4: '4242', expiry: { month: 12, year: 2030 } } });
    const serialized = JSON.stringify(answer);
    expect(serialized).not.toContain('4242424242424242');
    expect(serialized).not.toContain('123"');
  });

  it('turns the documented test numbers into tokens the demo backends understand', () => {
    const token = (number: string) => {
      const answer = demoTokenize(card(number), now);
      return 'method' in answer ? answer.method.token : '';
    };
    expect(token('4242424242424242')).toMatch(/^tok_card_/);
    expect(token('4000000000000002')).toMatch(/^tok_decline\.card_declined\./);
    expect(token('4000000000009995')).toMatch(/^tok_decline\.insufficient_funds\./);
    expect(token('4000000000003220')).toMatch(/^tok_3ds_/);
    expect(token('4000 0084 0000 1629')).toMatch(/^tok_3ds_decline\.card_declined\./);
    expect(token('4000008260003178')).toMatch(/^tok_3ds_decline\.insufficient_funds\./);
    expect(token('4000008400001280')).toMatch(/^tok_3ds_decline\.authentication_failed\./);
    expect(Object.keys(DEMO_TEST_NUMBERS).length).toBeGreaterThan(5);
  });

  it('rejects what the page should have rejected', () => {
    expect(demoTokenize(card('4242424242424241'), now)).toEqual({ fields: [{ field: 'number', reason: 'luhn' }] });
    expect(demoTokenize({ kind: 'direct_debit', holder: 'A B', iban: 'DE00' }, now)).toMatchObject({ fields: [{ field: 'iban' }] });
    expect(
      demoTokenize({ kind: 'bank_account', holder: 'Jo Smith', routingNumber: '110000000', accountNumber: '000222222227', accountType: 'checking' }, now)
    ).toMatchObject({
      method: { kind: 'bank_account', last4: '2227', token: expect.stringMatching(/^tok_decline\.insufficient_funds\./) },
    });
  });
});
