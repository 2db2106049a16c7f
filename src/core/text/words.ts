/**
 * Word boundaries for tidying an analyst's selection and for word-wise caret movement.
 *
 * A word is a run of letters, digits, combining marks and connector punctuation, and it keeps a
 * hyphen between two word characters ("co-operate") and a point or comma between two digits
 * ("3.5", "1,200"). An apostrophe ends a word, so "Trump" in "Trump's" can be tagged as an actor. This is deliberately simple and locale-free so that the
 * same selection snaps the same way in every runtime (Intl.Segmenter's rules vary with the ICU
 * version bundled by Node and by Chromium).
 */
import { splitsSurrogatePair } from './offsets';

export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Pc}]$/u;
const DIGIT = /^\p{N}$/u;
const WORD_JOINER = /^[-‐‑]$/u;
const NUMBER_JOINER = /^[.,]$/u;
const WHITESPACE = /^\s$/u;

/** The whole character (one or two code units) that covers UTF-16 offset `i`. */
function charAt(text: string, i: number): string {
  if (i < 0 || i >= text.length) return '';
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 1, i + 1);
  }
  const point = text.codePointAt(i) ?? 0;
  return String.fromCodePoint(point);
}

/** Offset of the character before `i` (steps over a whole surrogate pair). */
function previousIndex(text: string, i: number): number {
  return splitsSurrogatePair(text, i - 1) ? i - 2 : i - 1;
}

/** Offset just after the character starting at `i`. */
function nextIndex(text: string, i: number): number {
  return splitsSurrogatePair(text, i + 1) ? i + 2 : i + 1;
}

/** True when the character at `i` belongs to a word (a joiner counts only between word characters). */
export function isWordAt(text: string, i: number): boolean {
  const ch = charAt(text, i);
  if (ch === '') return false;
  if (WORD_CHAR.test(ch)) return true;
  const before = charAt(text, previousIndex(text, i));
  const after = charAt(text, nextIndex(text, i));
  if (WORD_JOINER.test(ch)) return WORD_CHAR.test(before) && WORD_CHAR.test(after);
  if (NUMBER_JOINER.test(ch)) return DIGIT.test(before) && DIGIT.test(after);
  return false;
}

export function isWhitespaceAt(text: string, i: number): boolean {
  return WHITESPACE.test(charAt(text, i));
}

/** Never leave an end of a range between the two halves of a surrogate pair. */
function keepPairsWhole(text: string, range: TextRange): TextRange {
  const start = splitsSurrogatePair(text, range.start) ? range.start - 1 : range.start;
  const end = splitsSurrogatePair(text, range.end) ? range.end + 1 : range.end;
  return { start, end };
}

/** Clamps a range into the text and orders its ends. */
export function clampRange(text: string, range: TextRange): TextRange {
  const a = Math.max(0, Math.min(text.length, Math.trunc(range.start)));
  const b = Math.max(0, Math.min(text.length, Math.trunc(range.end)));
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** Drops whitespace (spaces, tabs, line breaks) at both ends; the result may be empty. */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = clampRange(text, range);
  while (start < end && isWhitespaceAt(text, start)) start++;
  while (end > start && isWhitespaceAt(text, end - 1)) end--;
  return { start, end };
}

/** Widens each end that falls inside a word to that word's edge. Never crosses whitespace. */
export function snapRange(text: string, range: TextRange): TextRange {
  let { start, end } = keepPairsWhole(text, clampRange(text, range));
  if (start === end) return { start, end };
  while (start > 0 && isWordAt(text, start) && isWordAt(text, previousIndex(text, start))) start = previousIndex(text, start);
  while (end < text.length && isWordAt(text, end) && isWordAt(text, previousIndex(text, end))) end = nextIndex(text, end);
  return { start, end };
}

/**
 * What a selection becomes before it is tagged: whitespace trimmed from the edges and, when
 * `snap` is on, each end widened to a whole word. Null when nothing but whitespace was selected.
 */
export function tidySelection(text: string, range: TextRange, snap: boolean): TextRange | null {
  const trimmed = keepPairsWhole(text, trimRange(text, range));
  if (trimmed.start >= trimmed.end) return null;
  return snap ? snapRange(text, trimmed) : trimmed;
}

/**
 * Where word-wise caret movement lands (Ctrl/Alt+arrow): forward to the end of the current or next
 * word, backward to the start of the current or previous word — so Shift+Ctrl+Right from the
 * start of a word selects exactly that word.
 */
export function wordStep(text: string, offset: number, direction: 1 | -1): number {
  let i = Math.max(0, Math.min(text.length, offset));
  if (direction === 1) {
    while (i < text.length && !isWordAt(text, i)) i = nextIndex(text, i);
    while (i < text.length && isWordAt(text, i)) i = nextIndex(text, i);
  } else {
    while (i > 0 && !isWordAt(text, previousIndex(text, i))) i = previousIndex(text, i);
    while (i > 0 && isWordAt(text, previousIndex(text, i))) i = previousIndex(text, i);
  }
  return i;
}

/** One character left or right, stepping over surrogate pairs whole. */
export function charStep(text: string, offset: number, direction: 1 | -1): number {
  const i = Math.max(0, Math.min(text.length, offset));
  if (direction === 1) return i >= text.length ? i : nextIndex(text, i);
  return i <= 0 ? 0 : previousIndex(text, i);
}

/** The word around `offset` (for double-click-like selection from the keyboard), or null. */
export function wordAround(text: string, offset: number): TextRange | null {
  const i = Math.max(0, Math.min(text.length, offset));
  const at = isWordAt(text, i) ? i : i > 0 && isWordAt(text, previousIndex(text, i)) ? previousIndex(text, i) : -1;
  if (at < 0) return null;
  return snapRange(text, { start: at, end: nextIndex(text, at) });
}
