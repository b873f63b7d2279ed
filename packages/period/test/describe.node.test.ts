import { describe as suite, expect, it } from 'vitest';
import {
  PERIOD_MESSAGES,
  addPeriodMessages,
  describe,
  errorMessage,
  parse,
  parseOrThrow,
  type ParseError,
} from '../src/index.js';

const say = (text: string, locale: string, options = {}) => describe(parseOrThrow(text), locale, options);
const REFERENCE_2025 = { referenceDate: new Date(2025, 5, 1) };

suite('describe in English', () => {
  it('says always and never', () => {
    expect(say('', 'en')).toBe('Always');
    expect(say('Always', 'en')).toBe('Always');
    expect(say('none', 'en')).toBe('Never');
    expect(say('wd {}', 'en')).toBe('Never');
  });

  it('gives weekdays and the hours, the end being the end of the last hour', () => {
    expect(say('wd {mo-fr} hr {20-7}', 'en', { hourCycle: 'h23' })).toBe('Mon–Fri, 20:00–08:00');
    expect(say('wd {mo-fr} hr {20-7}', 'en-GB')).toBe('Mon–Fri, 20:00–08:00');
    expect(say('hr {9-16}', 'en-GB')).toBe('09:00–17:00');
  });

  it("follows the locale's 12-hour clock unless told otherwise", () => {
    expect(say('wd {mo-fr} hr {9-16}', 'en-US')).toBe('Mon–Fri, 9:00 AM–5:00 PM');
    expect(say('wd {mo-fr} hr {9-16}', 'en-GB', { hourCycle: 'h12' })).toMatch(/^Mon–Fri, 9:00\s?am–5:00\s?pm$/i);
  });

  it('joins sub-periods with "or" and ranges of a scale with "and"', () => {
    expect(say('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}', 'en-GB')).toBe('Mon–Fri, 09:00–17:00 or Sat, 10:00–14:00');
    expect(say('wd {mo we fr} hr {9-11 13-16}', 'en-GB')).toBe('Mon, Wed and Fri, 09:00–12:00 and 13:00–17:00');
    expect(say('wd {mo}, wd {tu}, wd {we}', 'en-US')).toBe('Mon, Tue, or Wed');
  });

  it('shows minute-precise times written as several sub-periods as one stretch', () => {
    expect(say('wd {mo-fr} hr {8} min {30-59}, wd {mo-fr} hr {9-16}', 'en-GB')).toBe('Mon–Fri, 08:30–17:00');
    expect(say('hr {23} min {30-59}, hr {0} min {0-14}', 'en-GB')).toBe('23:30–00:15');
  });

  it('describes the scales a form cannot show', () => {
    expect(say('wk {2}', 'en')).toBe('week 2 of the month');
    expect(say('wk {1 3 5}', 'en')).toBe('weeks 1, 3, and 5 of the month');
    expect(say('yd {100}', 'en')).toBe('day 100 of the year');
    expect(say('yr {2027}', 'en')).toBe('year 2027');
    expect(say('min {0-29}', 'en')).toBe('minutes 0–29');
    expect(say('sec {0-4}', 'en')).toBe('seconds 0–4');
    expect(say('md {1-15}', 'en')).toBe('days 1–15 of the month');
    expect(say('md {31}', 'en')).toBe('day 31 of the month');
    expect(say('mo {nov-feb}', 'en')).toBe('Nov–Feb');
    expect(say('hr {9-16} min {0-29}', 'en-GB')).toBe('09:00–17:00, minutes 0–29');
  });

  it('completes two-digit years with the reference date’s century, as Time::Period does when evaluating', () => {
    expect(say('yr {25-27}', 'en', REFERENCE_2025)).toBe('years 2025–2027');
    expect(say('yr {99-1972}', 'en', REFERENCE_2025)).toBe('years 1972–2099');
  });

  it('says always when a sub-period has no effective restriction', () => {
    expect(say('hr {0-23}', 'en')).toBe('Always');
    expect(say('wd {mo}, hr {5-4}', 'en')).toBe('Always');
  });

  it('takes weekday and month names from Intl for any locale', () => {
    const monday = new Intl.DateTimeFormat('fr', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2025, 0, 6));
    const march = new Intl.DateTimeFormat('fr', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2025, 2, 1));
    expect(say('wd {mo} mo {mar}', 'fr')).toBe(`${monday}, ${march}`);
  });
});

suite('describe in German and Arabic', () => {
  it('German', () => {
    expect(say('wd {mo-fr} hr {20-7}', 'de')).toBe('Mo–Fr, 20:00–08:00');
    expect(say('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}', 'de')).toBe('Mo–Fr, 09:00–17:00 oder Sa, 10:00–14:00');
    expect(say('', 'de')).toBe('Immer');
    expect(say('none', 'de')).toBe('Nie');
    expect(say('wk {2} yd {100}', 'de')).toBe('Woche 2 des Monats, Tag 100 des Jahres');
    expect(say('md {1-15} min {0-29}', 'de')).toBe('Minuten 0–29, Tage 1–15 des Monats');
  });

  it('Arabic, with its plural forms', () => {
    expect(say('wd {mo-fr} hr {20-7}', 'ar')).toBe('الاثنين – الجمعة، 8:00 م – 8:00 ص');
    expect(say('', 'ar')).toBe('دائمًا');
    expect(say('none', 'ar')).toBe('أبدًا');
    expect(say('md {5}', 'ar')).toBe('اليوم 5 من الشهر');
    expect(say('md {1 3}', 'ar')).toBe('اليومان 1 و3 من الشهر');
    expect(say('md {1-15}', 'ar')).toBe('الأيام 1 – 15 من الشهر');
    expect(say('yr {2027}', 'ar')).toBe('عام 2027');
    expect(say('wd {sa}, wd {su}', 'ar')).toBe('السبت أو الأحد');
  });

  it('uses the digits of the locale', () => {
    expect(say('md {5}', 'ar-EG')).toBe('اليوم ٥ من الشهر');
  });
});

suite('translations', () => {
  const pluralBase = /_(zero|one|two|few|many|other)$/;
  const flatten = (messages: object, prefix = ''): Record<string, string> =>
    Object.entries(messages).reduce<Record<string, string>>((flat, [key, value]) => {
      if (typeof value === 'string') flat[prefix + key] = value;
      else Object.assign(flat, flatten(value as object, `${prefix}${key}.`));
      return flat;
    }, {});
  const english = flatten(PERIOD_MESSAGES.en);

  it.each(['de', 'ar'] as const)('%s has every key, each plural category, and real translations', (locale) => {
    const translated = flatten(PERIOD_MESSAGES[locale]);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of Object.keys(english)) {
      const base = key.replace(pluralBase, '');
      const wanted = base === key ? [key] : categories.map((category) => `${base}_${category}`);
      for (const wantedKey of wanted) expect(translated[wantedKey], `${locale}: ${wantedKey}`).toBeTruthy();
    }
    const unchanged = Object.keys(translated).filter((key) => translated[key] === english[key]);
    expect(unchanged.filter((key) => !['range', 'partSeparator'].includes(key))).toEqual([]);
  });

  it('lets a host add or override strings', () => {
    addPeriodMessages('de', { always: 'Jederzeit' });
    try {
      expect(say('', 'de')).toBe('Jederzeit');
      expect(say('', 'de-AT')).toBe('Jederzeit');
    } finally {
      addPeriodMessages('de', { always: PERIOD_MESSAGES.de.always as string });
    }
    expect(say('', 'de')).toBe('Immer');
  });

  it('lets a host translate through its own function', () => {
    const seen: string[] = [];
    const t = (key: string, values?: Record<string, unknown>) => {
      seen.push(key);
      return key === 'range' ? `${String(values?.from)} to ${String(values?.to)}` : `[${key}]`;
    };
    expect(say('wd {mo-fr}', 'en', { t })).toBe('Mon to Fri');
    expect(say('none', 'en', { t })).toBe('[never]');
    expect(seen).toContain('never');
  });

  it('falls back to English strings for other languages and malformed locales', () => {
    expect(say('none', 'sv')).toBe('Never');
    expect(say('none', 'not a locale!')).toBe('Never');
  });
});

suite('errorMessage', () => {
  const errorOf = (text: string): ParseError => {
    const result = parse(text);
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };

  it('explains each error in the locale', () => {
    expect(errorMessage(errorOf('hr {24}'), 'en')).toBe('24 is outside the hour (hr) range: use 0–23.');
    expect(errorMessage(errorOf('hr {24}'), 'de')).toBe(
      '24 liegt außerhalb des Bereichs für Stunde (hr): Erlaubt sind 0–23.',
    );
    expect(errorMessage(errorOf('hr {24}'), 'ar')).toBe('القيمة 24 خارج نطاق الساعة (hr): استخدم 0–23.');
    expect(errorMessage(errorOf('yr {1500}'), 'en')).toBe('1500 is not a valid year: use 0–99, or 1970 and later.');
    expect(errorMessage(errorOf('xx {1}'), 'en')).toMatch(/^“xx” is not a scale\./);
    expect(errorMessage(errorOf('wd {mo'), 'en')).toBe('This “{” is never closed with “}”.');
    expect(errorMessage(errorOf('wd {mo}}'), 'en')).toBe('This “}” has no matching “{”.');
    expect(errorMessage(errorOf('wd {mo'), 'ar')).toBe('هذا القوس «{» لم يُغلَق بالقوس «}».');
    // Scale names carry the article (الساعة): "لـ" + "ال" would be ungrammatical ("لـالساعة").
    expect(errorMessage(errorOf('hr {9-17:30}'), 'ar')).toBe('«17:30» ليست قيمة صالحة في الساعة (hr).');
  });

  it('has a message for every error code in every bundled language', () => {
    const samples = [
      'xx {1}',
      '{mo}',
      'wd mo',
      'wd {mo',
      'wd {mo}}',
      'wd {mo {tu}}',
      'wd {mo\ntu}',
      'wd {1-}',
      'wd {xx}',
      'hr {24}',
      'yr {100}',
      ',wd {mo}',
    ];
    for (const locale of ['en', 'de', 'ar']) {
      for (const sample of samples) {
        const message = errorMessage(errorOf(sample), locale);
        expect(message, `${locale} ${sample}`).not.toMatch(/errors\.|\{\{/);
      }
    }
  });
});
