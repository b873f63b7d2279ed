import { describe, expect, it } from 'vitest';
import { PeriodSyntaxError, parse, parseOrThrow, type ParseError, type PeriodModel } from '../src/index.js';

function periodOf(text: string): PeriodModel {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(result.error)}`);
  return result.period;
}

function errorOf(text: string): ParseError {
  const result = parse(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be malformed`);
  return result.error;
}

/** The text an error points at. */
function pointedAt(text: string): string {
  const { index, length } = errorOf(text);
  return text.slice(index, index + length);
}

describe('parse: whole-period words', () => {
  it.each(['', '   ', '\t\n ', 'Always', 'ALWAYS', '  always  '])('reads %j as always', (text) => {
    expect(periodOf(text)).toEqual({ kind: 'always' });
  });

  it.each(['none', 'NONE', ' None\n'])('reads %j as never', (text) => {
    expect(periodOf(text)).toEqual({ kind: 'never' });
  });

  it('reads only commas as never, because Perl drops empty trailing parts and then has nothing to match', () => {
    expect(periodOf(',')).toEqual({ kind: 'never' });
    expect(periodOf(' , , ')).toEqual({ kind: 'never' });
  });
});

describe('parse: structure', () => {
  it('reads scales and ranges into canonical numbers', () => {
    expect(periodOf('wd {mo-fr} hr {9-16}')).toEqual({
      kind: 'periods',
      periods: [{ wd: [{ from: 2, to: 6 }], hr: [{ from: 9, to: 16 }] }],
    });
  });

  it('reads PortaOne-style text without spaces and with long weekday names', () => {
    expect(periodOf('hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}')).toEqual({
      kind: 'periods',
      periods: [
        { wd: [{ from: 2, to: 6 }], hr: [{ from: 8, to: 18 }] },
        { wd: [{ from: 7, to: 7 }], hr: [{ from: 4, to: 6 }] },
      ],
    });
  });

  it('accepts long scale names, any case and spacing, and mixes them with codes', () => {
    expect(
      periodOf('Year {2027} MONTH {Jan} week {2} yday {100} mday {1} wday {Su} hour {1} minute {2} second {3}'),
    ).toEqual(periodOf('yr {2027} mo {1} wk {2} yd {100} md {1} wd {1} hr {1} min {2} sec {3}'));
    expect(periodOf('wd{mo}hr{9}')).toEqual(periodOf('wd {mo} hr {9}'));
    expect(periodOf(' wd\t{ mo  tu }  ,\n hr { 9 } ')).toEqual(periodOf('wd {mo tu}, hr {9}'));
    expect(periodOf('wd\n{mo}')).toEqual(periodOf('wd {mo}'));
  });

  it('joins a spaced "v - v" into one range', () => {
    expect(periodOf('wd {sa - mo}')).toEqual(periodOf('wd {sa-mo}'));
    expect(periodOf('wd {sa -mo tu- we}')).toEqual(periodOf('wd {sa-mo tu-we}'));
  });

  it('adds the ranges of a repeated scale, long or short, and writes scales in a fixed order', () => {
    expect(periodOf('hr {9} wd {mo} hour {10} wd {fr}')).toEqual({
      kind: 'periods',
      periods: [
        {
          wd: [
            { from: 2, to: 2 },
            { from: 6, to: 6 },
          ],
          hr: [
            { from: 9, to: 9 },
            { from: 10, to: 10 },
          ],
        },
      ],
    });
  });

  it('keeps a scale without ranges, which matches nothing (as in Perl)', () => {
    expect(periodOf('wd {} hr { }')).toEqual({ kind: 'periods', periods: [{ wd: [], hr: [] }] });
  });

  it('drops empty parts after the last comma, as Perl does', () => {
    expect(periodOf('wd {mo},')).toEqual(periodOf('wd {mo}'));
    expect(periodOf('wd {mo} , ,')).toEqual(periodOf('wd {mo}'));
  });
});

describe('parse: values', () => {
  const single = (scale: string, value: string) => {
    const period = periodOf(`${scale} {${value}}`);
    if (period.kind !== 'periods') throw new Error('expected sub-periods');
    const ranges = Object.values(period.periods[0]!)[0]!;
    expect(ranges).toHaveLength(1);
    expect(ranges[0]!.from).toBe(ranges[0]!.to);
    return ranges[0]!.from;
  };

  it('reads weekday names by their first two letters, 1 = Sunday', () => {
    expect(['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].map((name) => single('wd', name))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(single('wd', 'Sunday')).toBe(1);
    expect(single('wd', 'Thu')).toBe(5);
    expect(single('wd', 'mo1')).toBe(2);
    expect(single('wd', '7')).toBe(7);
  });

  it('reads month names by their first three letters', () => {
    expect(single('mo', 'january')).toBe(1);
    expect(single('mo', 'DEC')).toBe(12);
    expect(single('mo', 'Sept')).toBe(9);
    expect(single('mo', '09')).toBe(9);
  });

  it('reads 12am, 1am–11am, 12noon, 12pm, 1pm–11pm as Perl does (including 13am = 13)', () => {
    expect(single('hr', '12am')).toBe(0);
    expect(single('hr', '1am')).toBe(1);
    expect(single('hr', '11am')).toBe(11);
    expect(single('hr', '12noon')).toBe(12);
    expect(single('hr', '12pm')).toBe(12);
    expect(single('hr', '1pm')).toBe(13);
    expect(single('hr', '11PM')).toBe(23);
    expect(single('hr', '13am')).toBe(13);
    expect(single('hr', '0pm')).toBe(12);
  });

  it('keeps two-digit and four-digit years as written', () => {
    expect(single('yr', '25')).toBe(25);
    expect(single('yr', '0')).toBe(0);
    expect(single('yr', '1970')).toBe(1970);
    expect(periodOf('yr {99-1972}')).toEqual({ kind: 'periods', periods: [{ yr: [{ from: 99, to: 1972 }] }] });
  });

  it('keeps wrapping ranges as written', () => {
    expect(periodOf('hr {20-7} wd {fr-mo}')).toEqual({
      kind: 'periods',
      periods: [{ wd: [{ from: 6, to: 2 }], hr: [{ from: 20, to: 7 }] }],
    });
  });

  it('reproduces Perl quirks: a lone yd value is read numerically, and name ends split at the last "-"', () => {
    expect(single('yd', '5a')).toBe(5);
    expect(single('yd', '+5')).toBe(5);
    expect(single('yd', '.5e1')).toBe(5);
    expect(periodOf('mo {jan-foo-mar}')).toEqual(periodOf('mo {jan-mar}'));
  });
});

describe('parse: malformed text says where and why', () => {
  it.each([
    // text, code, the text the error points at
    ['xx {1}', 'unknown_scale', 'xx'],
    ['wd {mo} mins {1}', 'unknown_scale', 'mins'],
    ['w d {mo}', 'unknown_scale', 'w'],
    ['wd2 {mo}', 'unknown_scale', 'wd2'],
    ['wd mo', 'missing_open_brace', 'm'],
    ['{mo}', 'expected_scale', '{'],
    ['wd {mo} !', 'expected_scale', '!'],
    ['wd {mo', 'unbalanced_brace', '{'],
    ['wd {mo}}', 'unbalanced_brace', '}'],
    ['wd {mo {tu}}', 'nested_brace', '{'],
    ['wd {mo,tu}', 'unbalanced_brace', '{'],
    [',wd {mo}', 'empty_sub_period', ','],
    ['wd {mo},,wd {tu}', 'empty_sub_period', ','],
    ['hr {24}', 'value_out_of_range', '24'],
    ['hr {20-25}', 'value_out_of_range', '25'],
    ['hr {13pm}', 'value_out_of_range', '13pm'],
    ['hr {1noon}', 'invalid_value', '1noon'],
    ['hr {9:00}', 'invalid_value', '9:00'],
    ['md {0}', 'value_out_of_range', '0'],
    ['md {32}', 'value_out_of_range', '32'],
    ['wk {7}', 'value_out_of_range', '7'],
    ['yd {367}', 'value_out_of_range', '367'],
    ['yd {0-5}', 'value_out_of_range', '0'],
    ['yd {5a-6}', 'invalid_value', '5a'],
    ['min {60}', 'value_out_of_range', '60'],
    ['sec {1-60}', 'value_out_of_range', '60'],
    ['yr {1500}', 'value_out_of_range', '1500'],
    ['yr {100}', 'value_out_of_range', '100'],
    ['yr {y2k}', 'invalid_value', 'y2k'],
    ['mo {13}', 'value_out_of_range', '13'],
    ['mo {ja}', 'invalid_value', 'ja'],
    ['mo {1jan}', 'invalid_value', '1jan'],
    ['wd {8}', 'value_out_of_range', '8'],
    ['wd {s}', 'invalid_value', 's'],
    ['wd {sa-mo-x}', 'invalid_value', 'x'],
    ['wd {1-}', 'empty_range', '1-'],
    ['wd {-3}', 'empty_range', '-3'],
    ['wd {mo - }', 'empty_range', '-'],
    ['always, wd {mo}', 'unknown_scale', 'always'],
  ] as const)('%j → %s at %j', (text, code, pointed) => {
    expect(errorOf(text).code).toBe(code);
    expect(pointedAt(text)).toBe(pointed);
  });

  it('points past the end when something is missing there', () => {
    expect(errorOf('wd {mo} hr')).toMatchObject({ code: 'missing_open_brace', index: 10, length: 0 });
  });

  it('gives offsets in the original text, after leading spaces and upper case', () => {
    expect(errorOf('   WD {MO} HR {25}')).toMatchObject({ code: 'value_out_of_range', index: 15, length: 2 });
  });

  it('carries the values a message needs', () => {
    expect(errorOf('hr {24}').detail).toEqual({ scale: 'hr', value: '24', min: 0, max: 23 });
    expect(errorOf('yr {1500}').detail).toEqual({ scale: 'yr', value: '1500', min: 0, max: 99, firstFullYear: 1970 });
    expect(errorOf('wd {mo}}').detail).toEqual({ brace: '}' });
    expect(errorOf('wd {mo').detail).toEqual({ brace: '{' });
  });

  it('rejects text after a line break inside braces, which Time::Period would silently ignore', () => {
    expect(errorOf('wd {mo\ntu}')).toMatchObject({ code: 'line_break_in_braces', index: 6 });
    expect(periodOf('wd {mo\n}')).toEqual(periodOf('wd {mo}'));
    expect(periodOf('wd {\n mo}')).toEqual(periodOf('wd {mo}'));
  });

  it('checks every sub-period, also those after one that would match', () => {
    expect(errorOf('wd {mo}, wd {xx}').code).toBe('invalid_value');
  });
});

describe('parse: long input', () => {
  it('takes time in proportion to the length (100,000 ranges in one scale, 20,000 sub-periods)', () => {
    const started = performance.now();
    expect(parse(`hr {${'1 2-3 '.repeat(50_000)}}`).ok).toBe(true);
    expect(parse(Array.from({ length: 20_000 }, () => 'wd {mo-fr} hr {9-16}').join(', ')).ok).toBe(true);
    expect(parse(`min {${'1 '.repeat(50_000)}60}`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('parseOrThrow', () => {
  it('returns the model', () => {
    expect(parseOrThrow('none')).toEqual({ kind: 'never' });
  });

  it('throws a PeriodSyntaxError carrying the error and an English message', () => {
    try {
      parseOrThrow('wd {xx}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PeriodSyntaxError);
      const syntaxError = error as PeriodSyntaxError;
      expect(syntaxError.error).toMatchObject({ code: 'invalid_value', index: 4, length: 2 });
      expect(syntaxError.text).toBe('wd {xx}');
      expect(syntaxError.message).toBe('“xx” is not a valid value for weekday (wd).');
    }
  });
});
