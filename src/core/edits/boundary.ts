import { sameFragments, type Fragment } from '../model/fragments';
import type { ArticleDoc } from '../model/document';
import { fail, ok, type Result } from '../model/result';
import { charStep, isWhitespaceAt, isWordAt, snapRange, wordStep } from '../text/words';
import { patchAnnotation } from './builders';
import type { DocCommand } from './commands';

/**
 * Moving one end of an annotation (drag handles, Alt+Shift+arrows) as pure functions of the text
 * and the fragments. The start of the first fragment and the end of the last are the span's
 * boundaries; inner fragment ends stay where they are. A move that would empty a fragment, cross
 * its neighbour or leave the text is refused (null), and so is a move that changes nothing — the
 * caller then records no undo step.
 */

export type Edge = 'start' | 'end';

/** Fragments with one boundary set to `offset`, or null when that is no change or not a valid span. */
export function setBoundary(text: string, fragments: readonly Fragment[], edge: Edge, offset: number): Fragment[] | null {
  if (fragments.length === 0) return null;
  const at = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  const next = fragments.map((f) => ({ start: f.start, end: f.end }));
  if (edge === 'start') {
    const first = next[0]!;
    if (at >= first.end) return null;
    first.start = at;
  } else {
    const last = next[next.length - 1]!;
    if (at <= last.start) return null;
    last.end = at;
  }
  return sameFragments(next, fragments) ? null : next;
}

/**
 * One step of the keyboard: the boundary moves one word (snapping on) or one character (off) in
 * `direction`. A word step lands on a word edge, never inside whitespace, so "extend the end by a
 * word" takes in the next word and "shrink" drops the last one.
 */
export function stepBoundary(text: string, fragments: readonly Fragment[], edge: Edge, direction: 1 | -1, byWord: boolean): Fragment[] | null {
  if (fragments.length === 0) return null;
  const current = edge === 'start' ? fragments[0]!.start : fragments[fragments.length - 1]!.end;
  const target = byWord ? wordBoundaryStep(text, current, edge, direction) : charStep(text, current, direction);
  return setBoundary(text, fragments, edge, target);
}

/** Where a word step of a start or an end lands: a start sits before a word, an end after one. */
function wordBoundaryStep(text: string, offset: number, edge: Edge, direction: 1 | -1): number {
  if ((edge === 'end') === (direction === 1)) return wordStep(text, offset, direction);
  // Shrinking an end / moving a start forward: over the current word, then over the gap to the next word's edge.
  let i = wordStep(text, offset, direction);
  if (direction === 1) while (i < text.length && !isWordAt(text, i)) i = charStep(text, i, 1);
  else while (i > 0 && !isWordAt(text, i - 1)) i = charStep(text, i, -1);
  return i;
}

/**
 * Where a dragged handle drops: at the offset under the pointer, widened to the word there when
 * snapping is on (a start to the word's start, an end to its end).
 */
export function dropBoundary(text: string, fragments: readonly Fragment[], edge: Edge, offset: number, snap: boolean): Fragment[] | null {
  let at = offset;
  if (snap) {
    const probe = edge === 'start' ? { start: offset, end: Math.min(text.length, offset + 1) } : { start: Math.max(0, offset - 1), end: offset };
    const snapped = snapRange(text, probe);
    at = edge === 'start' ? snapped.start : snapped.end;
  }
  // A boundary dropped in the gap between words does not take the space in.
  if (edge === 'start') while (at < text.length && isWhitespaceAt(text, at)) at++;
  else while (at > 0 && isWhitespaceAt(text, at - 1)) at--;
  return setBoundary(text, fragments, edge, at);
}

/**
 * The command that gives annotation `id` these fragments, or ok(null) when they are what it has
 * (no undo step for a no-op). Note, attributes, links and id are kept: only the span moves.
 */
export function moveBoundaryCommand(doc: ArticleDoc, id: string, fragments: readonly Fragment[] | null, now: string): Result<DocCommand | null> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'no such annotation', annotation: id });
  if (!fragments || sameFragments(fragments, current.fragments)) return ok(null);
  return patchAnnotation(doc, id, { fragments: [...fragments] }, now);
}
