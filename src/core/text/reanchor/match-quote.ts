import search from 'approx-string-match';

/**
 * Finding a quote in a changed text by its words and its context, the way the Hypothesis client
 * re-anchors a TextQuoteSelector (approx-string-match, quote/prefix/suffix/position weights),
 * with one difference that matters to analysts: a short quote is only trusted where its context
 * agrees. "Putin" occurs a dozen times in a Kremlin story; a deleted "Putin" must be reported,
 * never moved onto the next one.
 */
export interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote would start in the new text if nothing around it moved. */
  hint: number;
  /** Where its end would be: with `hint`, the stretch of new text the edit made of the old place. */
  hintEnd: number;
  /**
   * True when new text at [start, end) is someone else's: it came unchanged from a different
   * occurrence of the same words in the old text, so it belongs to the annotations there.
   */
  claimed(start: number, end: number): boolean;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** True when the matched text is exactly the quote. */
  exact: boolean;
}

/** Similarity 0..1 of two short strings: 1 − edit distance / the longer length. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return 1 - previous[b.length]! / n;
}

/** How well the text around [start, end) agrees with the stored context, 0..1. */
function contextScore(text: string, start: number, end: number, quote: QuoteContext): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (similarity(quote.prefix, before) + similarity(quote.suffix, after)) / 2;
}

/**
 * The context an exact occurrence needs before it is trusted, by quote length. Long quotes are
 * near-unique by themselves (a paragraph moved elsewhere loses its context on one side); a name
 * or a number needs the words around it.
 */
function contextNeededForExact(length: number): number {
  if (length >= 40) return 0;
  if (length >= 15) return 0.35;
  return 0.7;
}

/** Short quotes are never matched approximately: "Putin" one letter off is another word. */
const MIN_APPROXIMATE_LENGTH = 12;
const MAX_ERROR_SHARE = 0.25;
const MIN_APPROXIMATE_CONTEXT = 0.5;
/** Approximate search looks this far around the hint: corrections are local, and whole-text search is slow. */
const WINDOW = 3000;
/** Two exact occurrences closer than this in context score are a tie: the quote is ambiguous. */
const TIE = 0.1;
const MAX_OCCURRENCES = 2000;
/** How far from its old place an unclaimed exact occurrence still counts as the same place: two contexts. */
const NEAR = 64;

/**
 * The exact occurrence to trust, or null. `ambiguous` is set when two occurrences fit equally
 * well, so the caller can ask the analyst instead of guessing.
 */
export function findExact(text: string, quote: QuoteContext): { match: QuoteMatch | null; ambiguous: boolean } {
  const length = quote.exact.length;
  const scored: { start: number; score: number }[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1 && scored.length < MAX_OCCURRENCES; at = text.indexOf(quote.exact, at + 1)) {
    if (!quote.claimed(at, at + length)) scored.push({ start: at, score: contextScore(text, at, at + length, quote) });
  }
  if (scored.length === 0) return { match: null, ambiguous: false };
  // Near what the edit made of the old place, in text no other old occurrence accounts for (the
  // diff paired some of its words with equal words nearby): the same words are the same words.
  const local = scored.filter((c) => c.start >= quote.hint - length - NEAR && c.start + length <= quote.hintEnd + length + NEAR);
  if (local.length > 0) {
    const nearest = local.reduce((a, b) => (Math.abs(b.start - quote.hint) < Math.abs(a.start - quote.hint) ? b : a));
    return { match: { start: nearest.start, end: nearest.start + length, exact: true }, ambiguous: false };
  }
  scored.sort((a, b) => b.score - a.score || Math.abs(a.start - quote.hint) - Math.abs(b.start - quote.hint));
  const [best, second] = scored;
  if (best!.score < contextNeededForExact(length)) return { match: null, ambiguous: false };
  if (second && best!.score - second.score < TIE) return { match: null, ambiguous: true };
  return { match: { start: best!.start, end: best!.start + quote.exact.length, exact: true }, ambiguous: false };
}

/** The best approximate occurrence near the hint that is close enough to show for review, or null. */
export function findApproximate(text: string, quote: QuoteContext): QuoteMatch | null {
  const length = quote.exact.length;
  if (length < MIN_APPROXIMATE_LENGTH) return null;
  const from = Math.max(0, quote.hint - WINDOW - length);
  const window = text.slice(from, quote.hint + length + WINDOW);
  const maxErrors = Math.floor(length * MAX_ERROR_SHARE);
  let best: { match: QuoteMatch; score: number } | null = null;
  for (const m of search(window, quote.exact, maxErrors)) {
    const start = from + m.start;
    const end = from + m.end;
    const quoteSimilarity = 1 - m.errors / length;
    const context = contextScore(text, start, end, quote);
    if (context < MIN_APPROXIMATE_CONTEXT && quoteSimilarity < 0.9) continue;
    const nearness = 1 - Math.min(1, Math.abs(start - quote.hint) / (WINDOW + length));
    // Hypothesis's weights: the quote counts most, then each side of context, then position.
    const score = 50 * quoteSimilarity + 20 * context + 2 * nearness;
    if (!best || score > best.score) best = { match: { start, end, exact: text.slice(start, end) === quote.exact }, score };
  }
  return best?.match ?? null;
}
