import { normalizeFragments, type Fragment } from '../../model/annotation';
import { anchorQuote } from '../../text/anchor';
import { findExact } from '../../text/reanchor/match-quote';
import type { OffsetIndex } from '../../text/offsets';

export type Json = Record<string, unknown>;

export const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObject(v) && typeof v.id === 'string' ? v.id : undefined);

/** `type` may be a string or a list of strings in JSON-LD. */
export function hasType(v: Json, type: string): boolean {
  return asArray(v.type).includes(type);
}

export interface SegmentProblem {
  field: string;
  message: string;
}

/**
 * The fragment one target selects in the text. A TextPositionSelector (code points) is
 * authoritative when its quote, if given, matches there. When it does not (the offsets drifted:
 * another tool counted a byte order mark, CRLFs or a heading differently), the quote is looked
 * for with the matcher `lede update-article` uses (findExact: the nearest occurrence around the
 * stated position, elsewhere only where its context agrees, so a short quote never lands on
 * another occurrence of the same word), and the move is noted in the report. A quote found
 * nowhere, or found twice with nothing to choose between them, is a problem: nothing is placed
 * on text the file did not mean. A quote alone is anchored using its prefix and suffix. Returns
 * a problem naming the field when the target cannot be placed.
 */
export function segmentOf(target: Json, field: string, text: string, index: OffsetIndex, notes: string[]): Fragment | SegmentProblem {
  const selectors = asArray(target.selector).filter(isObject);
  const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  const exact = quote && typeof quote.exact === 'string' ? quote.exact : undefined;
  if (quote && exact === undefined) return { field: `${field}.selector`, message: 'TextQuoteSelector without a string "exact"' };
  if (position) {
    const { start, end } = position;
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) {
      return { field: `${field}.selector`, message: 'TextPositionSelector start and end must be whole numbers ≥ 0' };
    }
    if (start > end) return { field: `${field}.selector`, message: `TextPositionSelector is reversed (${start} > ${end})` };
    if (start === end) return { field: `${field}.selector`, message: `TextPositionSelector is empty (${start}–${end})` };
    if (end > index.codePointLength) {
      return { field: `${field}.selector`, message: `TextPositionSelector ends at ${end}, past the end of the text (${index.codePointLength} characters)` };
    }
    const fragment = { start: index.toUtf16(start)!, end: index.toUtf16(end)! };
    const covered = text.slice(fragment.start, fragment.end);
    if (exact !== undefined && exact !== covered) return reanchorDrifted(quote!, exact, fragment, covered, field, text, index, notes);
    return fragment;
  }
  if (exact !== undefined) {
    const anchor = anchorQuote(text, {
      exact,
      prefix: typeof quote!.prefix === 'string' ? quote!.prefix : '',
      suffix: typeof quote!.suffix === 'string' ? quote!.suffix : '',
    });
    if (!anchor) return { field: `${field}.selector`, message: `quote "${clip(exact)}" does not occur in the text` };
    if (anchor.ambiguous) notes.push(`${field}: quote "${clip(exact)}" occurs more than once; the first best match was used`);
    return { start: anchor.start, end: anchor.end };
  }
  return { field: `${field}.selector`, message: 'no TextPositionSelector or TextQuoteSelector to place the annotation in the text' };
}

/** A position whose quote is not at it: the quote found near it (or, by its context, elsewhere), or a problem. */
function reanchorDrifted(
  quote: Json,
  exact: string,
  stated: Fragment,
  covered: string,
  field: string,
  text: string,
  index: OffsetIndex,
  notes: string[],
): Fragment | SegmentProblem {
  const prefix = typeof quote.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix : '';
  const found =
    exact === ''
      ? { match: null, ambiguous: false }
      : findExact(text, { exact, prefix, suffix, hint: stated.start, hintEnd: stated.end, claimed: () => false });
  const at = `${field}.selector`;
  if (!found.match) {
    const why = found.ambiguous
      ? 'occurs more than once with nothing in its context to choose between them'
      : 'is not in the text near that position, nor anywhere its context agrees';
    return {
      field: at,
      message: `TextQuoteSelector exact "${clip(exact)}" does not match the text at the position, "${clip(covered)}", and ${why}; not imported`,
    };
  }
  const from = index.toCodePoint(stated.start)!;
  const to = index.toCodePoint(found.match.start)!;
  const shift = to - from;
  const how =
    Math.abs(shift) <= 64
      ? `${Math.abs(shift)} character${Math.abs(shift) === 1 ? '' : 's'} ${shift > 0 ? 'later' : 'earlier'}`
      : `at ${to}, where its context agrees`;
  notes.push(
    `${field}: the position (${from}–${index.toCodePoint(stated.end)}) no longer matched its quote "${clip(exact)}"; re-anchored on the quote, ${how}`,
  );
  return { start: found.match.start, end: found.match.end };
}

/** Sorted fragments; overlapping segments (one annotation selecting a span twice) are merged, and said so. */
export function orderSegments(fragments: Fragment[], field: string, notes: string[]): Fragment[] {
  const ordered = normalizeFragments(fragments, { keepTouching: true });
  if (ordered.length < fragments.length) notes.push(`${field}: overlapping targets were merged`);
  return ordered;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
