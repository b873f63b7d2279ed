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

type MessagesLoader = () => Promise<{ default: Messages }>;

/**
 * A part of Ringside's strings — the shared ones, or one widget's — in English, with the other
 * bundled languages as separate chunks. A page downloads only the languages it uses, and a
 * widget's bundle carries only its own strings.
 */
export interface MessageBundle {
  en: Messages;
  languages: Record<string, MessagesLoader>;
}

const bundles = new Map<string, MessageBundle>();
/** Strings that have arrived, per language and bundle name. */
const loaded = new Map<string, Map<string, Messages>>();
const pending = new Map<string, Promise<void>>();
/** Changes whenever strings arrive, so i18n objects know to rebuild. */
let messagesVersion = 0;

function messagesChanged(): void {
  messagesVersion++;
}

/** Makes a bundle of strings available; each widget registers its own, once. */
export function registerMessages(name: string, bundle: MessageBundle): void {
  if (bundles.has(name)) return;
  bundles.set(name, bundle);
  setLoaded(FALLBACK_LOCALE, name, bundle.en);
}

function setLoaded(language: string, name: string, messages: Messages): void {
  let byName = loaded.get(language);
  if (!byName) {
    byName = new Map();
    loaded.set(language, byName);
  }
  byName.set(name, messages);
  messagesChanged();
}

function missingFor(language: string): [string, MessagesLoader][] {
  const have = loaded.get(language);
  return [...bundles].flatMap(([name, bundle]) => {
    const loader = Object.hasOwn(bundle.languages, language) ? bundle.languages[language] : undefined;
    return loader && !have?.has(name) ? [[name, loader] as [string, MessagesLoader]] : [];
  });
}

/** Languages Ringside ships strings for. */
export function bundledLanguages(): string[] {
  return [FALLBACK_LOCALE, ...new Set([...bundles.values()].flatMap((bundle) => Object.keys(bundle.languages)))];
}

/** True when every registered bundle's strings for the locale's language are present (or not shipped). */
export function isLocaleReady(locale: string): boolean {
  // Widgets ask on every string they translate: answer from memory until strings change.
  const known = readiness.get(locale);
  if (known?.version === messagesVersion) return known.ready;
  const ready = missingFor(languageOf(normalizeLocale(locale))).length === 0;
  readiness.set(locale, { version: messagesVersion, ready });
  return ready;
}

const readiness = new Map<string, { version: number; ready: boolean }>();

/** Downloads the locale's strings of every registered bundle that lacks them. */
export function loadLocale(locale: string): Promise<void> {
  const language = languageOf(normalizeLocale(locale));
  return Promise.all(
    missingFor(language).map(([name, loader]) => {
      const key = `${language}/${name}`;
      let request = pending.get(key);
      if (!request) {
        request = loader().then((module) => setLoaded(language, name, module.default));
        pending.set(key, request);
      }
      return request;
    }),
  ).then(() => undefined);
}

registerMessages('core', {
  en,
  languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
});

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
  messagesChanged();
}

const instances = new Map<string, RingsideI18n>();

export interface I18nOptions {
  locale?: string | null;
  /** Per-provider overrides, keyed by language. */
  messages?: Record<string, Messages>;
}

/**
 * An i18n object for a locale; one per locale when no per-provider messages are given. It keeps
 * up with strings that arrive later (a widget registered afterwards, `loadLocale()`,
 * `addMessages()`); until a bundled language has arrived, its strings fall back to English.
 */
export function createI18n(options: I18nOptions = {}): RingsideI18n {
  const locale = normalizeLocale(options.locale);
  if (options.messages) return new LiveI18n(locale, options.messages);
  let instance = instances.get(locale);
  if (!instance) {
    instance = new LiveI18n(locale, {});
    instances.set(locale, instance);
  }
  return instance;
}

class LiveI18n implements RingsideI18n {
  readonly dir: Direction;
  readonly format: Formatter;
  #instance: I18next | undefined;
  #builtAt = -1;

  constructor(
    readonly locale: string,
    private readonly providerMessages: Record<string, Messages>,
  ) {
    this.dir = directionOf(locale);
    this.format = createFormatter(locale);
  }

  t(key: string, options: Record<string, unknown> = {}): string {
    return this.#current().t(key, options) as string;
  }

  has(key: string): boolean {
    return this.#current().exists(key);
  }

  #current(): I18next {
    if (this.#instance && this.#builtAt === messagesVersion) return this.#instance;
    const languages = new Set([...loaded.keys(), ...hostMessages.keys(), ...Object.keys(this.providerMessages).map(languageOf)]);
    const resources: Record<string, Record<string, Messages>> = {};
    for (const language of languages) {
      const layers = [...(loaded.get(language)?.values() ?? []), ...(hostMessages.get(language) ?? []), providerMessagesFor(this.providerMessages, language)];
      resources[language] = { [NAMESPACE]: layers.reduce<Messages>((merged, layer) => deepMerge(merged, layer), {}) };
    }
    const instance = i18next.createInstance();
    void instance.init({
      lng: this.locale,
      fallbackLng: FALLBACK_LOCALE,
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    this.#instance = instance;
    this.#builtAt = messagesVersion;
    return instance;
  }
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
