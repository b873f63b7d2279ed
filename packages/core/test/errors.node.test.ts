import { describe, expect, it } from 'vitest';
import { ERROR_CODES, RingsideError, isRingsideError, toRingsideError } from '../src/errors.js';

describe('RingsideError', () => {
  it('marks transient codes retryable by default and lets the thrower decide', () => {
    expect(new RingsideError('unavailable').retryable).toBe(true);
    expect(new RingsideError('network').retryable).toBe(true);
    expect(new RingsideError('validation').retryable).toBe(false);
    expect(new RingsideError('unavailable', { retryable: false }).retryable).toBe(false);
  });

  it('carries per-field reasons', () => {
    const error = new RingsideError('validation', {
      fields: [
        { field: 'number', reason: 'taken' },
        { field: 'name', reason: 'required' },
      ],
    });
    expect(error.reasonsFor('number')).toEqual([{ field: 'number', reason: 'taken' }]);
    expect(error.reasonsFor('other')).toEqual([]);
  });

  it('maps anything thrown to one error type', () => {
    expect(toRingsideError(new TypeError('Failed to fetch')).code).toBe('network');
    expect(toRingsideError(new Error('boom'))).toMatchObject({ code: 'unavailable', retryable: false, detail: 'boom' });
    const original = new RingsideError('conflict');
    expect(toRingsideError(original)).toBe(original);
    expect(isRingsideError({ code: 'x' })).toBe(false);
  });

  it('has a stable list of codes', () => {
    expect(ERROR_CODES).toContain('payment_declined');
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
