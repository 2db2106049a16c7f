import { dropBoundary, moveBoundaryCommand, stepBoundary, type Edge } from '../../core/edits/boundary';
import { nowIso } from '../../core/model/ids';
import { perform } from './editor-history';
import { useEditor } from './editor-store';
import { useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * Adjusting the selected annotation's boundaries: Alt+Shift+arrows and the drag handles. The
 * pure moves live in core/edits/boundary.ts; here they become one undo step each, and a move that
 * changes nothing (at the text's edge, onto the other end) records none.
 */

function snapping(): boolean {
  return useWorkspace.getState().info?.settings.snapToWords ?? true;
}

function commit(id: string, fragments: ReturnType<typeof stepBoundary>): boolean {
  const doc = useWorkspace.getState().doc;
  if (!doc) return false;
  const made = moveBoundaryCommand(doc, id, fragments, nowIso());
  if (!made.ok) {
    useMessages.getState().show('info', made.errors.map((e) => e.message).join('; '));
    return false;
  }
  if (!made.value) return false;
  return perform({ kind: 'doc', articleId: doc.article.id, command: made.value });
}

/** One keyboard step of the selected annotation's start or end (a word with snapping, else a character). */
export function stepSelectedBoundary(edge: Edge, direction: 1 | -1): boolean {
  const doc = useWorkspace.getState().doc;
  const id = useEditor.getState().selectedId;
  const current = doc?.annotations.find((a) => a.id === id);
  if (!doc || !id || !current) return false;
  commit(id, stepBoundary(doc.article.text, current.fragments, edge, direction, snapping()));
  // The key is Lede's whenever an annotation is selected, even when the move was refused.
  return true;
}

/** A drag handle was dropped at `offset`; Alt held while dropping turns snapping off for that drop. */
export function dropSelectedBoundary(id: string, edge: Edge, offset: number, altKey: boolean): boolean {
  const doc = useWorkspace.getState().doc;
  const current = doc?.annotations.find((a) => a.id === id);
  if (!doc || !current) return false;
  return commit(id, dropBoundary(doc.article.text, current.fragments, edge, offset, snapping() && !altKey));
}
