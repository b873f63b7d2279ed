import i18next from 'i18next';
import type { ParseError } from './errors.js';
import { numberFormat } from './intl.js';
import ar from './locales/ar.json' with { type: 'json' };
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** Strings of this package for one language; see `locales/en.json` for the keys. */
export interface PeriodMessages {
  readonly [key: string]: string | PeriodMessages;
}

/** Looks up a key (such as `errors.unknown_scale`) and fills in `{{placeholders}}`; `count` picks plurals. */
export type PeriodTranslate = (key: string, values?: Record<string, unknown>) => string;

/** The bundled strings, for hosts that load them into their own i18next instance. */
export const PERIOD_MESSAGES: Readonly<Record<'en' | 'de' | 'ar', PeriodMessages>> = { en, de, ar };

const NAMESPACE = 'period';
const FALLBACK_LOCALE = 'en';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: FALLBACK_LOCALE,
  fallbackLng: FALLBACK_LOCALE,
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  // Copies: i18next merges added strings into its resources, which must not change PERIOD_MESSAGES.
  resources: Object.fromEntries(
    Object.entries(PERIOD_MESSAGES).map(([locale, messages]) => [locale, { [NAMESPACE]: structuredClone(messages) }]),
  ),
  // Results are plain text, never markup: callers put them into text nodes.
  interpolation: { escapeValue: false },
});

const translators = new Map<string, PeriodTranslate>();

/** A valid BCP 47 tag, or English when the tag is malformed. */
export function normalizeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/**
 * Adds or overrides strings for a language or locale (e.g. `addPeriodMessages('de',
 * { always: 'Jederzeit' })`); later calls win. A language without bundled strings falls back to English.
 */
export function addPeriodMessages(locale: string, messages: PeriodMessages): void {
  i18n.addResourceBundle(normalizeLocale(locale), NAMESPACE, messages, true, true);
  translators.clear();
}

export function translatorFor(locale: string): PeriodTranslate {
  let translate = translators.get(locale);
  if (!translate) {
    const fixed = i18n.getFixedT(locale, NAMESPACE);
    translate = (key, values) => String(fixed(key, values ?? {}));
    translators.set(locale, translate);
  }
  return translate;
}

/** For exceptions meant for developers. */
export function englishText(key: string, values?: Record<string, unknown>): string {
  return translatorFor(FALLBACK_LOCALE)(key, values);
}

export interface MessageOptions {
  /** Use the host's translations instead of the bundled ones. */
  readonly t?: PeriodTranslate;
}

/** The parse error as a sentence in the locale, e.g. "“xy” is not a scale. …". */
export function errorMessage(error: ParseError, locale: string, options: MessageOptions = {}): string {
  const normalized = normalizeLocale(locale);
  const translate = options.t ?? translatorFor(normalized);
  const formatNumber = numberFormat(normalized);
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.detail)) {
    values[name] = typeof value === 'number' ? formatNumber(value) : value;
  }
  if (typeof error.detail.scale === 'string') values.scaleName = translate(`scaleNames.${error.detail.scale}`);
  return translate(errorKey(error), values);
}

function errorKey({ code, detail }: ParseError): string {
  if (code === 'unbalanced_brace') {
    return detail.brace === '}' ? 'errors.unbalanced_brace_close' : 'errors.unbalanced_brace_open';
  }
  if (code === 'value_out_of_range' && detail.scale === 'yr') return 'errors.value_out_of_range_year';
  return `errors.${code}`;
}
