import { spanStart } from '../../core/model/annotation';
import { stepSpan } from '../../core/text/span-layout';
import { addSelectionAsFragment, deleteAnnotation, relabel, tagSelection } from '../state/editor-actions';
import { useFind } from '../state/editor-find';
import { redo, undo } from '../state/editor-history';
import { useEditor } from '../state/editor-store';
import { visibleAnnotations } from '../state/editor-visible';
import { usePanels } from '../state/ui-panels';
import { useWorkspace } from '../state/workspace-store';
import { currentView, focusText, keepInView, revealRange } from '../state/editor-view';
import { pick } from './pick';
import { moveCaret, type Motion } from './caret';
import { acceptAllOfKind, acceptCurrent, rejectCurrent, stepSuggestion, toggleSuggestions } from '../state/suggest-store';
import { stepSelectedBoundary } from '../state/boundary-actions';
import { acceptProposal, createActorFor, unlinkActor } from '../state/actors-actions';

/**
 * What each shortcut does, by shortcut id (see shortcuts.ts). The key handler and the desktop
 * menu both land here, so a menu item and its key always do the same thing.
 */

/** True when focus is in a field where typing (and the field's own undo) must win. */
export function typingInField(target: EventTarget | null = document.activeElement): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(type);
}

/** Undo for the menu and the key: a text field keeps its own undo, everything else is Lede's history. */
export function undoCommand(): void {
  if (typingInField()) document.execCommand('undo');
  else undo();
}

export function redoCommand(): void {
  if (typingInField()) document.execCommand('redo');
  else redo();
}

export function findCommand(): void {
  useFind.getState().show();
}

/** Selects an annotation, scrolls it into view, flashes it and puts the caret at its start. */
export function jumpTo(id: string): void {
  const doc = useWorkspace.getState().doc;
  const a = doc?.annotations.find((x) => x.id === id);
  if (!a) return;
  const editor = useEditor.getState();
  editor.select(id);
  editor.closePopup();
  editor.setSelection({ anchor: spanStart(a), focus: spanStart(a) }, 'program');
  revealRange(spanStart(a), a.fragments[0]!.end);
  editor.flashAnnotation(id);
}

export function stepAnnotation(direction: 1 | -1): void {
  const doc = useWorkspace.getState().doc;
  if (!doc) return;
  const editor = useEditor.getState();
  const next = stepSpan(visibleAnnotations(doc.annotations, editor.filters), editor.selectedId, direction);
  if (next) jumpTo(next.id);
}

const MOTIONS: Record<string, [Motion, 1 | -1]> = {
  ArrowLeft: ['char', -1],
  ArrowRight: ['char', 1],
  ArrowUp: ['line', -1],
  ArrowDown: ['line', 1],
  Home: ['lineboundary', -1],
  End: ['lineboundary', 1],
};

export function moveInText(key: string, shift: boolean, word: boolean): void {
  const view = currentView();
  const doc = useWorkspace.getState().doc;
  const spec = MOTIONS[key];
  if (!view || !doc || !spec) return;
  const editor = useEditor.getState();
  const current = editor.selection ?? { anchor: 0, focus: 0 };
  const motion: Motion = word && spec[0] === 'char' ? 'word' : spec[0];
  const next = moveCaret(view.dom, doc.article.text, current, motion, spec[1], shift);
  editor.setSelection(next, 'keyboard');
  if (next.anchor !== next.focus) editor.openPopup({ kind: 'labels', purpose: 'tag' });
  else if (editor.popup.kind === 'labels' && editor.popup.purpose === 'tag') editor.closePopup();
  keepInView(next.focus);
}

/** Escape peels one layer: popup, then text selection, then the selected annotation. */
export function escape(): void {
  const editor = useEditor.getState();
  if (editor.popup.kind !== 'none') {
    editor.closePopup();
    if (editor.popup.kind === 'labels' && editor.selection && editor.selection.anchor !== editor.selection.focus) {
      editor.setSelection({ anchor: editor.selection.focus, focus: editor.selection.focus }, 'program');
    }
  } else if (editor.selection && editor.selection.anchor !== editor.selection.focus) {
    editor.setSelection({ anchor: editor.selection.focus, focus: editor.selection.focus }, 'program');
  } else if (editor.selectedId) editor.select(null);
  focusText();
}

/** Runs a shortcut by id; returns false when it did not apply (so the key keeps its default). */
export function runShortcut(id: string): boolean {
  const editor = useEditor.getState();
  const panels = usePanels.getState();
  switch (id) {
    case 'add-fragment':
      return addSelectionAsFragment();
    case 'next':
    case 'previous':
      stepAnnotation(id === 'next' ? 1 : -1);
      return true;
    case 'suggestions':
      toggleSuggestions();
      return true;
    case 'next-suggestion':
    case 'previous-suggestion': {
      const s = stepSuggestion(id === 'next-suggestion' ? 1 : -1);
      if (s) revealRange(s.fragments[0]!.start, s.fragments[s.fragments.length - 1]!.end);
      return true;
    }
    case 'accept-suggestion':
      return acceptCurrent();
    case 'reject-suggestion':
      return rejectCurrent();
    case 'accept-all-suggestions':
      return acceptAllOfKind();
    case 'pick': {
      const caret = editor.selection?.focus;
      if (caret === undefined) return false;
      pick(caret);
      return true;
    }
    case 'relabel':
      if (!editor.selectedId) return false;
      editor.openPopup({ kind: 'labels', purpose: 'relabel' });
      return true;
    case 'note':
      if (!editor.selectedId) return false;
      panels.focusNote();
      return true;
    case 'boundary-end':
    case 'boundary-start':
      return false; // needs the key's direction: see boundaryKey
    case 'delete':
      return editor.selectedId ? deleteAnnotation(editor.selectedId) : false;
    case 'escape':
      escape();
      return true;
    case 'link':
      if (!editor.selectedId) return false;
      editor.openPopup({ kind: 'link' });
      return true;
    case 'actor-accept':
      return editor.selectedId ? acceptProposal(editor.selectedId) : false;
    case 'actor-new':
      return editor.selectedId ? createActorFor(editor.selectedId) : false;
    case 'actor-unlink':
      return editor.selectedId ? unlinkActor(editor.selectedId) : false;
    case 'find':
      findCommand();
      return true;
    case 'search':
      panels.focusSearch();
      return true;
    case 'undo':
      undoCommand();
      return true;
    case 'redo':
      redoCommand();
      return true;
    case 'help':
      if (panels.panel === 'help') panels.close();
      else panels.open('help');
      return true;
    case 'settings':
      panels.open('settings');
      return true;
    default:
      return false;
  }
}

/** A label key: relabels the selected annotation when the label popup is open for that, else tags the selection. */
export function labelKey(labelId: string, relabelTarget: string | null): boolean {
  return relabelTarget ? relabel(relabelTarget, labelId) : tagSelection(labelId);
}

/** Alt+Shift+arrows on the selected annotation; false when none is selected (the key then moves the caret). */
export function boundaryKey(key: string): boolean {
  if (!useEditor.getState().selectedId) return false;
  const edge = key === 'ArrowLeft' || key === 'ArrowRight' ? 'end' : 'start';
  return stepSelectedBoundary(edge, key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1);
}
