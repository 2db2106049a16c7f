import {
  addFragment,
  createAnnotation,
  deleteAnnotations,
  linkAnnotations,
  patchAnnotation,
  removeFragment,
  setAttribute,
  unlink,
  type Authoring,
} from '../../core/edits/builders';
import type { DocCommand } from '../../core/edits/commands';
import type { AttributeValue } from '../../core/model/annotation';
import { findLabel } from '../../core/model/label-schema';
import { nowIso } from '../../core/model/ids';
import type { Result } from '../../core/model/result';
import { tidySelection } from '../../core/text/words';
import { perform } from './editor-history';
import { selectedRange, useEditor } from './editor-store';
import { useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * The editor's verbs. Each reads the open document, builds a command with the core builders and
 * hands it to `perform`; the keyboard, the popups and the sidebar all call these.
 */

function tell(text: string): void {
  useMessages.getState().show('info', text);
}

function by(): Authoring {
  return { author: useWorkspace.getState().info?.settings.analystName ?? 'me', now: nowIso() };
}

function run(result: Result<DocCommand>, options: { merge?: boolean } = {}): boolean {
  const doc = useWorkspace.getState().doc;
  if (!doc) return false;
  if (!result.ok) {
    tell(result.errors.map((e) => e.message).join('; '));
    return false;
  }
  return perform({ kind: 'doc', articleId: doc.article.id, command: result.value }, options);
}

/** The selected text, trimmed and (per Settings) snapped to words; null with a hint when there is none. */
function tidySelected(): { start: number; end: number } | null {
  const { doc, info } = useWorkspace.getState();
  const range = selectedRange(useEditor.getState().selection);
  if (!doc || !range) {
    tell('Select some text first (drag with the mouse, or Shift+arrow keys).');
    return null;
  }
  const tidy = tidySelection(doc.article.text, range, info?.settings.snapToWords ?? true);
  if (!tidy) tell('Only spaces are selected: nothing to tag.');
  return tidy;
}

/** Tags the selected text with a label; the new annotation becomes the selected one. */
export function tagSelection(labelId: string): boolean {
  const { doc, info } = useWorkspace.getState();
  if (!doc || !info) return false;
  if (!findLabel(info.labelSchema, labelId)) return false;
  const range = tidySelected();
  if (!range) return false;
  const created = createAnnotation(doc, { label: labelId, fragments: [range] }, by());
  if (!created.ok) return run(created);
  if (!perform({ kind: 'doc', articleId: doc.article.id, command: created.value.command })) return false;
  const editor = useEditor.getState();
  editor.select(created.value.annotation.id);
  editor.setSelection({ anchor: range.end, focus: range.end });
  editor.closePopup();
  return true;
}

/** Adds the selected text as another fragment of the selected annotation. */
export function addSelectionAsFragment(): boolean {
  const { doc } = useWorkspace.getState();
  const editor = useEditor.getState();
  if (!doc) return false;
  if (!editor.selectedId) {
    tell('Select an annotation first (click it), then select the text to add to it.');
    return false;
  }
  const range = tidySelected();
  if (!range) return false;
  const done = run(addFragment(doc, editor.selectedId, range, nowIso()));
  if (done) {
    editor.setSelection({ anchor: range.end, focus: range.end });
    editor.closePopup();
  }
  return done;
}

export function relabel(id: string, labelId: string): boolean {
  const doc = useWorkspace.getState().doc;
  if (!doc) return false;
  const current = doc.annotations.find((a) => a.id === id);
  if (!current || current.label === labelId) return false;
  const done = run(patchAnnotation(doc, id, { label: labelId }, nowIso()));
  if (done) useEditor.getState().closePopup();
  return done;
}

export function deleteAnnotation(id: string): boolean {
  const doc = useWorkspace.getState().doc;
  if (!doc) return false;
  const done = run(deleteAnnotations(doc, [id]));
  if (done && useEditor.getState().selectedId === id) useEditor.getState().select(null);
  return done;
}

export function setNote(id: string, note: string, merge: boolean): boolean {
  const doc = useWorkspace.getState().doc;
  const current = doc?.annotations.find((a) => a.id === id);
  if (!doc || !current || current.note === note) return false;
  return run(patchAnnotation(doc, id, { note }, nowIso()), { merge });
}

export function setAttributeValue(id: string, name: string, value: AttributeValue | undefined, merge = false): boolean {
  const doc = useWorkspace.getState().doc;
  const current = doc?.annotations.find((a) => a.id === id);
  if (!doc || !current) return false;
  if (current.attributes[name] === value || (value === undefined && !(name in current.attributes))) return false;
  return run(setAttribute(doc, id, name, value, nowIso()), { merge });
}

export function dropFragment(id: string, index: number): boolean {
  const doc = useWorkspace.getState().doc;
  return doc ? run(removeFragment(doc, id, index, nowIso())) : false;
}

/** Links the selected annotation; `direction` says which end it is ('out': it is the `from`). */
export function link(selectedId: string, type: string, direction: 'out' | 'in', otherId: string): boolean {
  const doc = useWorkspace.getState().doc;
  if (!doc) return false;
  const ends = direction === 'out' ? { from: selectedId, to: otherId } : { from: otherId, to: selectedId };
  const made = linkAnnotations(doc, { type, ...ends }, by());
  if (!made.ok) return run(made);
  const done = perform({ kind: 'doc', articleId: doc.article.id, command: made.value.command });
  if (done) useEditor.getState().closePopup();
  return done;
}

export function removeLink(relationId: string): boolean {
  const doc = useWorkspace.getState().doc;
  return doc ? run(unlink(doc, relationId)) : false;
}
