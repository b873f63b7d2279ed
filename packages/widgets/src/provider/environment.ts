import {
  RingsideStore,
  createI18n,
  type Messages,
  type RingsideAdapter,
  type RingsideEnvironment,
  type StoreOptions,
  type ThemeName,
} from '@ringside/core';

/** What a host page configures Ringside with. */
export interface RingsideOptions {
  adapter?: RingsideAdapter | null;
  /** BCP 47 tag; defaults to the page's `lang`. */
  locale?: string;
  theme?: ThemeName;
  /** Strings that add to or override the bundled translations, per language. */
  messages?: Record<string, Messages>;
  /** Cache and timing of reads: staleness, timeout, retries. */
  store?: StoreOptions;
}

/**
 * Builds the environment widgets receive. The store (and its cache) survives a change of
 * locale or theme, and is replaced only when the adapter changes.
 */
export function createEnvironment(options: RingsideOptions, previous?: RingsideEnvironment): RingsideEnvironment {
  const adapter = options.adapter ?? null;
  const locale = options.locale ?? document.documentElement.lang;
  const store = previous && previous.adapter === adapter ? previous.store : new RingsideStore(options.store);
  return {
    adapter,
    store,
    i18n: createI18n({ locale, messages: options.messages }),
    theme: options.theme ?? 'light',
  };
}
