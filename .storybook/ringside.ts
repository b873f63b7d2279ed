/**
 * How stories connect to Ringside: every story is wrapped in <rs-provider> with the toolbar's
 * theme and locale, and the adapter its `parameters.ringside.adapter` factory makes.
 */
import { directionOf, loadLocale, type Messages, type RingsideAdapter, type StoreOptions } from '@ringside/core';
import type { Decorator, Loader } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@ringside/widgets/define';

export type ThemeGlobal = 'light' | 'dark';
export type LocaleGlobal = 'en' | 'de' | 'ar';

/** `parameters.ringside` of a story. Parameters merge, so a story overrides only what it names. */
export interface RingsideParameters {
  /**
   * Makes the story's adapter. Called by a loader once per story render, so every story gets
   * a fresh adapter and fault injection never leaks into the next story. `null` or absent: no
   * adapter (the widget shows "not connected").
   */
  adapter?: (() => RingsideAdapter | null) | null;
  /** Store timing of the provider: `{ staleTime, timeout, retry }`. */
  storeOptions?: StoreOptions;
  /** Extra or overriding translations, keyed by language. */
  messages?: Record<string, Messages>;
  /** `false` renders the story without any <rs-provider> around it. */
  provider?: boolean;
  /** Largest inline size of the story's container (a portal column); default `32rem`. */
  width?: string;
}

/** What the loader hands to the decorator and to play functions (`context.loaded.adapter`). */
export interface RingsideLoaded {
  adapter: RingsideAdapter | null;
}

/** Page colours behind the widgets, per theme, so a dark card is judged on a dark page. */
export const PAGE_BACKGROUND: Record<ThemeGlobal, string> = {
  light: '#f4f6f8',
  dark: '#0d1117',
};

const ringsideOf = (parameters: Record<string, unknown>): RingsideParameters => (parameters.ringside ?? {}) as RingsideParameters;

export const adapterLoader: Loader = async (context): Promise<RingsideLoaded> => {
  const make = ringsideOf(context.parameters).adapter;
  // Strings arrive before the story renders, as a host that awaits loadLocale() would have them.
  await loadLocale(String(context.globals.locale || 'en'));
  return { adapter: typeof make === 'function' ? make() : null };
};

export const withRingside: Decorator = (story, context) => {
  const theme: ThemeGlobal = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = String(context.globals.locale || 'en') as LocaleGlobal;
  const dir = directionOf(locale);
  const ringside = ringsideOf(context.parameters);
  const adapter = (context.loaded as Partial<RingsideLoaded>).adapter ?? null;

  // The preview page itself follows the toolbar: background, colour scheme, language, direction.
  const root = document.documentElement;
  root.lang = locale;
  root.dir = dir;
  root.style.colorScheme = theme;
  document.body.style.backgroundColor = PAGE_BACKGROUND[theme];
  document.body.style.color = theme === 'dark' ? '#e6edf3' : '#1b2430';

  const content = html`<div class="rs-story" lang=${locale} dir=${dir} style=${`max-inline-size: ${ringside.width ?? '32rem'}`}>${story()}</div>`;
  if (ringside.provider === false) return content;
  return html`<rs-provider
    .adapter=${adapter}
    .storeOptions=${ringside.storeOptions}
    .messages=${ringside.messages}
    theme=${theme}
    locale=${locale}
    >${content}</rs-provider
  >`;
};
