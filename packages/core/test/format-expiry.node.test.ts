import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src/format.js';

describe('createFormatter().cardExpiry', () => {
  it('writes month and year with two digits each, the locale’s way', () => {
    expect(createFormatter('en-US').cardExpiry({ month: 9, year: 2027 })).toBe('09/27');
    expect(createFormatter('de-DE').cardExpiry({ month: 9, year: 2027 })).toBe('09/27');
    expect(createFormatter('en-US').cardExpiry({ month: 12, year: 2030 })).toBe('12/30');
  });

  it('uses the locale’s digits', () => {
    const arabic = createFormatter('ar-EG').cardExpiry({ month: 3, year: 2028 });
    expect(arabic).toContain('٠٣');
    expect(arabic).toContain('٢٨');
  });

  it('keeps the month in every time zone (January does not become December)', () => {
    expect(createFormatter('en-US').cardExpiry({ month: 1, year: 2027 })).toBe('01/27');
  });
});
