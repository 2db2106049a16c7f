import { invertEdit, type Edit } from './commands';
import { counted } from '../text/plural';

/**
 * Undo and redo as data. The stacks hold the edits as they were done; undoing applies the
 * inverse of the newest, redoing applies it again. Pure: the caller applies what comes out.
 */
export interface History {
  /** Done edits, oldest first. */
  readonly done: readonly Edit[];
  /** Undone edits, the next to redo last. */
  readonly undone: readonly Edit[];
}

export const EMPTY_HISTORY: History = { done: [], undone: [] };

/** Oldest edits are forgotten beyond this many, so a long session does not grow without bound. */
export const HISTORY_LIMIT = 1000;

/** A new edit was made: it can be undone, and what was undone can no longer be redone. */
export function recordEdit(history: History, edit: Edit, limit = HISTORY_LIMIT): History {
  const done = [...history.done, edit];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

/** The edit that undoes the newest one, and the history after it; null when there is nothing to undo. */
export function takeUndo(history: History): { apply: Edit; history: History } | null {
  const last = history.done[history.done.length - 1];
  if (!last) return null;
  return { apply: invertEdit(last), history: { done: history.done.slice(0, -1), undone: [...history.undone, last] } };
}

/** The edit that redoes the last undone one, and the history after it; null when there is nothing to redo. */
export function takeRedo(history: History): { apply: Edit; history: History } | null {
  const last = history.undone[history.undone.length - 1];
  if (!last) return null;
  return { apply: last, history: { done: [...history.done, last], undone: history.undone.slice(0, -1) } };
}

/** A short description of an edit for the undo/redo buttons' tooltips and the status line. */
export function describeEdit(edit: Edit): string {
  if (edit.kind === 'schema') return 'label schema change';
  if (edit.kind === 'batch') {
    if (edit.label) return edit.label;
    return edit.edits.some((e) => e.kind === 'schema') ? 'label schema change' : `${edit.edits.length} changes`;
  }
  if (edit.kind === 'rejections') {
    const n = edit.add.length || edit.remove.length;
    const what = n === 1 ? 'a suggestion' : `${n} suggestions`;
    return edit.add.length > 0 ? `rejection of ${what}` : `${what} brought back`;
  }
  if (edit.kind === 'actors') {
    const a = edit.command;
    if (a.op === 'update')
      return `actor ${Object.keys(a.after)
        .filter((k) => k !== 'modified')
        .join(', ')} change`;
    const what = a.entities.length === 1 ? 'actor' : `${a.entities.length} actors`;
    return a.op === 'insert' ? `new ${what}` : `deleted ${what}`;
  }
  const c = edit.command;
  if (c.op === 'article') {
    const fields = Object.keys(c.after).filter((k) => k !== 'infoChangedAt');
    return fields.length === 1 ? `article ${fields[0]} change` : 'article details change';
  }
  if (c.op === 'update') {
    if (Object.keys(c.after).includes('entity')) return c.after.entity === null ? 'actor unlinked' : 'actor link';
    const fields = Object.keys(c.after).filter((k) => !['modified', 'quote', 'prefix', 'suffix'].includes(k));
    return fields.length ? `${fields.join(', ')} change` : 'change';
  }
  const verb = c.op === 'insert' ? 'new' : 'deleted';
  if (c.annotations.length === 1) return `${verb} annotation`;
  if (c.annotations.length === 0 && c.relations.length === 1) return `${verb} link`;
  return `${verb} ${counted(c.annotations.length, 'annotation')} and ${counted(c.relations.length, 'link')}`;
}

/**
 * One edit that does what `first` then `second` did, when both update the same fields of the
 * same annotation (typing a note in bursts): the history then keeps one entry, undone at once.
 * Null when they cannot be merged.
 */
export function mergeUpdates(first: Edit, second: Edit): Edit | null {
  if (first.kind !== 'doc' || second.kind !== 'doc' || first.articleId !== second.articleId) return null;
  const a = first.command;
  const b = second.command;
  if (a.op !== 'update' || b.op !== 'update' || a.id !== b.id) return null;
  const keys = (p: object) => Object.keys(p).sort().join();
  if (keys(a.after) !== keys(b.before) || keys(b.before) !== keys(b.after)) return null;
  const field = (p: object, k: string) => JSON.stringify((p as Record<string, unknown>)[k]);
  if (Object.keys(a.after).some((k) => field(a.after, k) !== field(b.before, k))) return null;
  return { kind: 'doc', articleId: first.articleId, command: { op: 'update', id: a.id, before: a.before, after: b.after } };
}

/** Records `edit`, folded into the newest entry when `merge` is set and the two can be merged. */
export function recordOrMerge(history: History, edit: Edit, merge: boolean, limit = HISTORY_LIMIT): History {
  const last = history.done[history.done.length - 1];
  const merged = merge && last && history.undone.length === 0 ? mergeUpdates(last, edit) : null;
  if (!merged) return recordEdit(history, edit, limit);
  return { done: [...history.done.slice(0, -1), merged], undone: [] };
}
