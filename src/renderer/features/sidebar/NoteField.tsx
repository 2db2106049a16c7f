import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../core/model/annotation';
import { setNote } from '../../state/editor-actions';
import { usePanels } from '../../state/ui-panels';
import { focusText } from '../../state/editor-view';

/** Typing pauses longer than this save the note (so nothing typed is lost if the window closes). */
const SAVE_AFTER_MS = 700;

/**
 * The note of the selected annotation. Saved when typing pauses, on leaving the field, and on
 * Escape or Ctrl/Cmd+Enter (which also return to the text). The saves of one visit to the field
 * fold into one undo step; inside the field, Ctrl/Cmd+Z is the field's own undo.
 */
export function NoteField({ annotation }: { annotation: Annotation }) {
  const [draft, setDraft] = useState(annotation.note);
  const field = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<number | undefined>(undefined);
  /** False for the first save of a visit (a new undo step), true for later ones (merged into it). */
  const merging = useRef(false);
  const noteFocusSeq = usePanels((s) => s.noteFocusSeq);
  const id = annotation.id;

  // Another annotation, or the note changed from outside (undo): show the stored note.
  useEffect(() => {
    if (document.activeElement !== field.current) setDraft(annotation.note);
  }, [id, annotation.note]);

  // Focus on a new request only: a remount (another annotation selected) must not steal focus.
  const seenFocusSeq = useRef(noteFocusSeq);
  useEffect(() => {
    if (noteFocusSeq !== seenFocusSeq.current) field.current?.focus();
    seenFocusSeq.current = noteFocusSeq;
  }, [noteFocusSeq]);

  const commit = (value: string) => {
    window.clearTimeout(timer.current);
    if (setNote(id, value, merging.current)) merging.current = true;
  };

  useEffect(() => () => window.clearTimeout(timer.current), [id]);

  return (
    <div className="note">
      <label htmlFor="inspector-note">
        <h3>Note</h3>
      </label>
      <textarea
        id="inspector-note"
        ref={field}
        value={draft}
        rows={3}
        placeholder="Add a note (N)…"
        onFocus={() => {
          merging.current = false;
        }}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(value), SAVE_AFTER_MS);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            e.stopPropagation();
            commit(e.currentTarget.value);
            focusText();
          }
        }}
      />
    </div>
  );
}
