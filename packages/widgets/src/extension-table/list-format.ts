const formats = new Map<string, Intl.ListFormat>();

/** "201, 202 and 203" in the locale's words; `more` lists without "and" and adds an ellipsis, for a list cut short. */
export function formatList(locale: string, items: readonly string[], more = false): string {
  const type = more ? 'unit' : 'conjunction';
  let format = formats.get(`${locale}|${type}`);
  if (!format) {
    format = new Intl.ListFormat(locale, { type, style: 'long' });
    formats.set(`${locale}|${type}`, format);
  }
  const text = format.format(items);
  return more ? `${text} …` : text;
}
