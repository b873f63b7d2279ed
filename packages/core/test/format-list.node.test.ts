import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src/format.js';

describe('createFormatter().list', () => {
  it('joins names as each locale does', () => {
    expect(createFormatter('en').list(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben, and Cleo');
    expect(createFormatter('de').list(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben und Cleo');
    expect(createFormatter('ar').list(['أ', 'ب'])).toBe('أ وب');
  });

  it('leaves one item and no items as they are', () => {
    expect(createFormatter('en').list(['Ana'])).toBe('Ana');
    expect(createFormatter('en').list([])).toBe('');
  });

  it('offers alternatives and facts without a conjunction', () => {
    expect(createFormatter('en').list(['PDF', 'PNG'], { type: 'disjunction' })).toBe('PDF or PNG');
    expect(createFormatter('de').list(['PDF', 'PNG'], { type: 'disjunction' })).toBe('PDF oder PNG');
    expect(createFormatter('en').list(['2 KB', 'application/pdf'], { type: 'unit' })).toBe('2 KB, application/pdf');
    expect(createFormatter('en').list(['A', 'B', 'C'], { type: 'unit', style: 'narrow' })).toBe('A B C');
  });
});
