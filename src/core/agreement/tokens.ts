import type { Fragment } from '../model/annotation';

/**
 * Tokens for the token-level agreement figures: maximal runs of non-whitespace characters of the
 * article text, as UTF-16 offsets like every other offset in Lede.
 *
 * "Whitespace" is exactly the set Python's `\s` matches in a str pattern (what bratiaa's `\S+`
 * tokenizer splits on), so token counts equal the reference tools' on any text: it differs from
 * JavaScript's `\s` in counting U+001C–U+001F and U+0085 as whitespace and U+FEFF as not.
 */
const WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Every whitespace character is in the BMP, so a flat table over the BMP answers in one lookup. */
const IS_SPACE = new Uint8Array(0x10000);
for (const c of WHITESPACE) IS_SPACE[c] = 1;

/** The tokens of one text: token i covers [starts[i], ends[i]). Sorted and disjoint by construction. */
export interface TokenIndex {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export function tokenize(text: string): TokenIndex {
  // A token is at least one character with a space after it (or the end): at most ⌈n/2⌉ of them.
  const starts = new Int32Array((text.length + 1) >> 1);
  const ends = new Int32Array(starts.length);
  let count = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const space = IS_SPACE[text.charCodeAt(i)] === 1;
    if (space && start >= 0) {
      starts[count] = start;
      ends[count++] = i;
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  if (start >= 0) {
    starts[count] = start;
    ends[count++] = text.length;
  }
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/** Index of the first token ending after `offset` (count when there is none). */
function firstTokenEndingAfter(index: TokenIndex, offset: number): number {
  let lo = 0;
  let hi = index.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tokens a half-open range overlaps, as [first, last) token indexes: token t overlaps
 * [start, end) when it starts before `end` and ends after `start` (bratiaa's rule), so a range
 * touching part of a word counts the whole word, and a range of only whitespace counts none.
 */
export function overlappingTokens(index: TokenIndex, fragment: Fragment): { first: number; last: number } {
  const first = firstTokenEndingAfter(index, fragment.start);
  let last = first;
  while (last < index.count && index.starts[last]! < fragment.end) last++;
  return { first, last };
}

/** Calls `visit` once per token each fragment overlaps: a token under two fragments is visited twice. */
export function forEachFragmentToken(index: TokenIndex, fragments: readonly Fragment[], visit: (token: number) => void): void {
  for (const fragment of fragments) {
    const { first, last } = overlappingTokens(index, fragment);
    for (let t = first; t < last; t++) visit(t);
  }
}
