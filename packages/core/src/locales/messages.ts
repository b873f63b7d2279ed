/** A translation bundle: nested keys, string leaves. Plural forms use i18next's `_one`, `_other`… suffixes. */
export interface Messages {
  [key: string]: string | Messages;
}
