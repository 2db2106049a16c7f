import type { Annotation } from '../../../core/model/annotation';
import { REANCHOR_MARKER } from '../../../core/edits/update-text';
import { changedRange } from '../../state/editor-diff';

const NONE: readonly Annotation[] = [];
let last: { annotations: readonly Annotation[]; pending: readonly Annotation[] } | null = null;

/**
 * The annotations a text update left to review (attribute `reanchored`), in document order. Asked
 * for on every render of the article; almost always there are none, and then an edit is checked
 * only for what it changed (state/editor-diff), not by a walk over every annotation.
 */
export function pendingReview(annotations: readonly Annotation[]): readonly Annotation[] {
  if (last?.annotations === annotations) return last.pending;
  let pending: readonly Annotation[];
  if (last && last.pending.length === 0) {
    // None before: any now are in the changed part.
    const range = changedRange(last.annotations, annotations);
    pending = NONE;
    for (let i = range.start; i < range.afterEnd; i++) {
      if (annotations[i]!.attributes[REANCHOR_MARKER] !== undefined) {
        pending = annotations.slice(range.start, range.afterEnd).filter(isPending);
        break;
      }
    }
  } else {
    pending = annotations.filter(isPending);
    if (pending.length === 0) pending = NONE;
  }
  last = { annotations, pending };
  return pending;
}

function isPending(a: Annotation): boolean {
  return a.attributes[REANCHOR_MARKER] !== undefined;
}
