import { describe, expect, it } from 'vitest';
import { createFormatter, toDate } from '../src/format.js';
import { currencyDigits, fromMinorUnits, isCurrencyCode, toMinorUnits } from '../src/money.js';

const normalizeSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('createFormatter', () => {
  it('formats money per locale', () => {
    expect(createFormatter('en-US').money(1234.5, 'USD')).toBe('$1,234.50');
    expect(normalizeSpaces(createFormatter('de-DE').money(1234.5, 'EUR'))).toBe('1.234,50 €');
    expect(createFormatter('ar-EG').money(12.5, 'USD')).toContain('\u2066US$\u2069');
    expect(createFormatter('ar-EG').money(12.5, 'EGP')).not.toContain('\u2066');
    expect(createFormatter('en-US').money(-5, 'JPY')).toBe('-¥5');
  });

  it('formats calendar days without shifting them across time zones', () => {
    expect(toDate('2026-03-01').getDate()).toBe(1);
    expect(createFormatter('en-US').date('2026-03-01')).toBe('Mar 1, 2026');
    expect(createFormatter('de-DE').date('2026-03-01')).toBe('01.03.2026');
  });

  it('says relative times in words', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const f = createFormatter('en');
    expect(f.relative(new Date('2026-11-22T12:00:00Z'), now)).toBe('yesterday');
    expect(f.relative(new Date('2026-11-23T09:00:00Z'), now)).toBe('3 hours ago');
    expect(createFormatter('de').relative(new Date('2026-11-25T12:00:00Z'), now)).toBe('übermorgen');
  });

  it('formats percentages', () => {
    expect(createFormatter('en').percent(0.412)).toBe('41%');
    expect(normalizeSpaces(createFormatter('de').percent(0.412))).toBe('41 %');
  });
});

describe('money', () => {
  it('knows minor units per currency', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(fromMinorUnits(1999, 'USD')).toBe(19.99);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('EUR')).toBe(true);
  });
});
