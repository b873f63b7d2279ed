import type { ParseError, ParseErrorCode } from './errors.js';
import {
  ALWAYS,
  FIRST_FULL_YEAR,
  LONG_SCALE_NAMES,
  NEVER,
  SCALES,
  SCALE_BOUNDS,
  type PeriodModel,
  type Scale,
  type SubPeriod,
  type ValueRange,
} from './model.js';
import {
  indexWithin,
  isSpace,
  isWordChar,
  lastIndexWithin,
  lowerAscii,
  skipSpaces,
  trimEndIndex,
  withoutSpaces,
} from './syntax.js';
import { PeriodSyntaxError } from './syntax-error.js';
import { readValue } from './values.js';

export type ParseResult =
  | { readonly ok: true; readonly period: PeriodModel }
  | { readonly ok: false; readonly error: ParseError };

class Failure {
  constructor(readonly error: ParseError) {}
}

function fail(code: ParseErrorCode, index: number, length: number, detail: ParseError['detail'] = {}): Failure {
  return new Failure({ code, index, length, detail });
}

const SHORT_SCALE_NAMES: ReadonlySet<string> = new Set(SCALES);
const HYPHENATED_WORDS = /[A-Za-z0-9_]+[ \t\n\v\f\r]*-[ \t\n\v\f\r]*[A-Za-z0-9_]+/g;

/**
 * Reads a Time::Period expression. Accepts exactly what Time::Period's `inPeriod` accepts
 * (checking every sub-period, where Perl stops at the first that matches), plus `Always`
 * (PortaOne's word for no restriction); rejects text after a line break inside braces,
 * which Perl would silently ignore.
 */
export function parse(text: string): ParseResult {
  try {
    return { ok: true, period: readPeriod(text) };
  } catch (caught) {
    if (caught instanceof Failure) return { ok: false, error: caught.error };
    throw caught;
  }
}

export function parseOrThrow(text: string): PeriodModel {
  const result = parse(text);
  if (!result.ok) throw new PeriodSyntaxError(result.error, text);
  return result.period;
}

function readPeriod(text: string): PeriodModel {
  const lower = lowerAscii(text);
  const start = skipSpaces(lower, 0, lower.length);
  const end = trimEndIndex(lower, start, lower.length);
  const body = lower.slice(start, end);
  if (body === '' || body === 'always') return ALWAYS;
  if (body === 'none') return NEVER;
  const periods = subPeriodSpans(lower, start, end).map(([from, to]) => readSubPeriod(lower, text, from, to));
  return periods.length === 0 ? NEVER : { kind: 'periods', periods };
}

/**
 * Splits at commas (and the spaces around them) as Perl's `split` does: empty parts at the
 * end are dropped (so `wd {mo},` is valid and `,` alone is never), an empty part elsewhere is an error.
 */
function subPeriodSpans(lower: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = start;
  for (let index = start; index <= end; index++) {
    if (index < end && lower.charCodeAt(index) !== 44 /* , */) continue;
    spans.push([skipSpaces(lower, from, index), trimEndIndex(lower, from, index)]);
    from = index + 1;
  }
  while (spans.length > 0 && isEmpty(spans[spans.length - 1]!)) spans.pop();
  const empty = spans.findIndex(isEmpty);
  if (empty >= 0) {
    const comma = lower.indexOf(',', spans[empty]![0]);
    throw fail('empty_sub_period', comma, 1);
  }
  return spans;
}

function isEmpty([from, to]: [number, number]): boolean {
  return from >= to;
}

/** `scale {ranges}` repeated, optionally separated by spaces; a repeated scale adds ranges. */
function readSubPeriod(lower: string, text: string, start: number, end: number): SubPeriod {
  const ranges = new Map<Scale, ValueRange[]>();
  let position = start;
  while (position < end) {
    const scale = readScaleName(lower, text, position, end);
    const open = skipSpaces(lower, scale.end, end);
    if (open >= end || lower[open] !== '{') {
      throw fail('missing_open_brace', open, open < end ? 1 : 0, { scale: scale.name });
    }
    const close = findClosingBrace(lower, open, end);
    const found = readRanges(scale.name, lower, text, open + 1, close);
    ranges.set(scale.name, [...(ranges.get(scale.name) ?? []), ...found]);
    position = skipSpaces(lower, close + 1, end);
  }
  const subPeriod: { [S in Scale]?: ValueRange[] } = {};
  for (const scale of SCALES) {
    const scaleRanges = ranges.get(scale);
    if (scaleRanges) subPeriod[scale] = scaleRanges;
  }
  return subPeriod;
}

function readScaleName(lower: string, text: string, start: number, end: number): { name: Scale; end: number } {
  let wordEnd = start;
  while (wordEnd < end && isWordChar(lower.charCodeAt(wordEnd))) wordEnd++;
  if (wordEnd === start) {
    if (lower[start] === '}') throw fail('unbalanced_brace', start, 1, { brace: '}' });
    throw fail('expected_scale', start, 1, { found: text[start]! });
  }
  const word = lower.slice(start, wordEnd);
  const name = SHORT_SCALE_NAMES.has(word) ? (word as Scale) : LONG_SCALE_NAMES[word];
  if (!name) throw fail('unknown_scale', start, wordEnd - start, { scale: text.slice(start, wordEnd) });
  return { name, end: wordEnd };
}

function findClosingBrace(lower: string, open: number, end: number): number {
  for (let index = open + 1; index < end; index++) {
    if (lower[index] === '}') return index;
    if (lower[index] === '{') throw fail('nested_brace', index, 1);
  }
  throw fail('unbalanced_brace', open, 1, { brace: '{' });
}

/**
 * The ranges between braces. Perl reads them only up to the first line break after the first
 * value; anything further would be ignored there, so it is an error here.
 */
function readRanges(scale: Scale, lower: string, text: string, start: number, end: number): ValueRange[] {
  const first = skipSpaces(lower, start, end);
  const lineBreak = indexWithin(lower, '\n', first, end);
  if (lineBreak >= 0) {
    const ignored = skipSpaces(lower, lineBreak, end);
    if (ignored < end) throw fail('line_break_in_braces', lineBreak, trimEndIndex(lower, ignored, end) - lineBreak);
  }
  return rangeSpans(lower, first, end).map(([from, to]) => readRange(scale, lower, text, from, to));
}

/**
 * Splits at spaces, except around a `-` between word characters: Perl first rewrites
 * `a - b` to `a-b` (left to right, without overlap), then splits at whitespace.
 */
function rangeSpans(lower: string, start: number, end: number): Array<[number, number]> {
  const content = lower.slice(start, end);
  const joined = new Uint8Array(content.length);
  for (const match of content.matchAll(HYPHENATED_WORDS)) joined.fill(1, match.index, match.index + match[0].length);
  const spans: Array<[number, number]> = [];
  let tokenStart = -1;
  for (let index = 0; index <= content.length; index++) {
    const separates = index === content.length || (isSpace(content.charCodeAt(index)) && joined[index] === 0);
    if (!separates && tokenStart < 0) tokenStart = index;
    if (separates && tokenStart >= 0) {
      spans.push([start + tokenStart, start + index]);
      tokenStart = -1;
    }
  }
  return spans;
}

/** `v` or `v-v`; the last `-` separates the two ends, as Perl's greedy `(.*)-(.*)` does. */
function readRange(scale: Scale, lower: string, text: string, start: number, end: number): ValueRange {
  const hyphen = lastIndexWithin(lower, '-', start, end);
  if (hyphen < 0) {
    const value = readEnd(scale, lower, text, start, end, true);
    return { from: value, to: value };
  }
  const fromEnd = trimEndIndex(lower, start, hyphen);
  const toStart = skipSpaces(lower, hyphen + 1, end);
  if (fromEnd === start || toStart === end) {
    throw fail('empty_range', start, end - start, { scale, range: text.slice(start, end) });
  }
  return {
    from: readEnd(scale, lower, text, start, fromEnd, false),
    to: readEnd(scale, lower, text, toStart, end, false),
  };
}

function readEnd(scale: Scale, lower: string, text: string, start: number, end: number, standalone: boolean): number {
  const reading = readValue(scale, withoutSpaces(lower.slice(start, end)), standalone);
  if (typeof reading === 'number') return reading;
  const value = text.slice(start, end);
  if (reading === 'invalid_value') throw fail(reading, start, end - start, { scale, value });
  const { min, max } = SCALE_BOUNDS[scale];
  const bounds: ParseError['detail'] = scale === 'yr' ? { min, max: 99, firstFullYear: FIRST_FULL_YEAR } : { min, max };
  throw fail(reading, start, end - start, { scale, value, ...bounds });
}
