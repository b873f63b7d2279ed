import { describe, expect, it } from 'vitest';
import { format, parse, parseOrThrow } from '../src/index.js';
import { Random, randomModel } from './support/random.js';

describe('format', () => {
  it.each([
    ['wd {Mon-Fri} hr {9am-4pm}', 'wd {mo-fr} hr {9-16}'],
    ['hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}', 'wd {mo-fr} hr {8-18}, wd {sa} hr {4-6}'],
    ['Month {January-March} mday {1-1}', 'mo {jan-mar} md {1}'],
    ['hour {12am} hour {12noon 1pm-3pm}', 'hr {0 12 13-15}'],
    ['sec {0-4} minute {30-59} yr {99-1972} wk {2} yd {100}', 'yr {99-1972} wk {2} yd {100} min {30-59} sec {0-4}'],
    ['wd {}', 'wd {}'],
    ['wd {sa-mo} hr {20-7}', 'wd {sa-mo} hr {20-7}'],
    ['none', 'none'],
    ['', ''],
    ['Always', ''],
  ])('writes %j as %j', (text, canonical) => {
    expect(format(parseOrThrow(text))).toBe(canonical);
  });

  it('writes a chosen text for always', () => {
    expect(format({ kind: 'always' }, { alwaysText: 'Always' })).toBe('Always');
  });

  it('writes a part without scales (only possible in a hand-made model) as always', () => {
    expect(format({ kind: 'periods', periods: [{ wd: [{ from: 2, to: 2 }] }, {}] })).toBe('');
    expect(format({ kind: 'periods', periods: [] })).toBe('none');
  });

  it('round-trips: parse(format(m)) equals m for 2,000 random models', () => {
    const random = new Random(20250101);
    for (let index = 0; index < 2000; index++) {
      const model = randomModel(random);
      const text = format(model);
      const reparsed = parse(text);
      expect(reparsed, text).toEqual({ ok: true, period: model });
    }
  });
});
