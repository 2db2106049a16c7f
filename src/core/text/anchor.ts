/**
 * Finds a quote in a text using its prefix and suffix to choose among repeats, the way
 * Hypothesis and Recogito re-anchor a TextQuoteSelector. Exact matching only: fuzzy matching is
 * for re-anchoring after edits, and imported quotes must select exactly what they say.
 */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface Anchor {
  start: number;
  end: number;
  /** True when another occurrence fits the context equally well. */
  ambiguous: boolean;
}

/** Characters that agree, reading backwards from the end of both strings. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The best occurrence of `exact` (UTF-16 offsets), or null when the text does not contain it. */
export function anchorQuote(text: string, selector: QuoteSelector): Anchor | null {
  const { exact } = selector;
  if (exact === '') return null;
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  let best: { start: number; score: number } | null = null;
  let ties = 0;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const score = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
    if (!best || score > best.score) {
      best = { start: at, score };
      ties = 0;
    } else if (score === best.score) ties++;
  }
  return best ? { start: best.start, end: best.start + exact.length, ambiguous: ties > 0 } : null;
}
