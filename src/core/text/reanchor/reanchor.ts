import { normalizeFragments, type Fragment } from '../../model/fragments';
import { CONTEXT_LENGTH } from '../selectors';
import { findApproximate, findExact } from './match-quote';
import { diffTexts, mapBack, mapNear, mapUnchanged, type TextDiff } from './text-diff';

/**
 * Re-anchoring: when an article's text is replaced by a newer version (a correction, an update),
 * where does each annotation go? Unchanged text is followed through a diff of the two versions;
 * text that changed is looked for by its quote and context. Every annotation ends in one state:
 *
 * - placed: its text is unchanged, at the same place modulo the shift of edits around it;
 * - moved: its exact text was found elsewhere (a paragraph moved, an edit misaligned the diff);
 * - needs-review: only an approximate match (a word of the quote was corrected), or some of its
 *   fragments were lost: the analyst should look;
 * - orphaned: nothing trustworthy was found; `fragments` is null.
 *
 * Placed and moved annotations cover exactly their old text, character for character.
 */
export type ReanchorState = 'placed' | 'moved' | 'needs-review' | 'orphaned';

export const REANCHOR_STATES: readonly ReanchorState[] = ['placed', 'moved', 'needs-review', 'orphaned'];

export interface AnchoredSpan {
  id: string;
  fragments: readonly Fragment[];
}

export interface ReanchorResult {
  id: string;
  state: ReanchorState;
  /** The new fragments (sorted, disjoint, non-empty), or null for an orphan. */
  fragments: Fragment[] | null;
}

/**
 * Where an orphan's text used to be in the new text: the stretch the edit left between the
 * unchanged text around it, at least one character (for storing an orphan on a valid range
 * beside a marker; it covers no text of the orphan's). Empty only for an empty new text.
 */
export function formerPlace(oldText: string, newText: string, fragments: readonly Fragment[], diff = diffTexts(oldText, newText)): Fragment[] {
  if (newText.length === 0 || fragments.length === 0) return [];
  let start = Math.min(mapNear(diff, fragments[0]!.start), newText.length - 1);
  let end = Math.min(mapNear(diff, fragments[fragments.length - 1]!.end), newText.length);
  if (end <= start) end = start + 1;
  if (start < 0) start = 0;
  return [{ start, end }];
}

type FragmentState = Exclude<ReanchorState, 'orphaned'> | 'lost';

/**
 * One fragment at a time: a quote interrupted by "he said" has two, and either may be edited.
 * The quote and its context are read from the old text at the stored offsets (offsets are what
 * Lede trusts; the stored selectors were computed from exactly these).
 */
function reanchorFragment(oldText: string, newText: string, diff: TextDiff, f: Fragment): { state: FragmentState; fragment?: Fragment } {
  const unchanged = mapUnchanged(diff, f.start, f.end);
  if (unchanged) return { state: 'placed', fragment: unchanged };
  const exactText = oldText.slice(f.start, f.end);
  // Where an edit touches the fragment's edge, the diff may pair up equal neighbouring tokens
  // either way; if the fragment's start (or end) went through unchanged text and the same
  // characters are still there, the fragment is where it was.
  for (const start of [mapNear(diff, f.start), mapNear(diff, f.end) - exactText.length]) {
    if (start >= 0 && newText.startsWith(exactText, start)) return { state: 'placed', fragment: { start, end: start + exactText.length } };
  }
  const quote = {
    exact: exactText,
    prefix: oldText.slice(Math.max(0, f.start - CONTEXT_LENGTH), f.start),
    suffix: oldText.slice(f.end, f.end + CONTEXT_LENGTH),
    hint: mapNear(diff, f.start),
    hintEnd: mapNear(diff, f.end),
    claimed: (start: number, end: number) => {
      const source = mapBack(diff, start, end);
      return source !== null && source.start !== f.start;
    },
  };
  const exact = findExact(newText, quote);
  if (exact.match) {
    const { start, end } = exact.match;
    return { state: start === quote.hint ? 'placed' : 'moved', fragment: { start, end } };
  }
  const approximate = findApproximate(newText, quote);
  if (approximate) return { state: 'needs-review', fragment: { start: approximate.start, end: approximate.end } };
  return { state: 'lost' };
}

/** Re-anchors every annotation of an article from `oldText` to `newText`, in input order. */
export function reanchorAll(oldText: string, newText: string, annotations: readonly AnchoredSpan[]): ReanchorResult[] {
  const diff = diffTexts(oldText, newText);
  return annotations.map((a) => reanchorOne(oldText, newText, diff, a));
}

function reanchorOne(oldText: string, newText: string, diff: TextDiff, a: AnchoredSpan): ReanchorResult {
  const parts = a.fragments.map((f) => reanchorFragment(oldText, newText, diff, f));
  const found = parts.flatMap((p) => (p.fragment ? [p.fragment] : []));
  if (found.length === 0) return { id: a.id, state: 'orphaned', fragments: null };
  const inOrder = found.every((f, i) => i === 0 || f.start >= found[i - 1]!.end);
  // Touching fragments stay apart as they were; overlapping ones (two pieces found on the same text) merge.
  const fragments = inOrder ? found : normalizeFragments(found);
  const states = new Set(parts.map((p) => p.state));
  let state: ReanchorState;
  if (states.has('lost') || states.has('needs-review') || !inOrder) state = 'needs-review';
  else if (states.has('moved')) state = 'moved';
  else state = 'placed';
  return { id: a.id, state, fragments };
}
