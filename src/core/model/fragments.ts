/**
 * Fragment helpers that need no schema library, so code that runs in a web worker (the
 * suggestion rules) can use them without bundling zod. model/annotation.ts re-exports them.
 */

/** A half-open UTF-16 range: the shape of annotation.ts's Fragment (which its zod schema validates). */
export interface Fragment {
  start: number;
  end: number;
}

/** Longest quote an annotation can hold: all of an article at the 20 MB limit (UTF-16 units <= UTF-8 bytes). */
export const MAX_QUOTE_LENGTH = 20 * 1024 * 1024;

/** Why a fragment list is unusable for a text of the given length, or null when it is fine. */
export function fragmentProblem(fragments: readonly Fragment[], textLength: number): string | null {
  if (fragments.length === 0) return 'an annotation needs at least one fragment';
  let previousEnd = -1;
  for (const [i, f] of fragments.entries()) {
    if (f.start >= f.end) return `fragment ${i + 1} is empty or reversed (${f.start}–${f.end})`;
    if (f.end > textLength) return `fragment ${i + 1} ends at ${f.end}, past the end of the text (${textLength})`;
    if (f.start < previousEnd) return `fragment ${i + 1} overlaps or precedes the one before it`;
    previousEnd = f.end;
  }
  return null;
}

/**
 * Sorts fragments, merges overlapping ones and drops empty ones. Touching fragments are merged too
 * unless `keepTouching` is set: an importer keeps them apart where its format writes them so (a
 * brat discontinuous span `0 5;5 9` is two fragments in brat's own display).
 */
export function normalizeFragments(fragments: readonly Fragment[], options: { keepTouching?: boolean } = {}): Fragment[] {
  const sorted = fragments.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Fragment[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && (options.keepTouching ? f.start < last.end : f.start <= last.end)) last.end = Math.max(last.end, f.end);
    else merged.push({ start: f.start, end: f.end });
  }
  return merged;
}

/** The covered text, fragments joined by a space-ellipsis-space as in a quotation with a cut. */
export function fragmentsText(text: string, fragments: readonly Fragment[]): string {
  return fragments.map((f) => text.slice(f.start, f.end)).join(' … ');
}

export function spanStart(a: { fragments: readonly Fragment[] }): number {
  return a.fragments[0]?.start ?? 0;
}

export function spanEnd(a: { fragments: readonly Fragment[] }): number {
  return a.fragments[a.fragments.length - 1]?.end ?? 0;
}

/** Anything placed in the text by fragments: an annotation, a suggestion, a painted span. */
export interface Spanned {
  id: string;
  fragments: readonly Fragment[];
}

/**
 * Document order, the one canonical order of annotations (and of spans on screen): by first offset,
 * longer (outer) spans first so nesting reads naturally, then by id in code-unit order (never locale
 * order, which differs between machines and would make the same document sort two ways).
 */
export function compareSpans(a: Spanned, b: Spanned): number {
  return spanStart(a) - spanStart(b) || spanEnd(b) - spanEnd(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sameFragments(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  return a.length === b.length && a.every((f, i) => f.start === b[i]!.start && f.end === b[i]!.end);
}
