import { useEffect } from 'react';
import { pick } from '../../commands/pick';
import { useEditor } from '../../state/editor-store';
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
