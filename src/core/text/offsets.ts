/**
 * Conversion between UTF-16 code unit offsets (JavaScript string indexes, what Lede stores) and
 * Unicode code point offsets (what W3C Web Annotation positions, brat and doccano count).
 *
 * News text has few characters outside the Basic Multilingual Plane (emoji, some CJK, maths
 * letters), so instead of scanning the text for every conversion the index records where each
 * surrogate pair starts once; a conversion is then a binary search over that short list, and for
 * the common all-BMP text the two offsets are simply equal.
 *
 * A lone surrogate (malformed UTF-16) counts as one code point, as it does when a string is
 * iterated in JavaScript or Python, so offsets agree with those tools.
 */
export interface OffsetIndex {
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** True when the text has no surrogate pair: both offset systems coincide. */
  readonly bmpOnly: boolean;
  /** The code point offset of a UTF-16 offset, or null if outside the text or inside a surrogate pair. */
  toCodePoint(utf16: number): number | null;
  /** The UTF-16 offset of a code point offset, or null if outside the text. */
  toUtf16(codePoint: number): number | null;
}

/** UTF-16 positions at which a surrogate pair (one astral character) starts, in increasing order. */
function astralStarts(text: string): number[] {
  const starts: number[] = [];
  // A regular expression finds pairs far faster than a per-character loop on long BMP texts.
  const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  for (let m = pair.exec(text); m !== null; m = pair.exec(text)) starts.push(m.index);
  return starts;
}

/** Number of entries in the sorted array that are strictly below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function offsetIndex(text: string): OffsetIndex {
  const starts = astralStarts(text);
  // Code point position of each astral character: its UTF-16 start minus the pairs before it.
  const codePointStarts = starts.map((s, i) => s - i);
  const utf16Length = text.length;
  const codePointLength = utf16Length - starts.length;
  const isInt = (n: number) => Number.isInteger(n);
  return {
    codePointLength,
    utf16Length,
    bmpOnly: starts.length === 0,
    toCodePoint(utf16: number): number | null {
      if (!isInt(utf16) || utf16 < 0 || utf16 > utf16Length) return null;
      if (starts.length === 0) return utf16;
      const before = countBelow(starts, utf16);
      // Offset falls between the two halves of a pair when the pair starts right before it.
      if (before > 0 && starts[before - 1] === utf16 - 1) return null;
      return utf16 - before;
    },
    toUtf16(codePoint: number): number | null {
      if (!isInt(codePoint) || codePoint < 0 || codePoint > codePointLength) return null;
      if (starts.length === 0) return codePoint;
      return codePoint + countBelow(codePointStarts, codePoint);
    },
  };
}

/** True when a UTF-16 offset lies between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return false;
  const before = text.charCodeAt(utf16 - 1);
  const after = text.charCodeAt(utf16);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Length in code points, without building an index. */
export function codePointLength(text: string): number {
  let pairs = 0;
  const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  while (pair.exec(text) !== null) pairs++;
  return text.length - pairs;
}
