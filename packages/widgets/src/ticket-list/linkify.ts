import { safeHref } from '../base/safe-href.js';

/** A piece of server text: plain text, or a link that is safe to make clickable. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?'")\]}>]+$/u;

/**
 * Splits server text into text and links. Only http and https addresses become links, and only
 * when they parse as URLs; everything else (javascript:, data:, mailto:, bare domains) stays
 * text. The caller renders segments as text nodes and `<a>` elements, never as HTML.
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    let candidate = match[0];
    // Keep a closing parenthesis that belongs to the address, as in Wikipedia-style links.
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trailing.length);
    let kept = '';
    if (trailing.startsWith(')') && countOf(candidate, '(') > countOf(candidate, ')')) {
      kept = ')';
      candidate += kept;
    }
    const href = safeHref(candidate);
    pushText(text.slice(cursor, start));
    if (href) segments.push({ kind: 'link', text: candidate, href });
    else pushText(candidate);
    pushText(trailing.slice(kept.length));
    cursor = start + match[0].length;
  }
  pushText(text.slice(cursor));
  return segments;
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}
