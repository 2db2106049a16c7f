import { useEffect } from 'react';
import { linkChoices } from '../../../core/model/links';
import { nextSpanAt, spansAt } from '../../../core/text/span-layout';
import { link } from '../../state/editor-actions';
import { useEditor } from '../../state/editor-store';
import { visibleAnnotations } from '../../state/editor-visible';
import { useWorkspace } from '../../state/workspace-store';
import { selectSuggestion, visibleSuggestions } from '../../state/suggest-store';
import type { TextDom } from './text-dom';

/**
 * Mouse selection and picking. A drag selects text (the label popup appears beside it); a click
 * picks the innermost span under the pointer, and clicking again in the same place moves outwards
 * through the nest; when several spans lie there, a chooser lists them. While the link picker is
 * open, clicking a span that can be linked links it.
 */
export function useTextPointer(dom: TextDom | null): void {
  useEffect(() => {
    if (!dom) return;
    const container = dom.container;
    let down = false;

    const onMouseDown = (event: MouseEvent) => {
      if (event.button === 0) down = true;
    };

    const onMouseUp = (event: MouseEvent) => {
      if (!down) return;
      down = false;
      const sel = dom.selectionOffsets(window.getSelection());
      const editor = useEditor.getState();
      if (sel && sel.anchor !== sel.focus) {
        editor.setSelection(sel, 'mouse');
        if (editor.popup.kind !== 'link') editor.openPopup({ kind: 'labels', purpose: 'tag' });
        return;
      }
      const offset = sel?.focus ?? dom.offsetAtPoint(event.clientX, event.clientY);
      if (offset === null) return;
      editor.setSelection({ anchor: offset, focus: offset }, 'mouse');
      pick(offset);
    };

    container.addEventListener('mousedown', onMouseDown);
    document.addEventListener('mouseup', onMouseUp);
    return () => {
      container.removeEventListener('mousedown', onMouseDown);
      document.removeEventListener('mouseup', onMouseUp);
    };
  }, [dom]);
}

/** What a click (or Enter at the caret) at `offset` does. */
export function pick(offset: number): void {
  const { doc, info } = useWorkspace.getState();
  const editor = useEditor.getState();
  if (!doc || !info) return;
  const visible = visibleAnnotations(doc.annotations, editor.filters);
  const here = spansAt(visible, offset);
  if (editor.popup.kind === 'link' && editor.selectedId) {
    for (const choice of linkChoices(info.labelSchema, doc, editor.selectedId)) {
      const target = here.find((a) => choice.candidates.some((c) => c.id === a.id));
      if (target) {
        link(editor.selectedId, choice.type.id, choice.direction, target.id);
        return;
      }
    }
  }
  // A click on a suggestion where nothing is tagged shows it in the sidebar's Suggestions card.
  if (here.length === 0) {
    const suggested = visibleSuggestions().find((s) => s.fragments.some((f) => f.start <= offset && offset < f.end));
    if (suggested) {
      editor.select(null);
      editor.closePopup();
      selectSuggestion(suggested.id);
      return;
    }
  }
  const next = nextSpanAt(visible, offset, editor.selectedId);
  editor.select(next?.id ?? null);
  if (here.length > 1) editor.openPopup({ kind: 'spans', offset });
  else editor.closePopup();
}
