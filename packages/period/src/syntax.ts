// Character classes exactly as Time::Period sees its (byte-string) input: ASCII only.
// A non-ASCII character is neither whitespace nor a word character there, so it is not here.

export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13); // space \t \n \v \f \r
}

export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Perl's `lc` on a byte string: only A–Z change, so offsets stay valid. */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export function withoutSpaces(text: string): string {
  return text.replace(/[ \t\n\v\f\r]+/g, '');
}

/** Index of the first non-space character in [from, to), or `to`. */
export function skipSpaces(text: string, from: number, to: number): number {
  let index = from;
  while (index < to && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** End of [from, to) after dropping trailing spaces. */
export function trimEndIndex(text: string, from: number, to: number): number {
  let index = to;
  while (index > from && isSpace(text.charCodeAt(index - 1))) index--;
  return index;
}

/** Index of `char` in [from, to), or -1; unlike indexOf it never looks past `to`. */
export function indexWithin(text: string, char: string, from: number, to: number): number {
  for (let index = from; index < to; index++) if (text[index] === char) return index;
  return -1;
}

/** Last index of `char` in [from, to), or -1; unlike lastIndexOf it never looks before `from`. */
export function lastIndexWithin(text: string, char: string, from: number, to: number): number {
  for (let index = to - 1; index >= from; index--) if (text[index] === char) return index;
  return -1;
}
