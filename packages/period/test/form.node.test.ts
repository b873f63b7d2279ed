import { describe, expect, it } from 'vitest';
import { compile, format, fromFormPeriods, isRepresentableInForm, parseOrThrow, toFormPeriods, type FormPeriod, type PeriodModel } from '../src/index.js';
import { Random, randomModel } from './support/random.js';
import { row, WORKDAYS } from './support/form-rows.js';

const formOf = (text: string) => toFormPeriods(parseOrThrow(text));
const textOf = (rows: readonly FormPeriod[]) => format(fromFormPeriods(rows));

describe('form conversion', () => {
  it('turns an overnight row into ONE sub-period with a wrapping hour range, and back', () => {
    const overnight = row('20:00', '08:00', { weekdays: WORKDAYS });
    expect(textOf([overnight])).toBe('wd {mo-fr} hr {20-7}');
    expect(formOf('wd {mo-fr} hr {20-7}')).toEqual([overnight]);
    expect(fromFormPeriods([overnight])).toEqual(parseOrThrow('wd {mo-fr} hr {20-7}'));
  });

  it('keeps all months selected as an explicit month range (PortaOne "Select All Months")', () => {
    const rows = [row('20:00', '08:00', { weekdays: WORKDAYS, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] })];
    expect(textOf(rows)).toBe('mo {jan-dec} wd {mo-fr} hr {20-7}');
    expect(formOf('mo {jan-dec} wd {mo-fr} hr {20-7}')).toEqual(rows);
  });

  it('writes whole hours as hr ranges; the end is exclusive and 24:00 (or 00:00) is midnight', () => {
    expect(textOf([row('09:00', '17:00', { weekdays: WORKDAYS })])).toBe('wd {mo-fr} hr {9-16}');
    expect(textOf([row('09:00', '24:00')])).toBe('hr {9-23}');
    expect(textOf([row('09:00', '00:00')])).toBe('hr {9-23}');
    expect(textOf([row('00:00', '06:00')])).toBe('hr {0-5}');
    expect(textOf([row(null, '06:00')])).toBe('hr {0-5}');
    expect(textOf([row('18:00', null)])).toBe('hr {18-23}');
    expect(formOf('hr {9-23}')).toEqual([row('09:00', '24:00')]);
    expect(formOf('hr {0-5}')).toEqual([row('00:00', '06:00')]);
  });

  it('writes minute-precise times as several sub-periods with exactly the intended moments', () => {
    expect(textOf([row('08:30', '17:00', { weekdays: WORKDAYS })])).toBe('wd {mo-fr} hr {8} min {30-59}, wd {mo-fr} hr {9-16}');
    expect(textOf([row('08:30', '17:15')])).toBe('hr {8} min {30-59}, hr {9-16}, hr {17} min {0-14}');
    expect(textOf([row('08:10', '08:50')])).toBe('hr {8} min {10-49}');
    expect(textOf([row('23:30', '00:15')])).toBe('hr {23} min {30-59}, hr {0} min {0-14}');
    expect(textOf([row('08:50', '08:10')])).toBe('hr {8} min {50-59}, hr {9-7}, hr {8} min {0-9}');
    for (const text of ['hr {8} min {30-59}, hr {9-16}', 'hr {23} min {30-59}, hr {0} min {0-14}', 'hr {8} min {50-59}, hr {9-7}, hr {8} min {0-9}']) {
      expect(textOf(formOf(text)!)).toBe(text);
    }
    expect(formOf('wd {mo-fr} hr {8} min {30-59}, wd {mo-fr} hr {9-16}')).toEqual([row('08:30', '17:00', { weekdays: WORKDAYS })]);
  });

  it('reads a whole day as start and end null', () => {
    expect(formOf('wd {sa su}')).toEqual([row(null, null, { weekdays: [1, 7] })]);
    expect(formOf('md {1-15} hr {0-23}')).toEqual([row(null, null, { monthDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] })]);
    expect(textOf([row(null, null, { weekdays: [1, 7] })])).toBe('wd {su sa}');
    expect(textOf([row('08:00', '08:00', { weekdays: [1] })])).toBe('wd {su}');
  });

  it('lists days, also for wrapping ranges', () => {
    expect(formOf('wd {fr-mo} mo {nov-feb} md {30-2}')).toEqual([
      row(null, null, { weekdays: [1, 2, 6, 7], months: [1, 2, 11, 12], monthDays: [1, 2, 30, 31] }),
    ]);
  });

  it('splits hours of one sub-period into one row per stretch', () => {
    expect(formOf('wd {mo-fr} hr {9-11 13-16}')).toEqual([row('09:00', '12:00', { weekdays: WORKDAYS }), row('13:00', '17:00', { weekdays: WORKDAYS })]);
  });

  it('keeps separate rows for different days, in order', () => {
    const rows = [row('09:00', '17:00', { weekdays: WORKDAYS }), row('10:00', '14:00', { weekdays: [7] }), row('12:00', '13:00', { weekdays: WORKDAYS })];
    expect(textOf(rows)).toBe('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}, wd {mo-fr} hr {12}');
    expect(toFormPeriods(fromFormPeriods(rows))).toEqual(rows);
  });

  it('maps always to one unrestricted row and never to no rows', () => {
    expect(toFormPeriods(parseOrThrow(''))).toEqual([row(null, null)]);
    expect(fromFormPeriods([row(null, null)])).toEqual({ kind: 'always' });
    expect(fromFormPeriods([row('09:00', '10:00'), row(null, null)])).toEqual({ kind: 'always' });
    expect(toFormPeriods(parseOrThrow('none'))).toEqual([]);
    expect(fromFormPeriods([])).toEqual({ kind: 'never' });
  });

  it.each(['wk {2}', 'yd {100}', 'yr {2027}', 'sec {0-29}', 'wd {}', 'min {0-29}', 'hr {9-16} min {0-29}', 'hr {8} min {0-9 50-59}', 'wd {mo} hr {9}, wk {1}'])(
    'cannot show %j (the UI keeps the text)',
    (text) => {
      expect(formOf(text)).toBeNull();
      expect(isRepresentableInForm(parseOrThrow(text))).toBe(false);
    }
  );

  it('can show hour ranges of any shape, and a single stretch with minutes', () => {
    for (const text of ['hr {9-11 13-16 20-2}', 'hr {8-9} min {0-59}', 'wd {mo} hr {8} min {15-44}', '']) {
      expect(isRepresentableInForm(parseOrThrow(text)), text).toBe(true);
    }
  });

  it('rejects values outside the form ranges', () => {
    expect(() => fromFormPeriods([row('25:00', '26:00')])).toThrow(RangeError);
    expect(() => fromFormPeriods([row('9:00', '10:00')])).toThrow(RangeError);
    expect(() => fromFormPeriods([row('24:00', '10:00')])).toThrow(RangeError);
    expect(() => fromFormPeriods([row(null, null, { weekdays: [0] })])).toThrow(RangeError);
    expect(() => fromFormPeriods([row(null, null, { months: [13] })])).toThrow(RangeError);
    expect(() => fromFormPeriods([row(null, null, { monthDays: [1.5] })])).toThrow(RangeError);
  });
});

describe('form conversion: properties', () => {
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const sortedSubset = (random: Random, min: number, max: number): number[] => {
    if (random.chance(0.4)) return [];
    const values = new Set<number>();
    const count = random.int(1, max - min + 1);
    for (let index = 0; index < count; index++) values.add(random.int(min, max));
    return [...values].sort((a, b) => a - b);
  };
  const randomRow = (random: Random): FormPeriod => {
    const days = {
      weekdays: sortedSubset(random, 1, 7),
      months: sortedSubset(random, 1, 12),
      monthDays: sortedSubset(random, 1, 31),
    };
    if (random.chance(0.15)) return row(null, null, days);
    const wholeHours = random.chance(0.5);
    const start = wholeHours ? random.int(0, 23) * 60 : random.int(0, 1439);
    let end = wholeHours ? random.int(1, 24) * 60 : random.int(1, 1440);
    if (end % 1440 === start) end = (start + 60) % 1440 || 1440;
    return row(clock(start), clock(end), days);
  };
  const dayKey = (formRow: FormPeriod) => JSON.stringify([formRow.weekdays, formRow.months, formRow.monthDays]);

  /** Rows the form writes back unchanged: neighbours differ in days, and each row restricts something. */
  const randomRows = (random: Random): FormPeriod[] => {
    const rows: FormPeriod[] = [];
    const count = random.int(1, 4);
    while (rows.length < count) {
      const candidate = randomRow(random);
      const unrestricted = candidate.start === null && dayKey(candidate) === dayKey(row(null, null));
      if (unrestricted || (rows.length > 0 && dayKey(rows[rows.length - 1]!) === dayKey(candidate))) continue;
      rows.push(candidate);
    }
    return rows;
  };

  const sameMoments = (a: PeriodModel, b: PeriodModel, random: Random) => {
    const matchA = compile(a);
    const matchB = compile(b);
    for (let sample = 0; sample < 400; sample++) {
      const at = Date.UTC(2024, 0, 1) + random.int(0, 366 * 1440) * 60_000;
      if (matchA(at, 'UTC') !== matchB(at, 'UTC')) return false;
    }
    return true;
  };

  it('toFormPeriods(fromFormPeriods(rows)) gives the rows back (500 random row lists)', () => {
    const random = new Random(7);
    for (let index = 0; index < 500; index++) {
      const rows = randomRows(random);
      const written = fromFormPeriods(rows);
      expect(toFormPeriods(written), format(written)).toEqual(rows);
    }
  });

  it('a model the form can show keeps exactly its moments through the form (random models)', () => {
    const random = new Random(11);
    let shown = 0;
    for (let index = 0; index < 3000; index++) {
      const model = randomModel(random);
      const rows = toFormPeriods(model);
      if (rows === null) continue;
      shown++;
      const back = fromFormPeriods(rows);
      expect(sameMoments(model, back, random), `${format(model)} → ${format(back)}`).toBe(true);
      expect(toFormPeriods(back)).toEqual(rows);
    }
    expect(shown).toBeGreaterThan(50);
  });
});
