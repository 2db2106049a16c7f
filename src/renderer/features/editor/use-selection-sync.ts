import { useEffect } from 'react';
import { useEditor } from '../../state/editor-store';
import type { TextDom } from './text-dom';

/**
 * Shows Lede's selection as the browser's own text selection, so it looks and copies as usual.
 * Mouse selections are already in the DOM; keyboard and programmatic ones are put there.
 */
export function useSelectionSync(dom: TextDom | null): void {
  const selection = useEditor((s) => s.selection);
  const source = useEditor((s) => s.selectionSource);
  useEffect(() => {
    if (!dom || source === 'mouse') return;
    // Setting the DOM selection needs a clean layout: done in the next frame, after React's
    // changes, it costs one layout instead of forcing an extra one in the middle of an edit.
    const frame = requestAnimationFrame(() => {
      const sel = window.getSelection();
      if (!sel) return;
      if (!selection) {
        if (sel.anchorNode && dom.container.contains(sel.anchorNode)) sel.removeAllRanges();
        return;
      }
      const anchor = dom.position(selection.anchor);
      const focus = dom.position(selection.focus);
      if (!anchor || !focus) return;
      const same = sel.anchorNode === anchor.node && sel.anchorOffset === anchor.offset && sel.focusNode === focus.node && sel.focusOffset === focus.offset;
      if (!same) sel.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
    });
    return () => cancelAnimationFrame(frame);
  }, [dom, selection, source]);
}
