import { useEffect, useMemo, useState } from 'react';
import { linksOf } from '../../../core/model/links';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';
import { useEditor } from '../../state/editor-store';
import { anchorPoint, boxesFor, caretBox, type Box } from './geometry';
import type { TextDom } from './text-dom';
import { BoundaryHandles } from './BoundaryHandles';
import { lineStyleOf } from '../../styles/label-cues';

/**
 * Drawn over the text for the few things that need shapes rather than tints: the keyboard caret,
 * a frame round the selected annotation (in its label's colour), dashed frames round the
 * annotations it is linked to with an arrow to each, and a flash after a jump. Only these few
 * boxes are measured, so the cost does not grow with the number of annotations.
 */
export function Overlay({ dom, body, doc, schema }: { dom: TextDom; body: HTMLElement; doc: ArticleDoc; schema: LabelSchema }) {
  const selectedId = useEditor((s) => s.selectedId);
  const selection = useEditor((s) => s.selection);
  const flash = useEditor((s) => s.flash);
  const [layoutTick, setLayoutTick] = useState(0);
  const [focused, setFocused] = useState(document.activeElement === dom.container);

  useEffect(() => {
    const resize = new ResizeObserver(() => setLayoutTick((t) => t + 1));
    resize.observe(body);
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    dom.container.addEventListener('focus', onFocus);
    dom.container.addEventListener('blur', onBlur);
    return () => {
      resize.disconnect();
      dom.container.removeEventListener('focus', onFocus);
      dom.container.removeEventListener('blur', onBlur);
    };
  }, [dom, body]);

  const shapes = useMemo(() => {
    void layoutTick;
    const base = body.getBoundingClientRect();
    const selected = selectedId ? doc.annotations.find((a) => a.id === selectedId) : undefined;
    const selectedBoxes = selected ? boxesFor(dom, selected.fragments, base) : [];
    const links = selected
      ? linksOf(doc, selected.id).map((l) => ({
          id: l.relation.id,
          direction: l.direction,
          name: findRelationType(schema, l.relation.type)?.name ?? l.relation.type,
          boxes: boxesFor(dom, l.other.fragments, base),
        }))
      : [];
    const flashed = flash ? doc.annotations.find((a) => a.id === flash.id) : undefined;
    const flashBoxes = flashed ? boxesFor(dom, flashed.fragments, base) : [];
    const caret = selection && selection.anchor === selection.focus ? caretBox(dom, selection.focus, base) : null;
    const label = selected ? findLabel(schema, selected.label) : undefined;
    const color = label?.color ?? '#555555';
    const lineStyle = lineStyleOf(label ? schema.labels.indexOf(label) : -1);
    return { selectedBoxes, links, flashBoxes, caret, color, lineStyle, labelName: label?.name ?? selected?.label, selectedId: selected?.id };
  }, [dom, body, doc, schema, selectedId, selection, flash, layoutTick]);

  const from = anchorPoint(shapes.selectedBoxes);
  return (
    <div className="article-overlay" aria-hidden="true">
      {shapes.selectedBoxes.map((b, i) => (
        <div key={`s${i}`} className="selected-box" style={{ ...boxStyle(b), borderColor: shapes.color, borderStyle: shapes.lineStyle === 'double' ? 'double' : shapes.lineStyle, borderWidth: shapes.lineStyle === 'double' ? 3 : 2 }} />
      ))}
      {shapes.selectedBoxes[0] && shapes.labelName && (
        // The label's name on the selection: the cue that needs no colour vision at all.
        <div className="selected-label-tag" data-testid="selected-label-tag" style={{ left: shapes.selectedBoxes[0].left - 2, top: shapes.selectedBoxes[0].top - 17, borderColor: shapes.color, borderStyle: shapes.lineStyle }}>
          {shapes.labelName}
        </div>
      )}
      {shapes.selectedId && <BoundaryHandles dom={dom} body={body} id={shapes.selectedId} boxes={shapes.selectedBoxes} color={shapes.color} />}
      {shapes.links.flatMap((l) => l.boxes.map((b, i) => <div key={`${l.id}-${i}`} className="linked-box" style={boxStyle(b)} />))}
      {from && shapes.links.length > 0 && (
        <svg className="link-arrows" width={body.scrollWidth} height={body.scrollHeight}>
          <defs>
            <marker id="lede-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          {shapes.links.map((l) => {
            const to = anchorPoint(l.boxes);
            if (!to) return null;
            const [a, b] = l.direction === 'out' ? [from, to] : [to, from];
            const lift = Math.min(80, 24 + Math.abs(a.x - b.x) / 8 + Math.abs(a.y - b.y) / 10);
            const top = Math.min(a.y, b.y) - lift;
            const path = `M${a.x},${a.y} C${a.x},${top} ${b.x},${top} ${b.x},${b.y - 2}`;
            return (
              <g key={l.id}>
                <path d={path} markerEnd="url(#lede-arrow)" />
                <text x={(a.x + b.x) / 2} y={top + lift * 0.25}>
                  {l.name}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {flash &&
        shapes.flashBoxes.map((b, i) => <div key={`f${flash.seq}-${i}`} className="flash-box" style={boxStyle(b)} />)}
      {focused && shapes.caret && (
        <div className="caret" style={{ left: shapes.caret.left - 1, top: shapes.caret.top, height: shapes.caret.height }} />
      )}
    </div>
  );
}

function boxStyle(b: Box): React.CSSProperties {
  return { left: b.left - 2, top: b.top - 1, width: b.width + 4, height: b.height + 2 };
}
