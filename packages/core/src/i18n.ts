import i18next, { type i18n as I18next } from 'i18next';
import { directionOf, languageOf, type Direction } from './direction.js';
import { createFormatter, type Formatter } from './format.js';
import en from './locales/en.js';
import type { Messages } from './locales/messages.js';

export type { Messages };
export { directionOf, type Direction } from './direction.js';

/** What a widget needs to speak the user's language. */
export interface RingsideI18n {
  readonly locale: string;
  readonly dir: Direction;
  readonly format: Formatter;
  t(key: string, options?: Record<string, unknown>): string;
  /** True when a translation exists for the key (in the locale or the English fallback). */
  has(key: string): boolean;
}

export const FALLBACK_LOCALE = 'en';

/**
 * Languages shipped with Ringside. English is always there; the others are separate chunks a
 * page downloads only when it uses them, so every widget does not carry every language.
 */
const LANGUAGE_LOADERS: Record<string, () => Promise<{ default: Messages }>> = {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
};
export const BUNDLED_LANGUAGES: readonly string[] = [FALLBACK_LOCALE, ...Object.keys(LANGUAGE_LOADERS)];
const loadedLanguages = new Map<string, Messages>([[FALLBACK_LOCALE, en]]);
const pendingLanguages = new Map<string, Promise<void>>();

/** True when the strings for a locale's language are present (or Ringside does not ship that language). */
export function isLocaleReady(locale: string): boolean {
  const language = languageOf(normalizeLocale(locale));
  return loadedLanguages.has(language) || !LANGUAGE_LOADERS[language];
}

/** Downloads a bundled language's strings once; widgets re-render with them when the caller asks. */
export function loadLocale(locale: string): Promise<void> {
  const language = languageOf(normalizeLocale(locale));
  const loader = LANGUAGE_LOADERS[language];
  if (!loader || loadedLanguages.has(language)) return Promise.resolve();
  let pending = pendingLanguages.get(language);
  if (!pending) {
    pending = loader().then((module) => {
      loadedLanguages.set(language, module.default);
      instances.clear();
    });
    pendingLanguages.set(language, pending);
  }
  return pending;
}
const NAMESPACE = 'ringside';

/** Host-supplied strings that add to or override the bundled ones, per language. */
const hostMessages = new Map<string, Messages[]>();

/** A supported BCP 47 tag, or the fallback when the tag is malformed. */
export function normalizeLocale(locale: string | null | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/**
 * Adds or overrides strings for a language, for every Ringside widget on the page
 * (e.g. `addMessages('de', { balance: { topUp: 'Guthaben aufladen' } })`). Later calls win.
 */
export function addMessages(locale: string, messages: Messages): void {
  const language = languageOf(normalizeLocale(locale));
  hostMessages.set(language, [...(hostMessages.get(language) ?? []), messages]);
  instances.clear();
}

const instances = new Map<string, RingsideI18n>();

export interface I18nOptions {
  locale?: string | null;
  /** Per-provider overrides, keyed by language. */
  messages?: Record<string, Messages>;
}

/**
 * An i18n object for a locale. Cached per locale when no per-provider messages are given.
 * Until `loadLocale()` has brought a bundled language, its strings fall back to English.
 */
export function createI18n(options: I18nOptions = {}): RingsideI18n {
  const locale = normalizeLocale(options.locale);
  if (!options.messages) {
    let instance = instances.get(locale);
    if (!instance) {
      instance = buildI18n(locale, {});
      instances.set(locale, instance);
    }
    return instance;
  }
  return buildI18n(locale, options.messages);
}

function buildI18n(locale: string, providerMessages: Record<string, Messages>): RingsideI18n {
  const instance: I18next = i18next.createInstance();
  const languages = new Set([...loadedLanguages.keys(), ...hostMessages.keys(), ...Object.keys(providerMessages).map(languageOf)]);
  const resources: Record<string, Record<string, Messages>> = {};
  for (const language of languages) {
    const layers = [loadedLanguages.get(language) ?? {}, ...(hostMessages.get(language) ?? []), providerMessagesFor(providerMessages, language)];
    resources[language] = { [NAMESPACE]: layers.reduce<Messages>((merged, layer) => deepMerge(merged, layer), {}) };
  }
  void instance.init({
    lng: locale,
    fallbackLng: FALLBACK_LOCALE,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return {
    locale,
    dir: directionOf(locale),
    format: createFormatter(locale),
    t: (key, tOptions = {}) => instance.t(key, tOptions) as string,
    has: (key) => instance.exists(key),
  };
}

function providerMessagesFor(messages: Record<string, Messages>, language: string): Messages {
  return Object.entries(messages)
    .filter(([tag]) => languageOf(tag) === language)
    .reduce<Messages>((merged, [, layer]) => deepMerge(merged, layer), {});
}

function deepMerge(base: Messages, layer: Messages): Messages {
  const result: Messages = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const current = result[key];
    result[key] = typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
  }
  return result;
}
