/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { addMessages, bundledLanguages, createI18n, directionOf, isLocaleReady, loadLocale, normalizeLocale, registerMessages, type Messages } from '../src/i18n.js';

/** Every translation folder in the repository: core's shared strings and each widget's own. */
const files = import.meta.glob<{ default: Messages }>('/packages/*/src/**/locales/{en,de,ar}.ts', { eager: true });
const folders = new Map<string, Record<string, Messages>>();
for (const [path, module] of Object.entries(files)) {
  const [, folder, locale] = /^(.*)\/(\w+)\.ts$/.exec(path)!;
  folders.set(folder!, { ...folders.get(folder!), [locale!]: module.default });
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

const flatten = (messages: Messages, prefix = ''): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, string]]));

/**
 * Flattens a bundle to `a.b.c` keys, folding plural forms into their base key. A key is a plural
 * form only when its `_other` form exists, so a reason key such as `too_many` stays a key.
 */
function keysOf(messages: Messages): Map<string, Set<string>> {
  const flat = flatten(messages).map(([key]) => key);
  const plurals = new Set(flat.filter((key) => key.endsWith('_other')).map((key) => key.replace(PLURAL, '')));
  const keys = new Map<string, Set<string>>();
  for (const path of flat) {
    const form = PLURAL.exec(path)?.[1];
    const base = form && plurals.has(path.replace(PLURAL, '')) ? path.replace(PLURAL, '') : path;
    const forms = keys.get(base) ?? new Set<string>();
    if (base !== path) forms.add(form!);
    keys.set(base, forms);
  }
  return keys;
}

describe.each([...folders])('translations in %s', (_folder, BUNDLED_LOCALES) => {
  const english = keysOf(BUNDLED_LOCALES.en!);

  it('exist in every bundled language', () => {
    expect(Object.keys(BUNDLED_LOCALES).sort()).toEqual(['ar', 'de', 'en']);
  });

  for (const [locale, messages] of Object.entries(BUNDLED_LOCALES)) {
    it(`${locale} has every key, with every plural form the language needs`, () => {
      const keys = keysOf(messages);
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, englishForms] of english) {
        expect(keys.has(key), `${locale} lacks ${key}`).toBe(true);
        if (englishForms.size) {
          for (const form of needed) expect(keys.get(key)!.has(form), `${locale} lacks ${key}_${form}`).toBe(true);
        }
      }
      for (const key of keys.keys()) expect(english.has(key), `${locale} has unknown key ${key}`).toBe(true);
    });
  }

  it('keeps interpolation placeholders in every translation', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english = new Map(flatten(BUNDLED_LOCALES.en!));
    for (const locale of ['de', 'ar']) {
      for (const [key, text] of flatten(BUNDLED_LOCALES[locale]!)) {
        const base = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
        if (!base) continue;
        const missing = placeholders(base).filter((name) => !placeholders(text).includes(name));
        // Arabic one and two forms may spell the number out instead of its placeholder; its zero
        // form says "none" in its own words.
        const mayOmit = locale !== 'ar' ? 0 : key.endsWith('_zero') ? Infinity : /_(one|two)$/.test(key) ? 1 : 0;
        expect(missing.length, `${locale}:${key} lacks ${missing.join(', ')}`).toBeLessThanOrEqual(mayOmit);
      }
    }
  });
});

describe('loading languages', () => {
  it('ships English at once and other languages on demand', async () => {
    expect(bundledLanguages()).toEqual(['en', 'de', 'ar']);
    expect(isLocaleReady('en-GB')).toBe(true);
    expect(isLocaleReady('fr')).toBe(true);
    expect(isLocaleReady('de-CH')).toBe(false);
    expect(createI18n({ locale: 'de-CH' }).t('common.retry')).toBe('Try again');
    await loadLocale('de-CH');
    expect(isLocaleReady('de')).toBe(true);
    expect(createI18n({ locale: 'de-CH' }).t('common.retry')).toBe('Erneut versuchen');
  });
});

describe('registered bundles', () => {
  it('reach i18n objects made before them, in English at once and other languages once loaded', async () => {
    const german = createI18n({ locale: 'de' });
    expect(german.has('demoWidget.title')).toBe(false);
    registerMessages('demo-widget', {
      en: { demoWidget: { title: 'Demo' } },
      languages: { de: async () => ({ default: { demoWidget: { title: 'Vorführung' } } }) },
    });
    expect(german.t('demoWidget.title')).toBe('Demo');
    expect(isLocaleReady('de')).toBe(false);
    await loadLocale('de');
    expect(german.t('demoWidget.title')).toBe('Vorführung');
  });
});

describe('createI18n', () => {
  beforeAll(async () => {
    await Promise.all(bundledLanguages().map(loadLocale));
  });

  it('translates with plurals per language', () => {
    expect(createI18n({ locale: 'en' }).t('common.days', { count: 1 })).toBe('1 day');
    expect(createI18n({ locale: 'de' }).t('common.days', { count: 3 })).toBe('3 Tage');
    expect(createI18n({ locale: 'ar' }).t('common.days', { count: 2 })).toBe('يومان');
    expect(createI18n({ locale: 'ar' }).t('common.days', { count: 5 })).toBe('5 أيام');
  });

  it('falls back from a regional tag to its language and from unknown languages to English', () => {
    expect(createI18n({ locale: 'de-AT' }).t('common.retry')).toBe('Erneut versuchen');
    expect(createI18n({ locale: 'de-AT' }).locale).toBe('de-AT');
    expect(createI18n({ locale: 'fr' }).t('common.retry')).toBe('Try again');
    expect(createI18n({ locale: 'not a locale!' }).locale).toBe('en');
  });

  it('knows the text direction', () => {
    expect(createI18n({ locale: 'ar-EG' }).dir).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
    expect(normalizeLocale('EN-gb')).toBe('en-GB');
  });

  it('lets a host add and override strings, globally and per provider', () => {
    const i18n = createI18n({ locale: 'en-US' });
    addMessages('en', { common: { retry: 'Retry now' }, custom: { hello: 'Hello' } });
    expect(i18n.t('common.retry')).toBe('Retry now');
    expect(i18n.t('custom.hello')).toBe('Hello');
    expect(i18n.t('common.close')).toBe('Close');
    const provider = createI18n({ locale: 'fr', messages: { fr: { common: { retry: 'Réessayer' } } } });
    expect(provider.t('common.retry')).toBe('Réessayer');
    expect(provider.t('common.close')).toBe('Close');
    addMessages('en', { common: { retry: 'Try again' } });
  });
});
