export type Direction = 'ltr' | 'rtl';

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The primary language subtag, lower-cased: `de-AT` → `de`. */
export function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] || 'en';
}

export function directionOf(locale: string): Direction {
  return RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr';
}
