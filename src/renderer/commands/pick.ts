import { linkChoices } from '../../core/model/links';
import { nextSpanAt, spansAt } from '../../core/text/span-layout';
import { link } from '../state/editor-actions';
import { useEditor } from '../state/editor-store';
import { visibleAnnotations } from '../state/editor-visible';
import { useWorkspace } from '../state/workspace-store';
import { selectSuggestion, suggestionAt } from '../state/suggest-store';

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
    const suggested = suggestionAt(offset);
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
