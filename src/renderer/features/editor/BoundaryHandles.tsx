import { useEffect, useState } from 'react';
import type { Edge } from '../../../core/edits/boundary';
import { dropSelectedBoundary } from '../../state/boundary-actions';
import { caretBox, type Box } from './geometry';
import type { TextDom } from './text-dom';

/**
 * The two drag handles of the selected annotation: one at its start, one at its end. Dragging
 * shows where the boundary will land; dropping moves it (snapped to words per Settings, not while
 * Alt is held) as one undo step. The handles sit in the overlay, outside the text container, so a
 * drag never starts a text selection; while dragging they let the pointer through so the text
 * under it can be measured.
 */
export function BoundaryHandles({ dom, body, id, boxes, color }: { dom: TextDom; body: HTMLElement; id: string; boxes: readonly Box[]; color: string }) {
  const [drag, setDrag] = useState<{ edge: Edge; at: Box | null } | null>(null);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];

  useEffect(() => {
    if (!drag) return;
    const edge = drag.edge;
    const at = (e: PointerEvent) => dom.offsetAtPoint(e.clientX, e.clientY);
    const onMove = (e: PointerEvent) => {
      const offset = at(e);
      if (offset !== null) setDrag({ edge, at: caretBox(dom, offset, body.getBoundingClientRect()) });
    };
    const onUp = (e: PointerEvent) => {
      const offset = at(e);
      setDrag(null);
      if (offset !== null) dropSelectedBoundary(id, edge, offset, e.altKey);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrag(null);
    };
    document.addEventListener('pointermove', onMove);
    document.addEventListener('pointerup', onUp);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('pointerup', onUp);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [drag?.edge, dom, body, id]);

  if (!first || !last) return null;
  const handle = (edge: Edge, b: Box) => (
    <div
      key={edge}
      className={`boundary-handle boundary-${edge}${drag ? ' dragging' : ''}`}
      data-testid={`boundary-${edge}`}
      title={`Drag to move the ${edge} of this annotation (Alt: no snapping to words; keys: Alt+Shift+${edge === 'end' ? '← / →' : '↑ / ↓'})`}
      style={{ left: (edge === 'start' ? b.left : b.left + b.width) - 5, top: b.top - 3, height: b.height + 6, ['--handle-color' as string]: color }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.stopPropagation();
        setDrag({ edge, at: null });
      }}
    />
  );
  return (
    <>
      {handle('start', first)}
      {handle('end', last)}
      {drag?.at && (
        <div
          className="boundary-drop"
          style={{ left: drag.at.left - 1, top: drag.at.top - 2, height: drag.at.height + 4, ['--handle-color' as string]: color }}
        />
      )}
    </>
  );
}
