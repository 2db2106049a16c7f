import { useEffect, useMemo, useState } from 'react';
import { linksOf } from '../../../core/model/links';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';
import { useEditor } from '../../state/editor-store';
import { anchorPoint, boxesFor, caretBox, type Box } from './geometry';
import { arcThrough, placeArcLabels } from './arc-labels';
import type { Fragment } from '../../../core/model/annotation';
import type { TextDom } from './text-dom';
import { BoundaryHandles } from './BoundaryHandles';
import { Caret } from './Caret';
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
          ends: l.other.fragments,
        }))
      : [];
    const arcs = links.length && selected ? arcLayout(dom, body, base, selected.fragments, links) : [];
    const flashed = flash ? doc.annotations.find((a) => a.id === flash.id) : undefined;
    const flashBoxes = flashed ? boxesFor(dom, flashed.fragments, base) : [];
    const caret = selection && selection.anchor === selection.focus ? caretBox(dom, selection.focus, base) : null;
    const label = selected ? findLabel(schema, selected.label) : undefined;
    const color = label?.color ?? '#555555';
    const lineStyle = lineStyleOf(label ? schema.labels.indexOf(label) : -1);
    return { selectedBoxes, links, arcs, flashBoxes, caret, color, lineStyle, labelName: label?.name ?? selected?.label, selectedId: selected?.id };
  }, [dom, body, doc, schema, selectedId, selection, flash, layoutTick]);

  return (
    <div className="article-overlay" aria-hidden="true">
      {shapes.selectedBoxes.map((b, i) => (
        <div
          key={`s${i}`}
          className="selected-box"
          style={{
            ...boxStyle(b),
            borderColor: shapes.color,
            borderStyle: shapes.lineStyle === 'double' ? 'double' : shapes.lineStyle,
            borderWidth: shapes.lineStyle === 'double' ? 3 : 2,
          }}
        />
      ))}
      {shapes.selectedBoxes[0] && shapes.labelName && (
        // The label's name on the selection: the cue that needs no colour vision at all.
        <div
          className="selected-label-tag"
          data-testid="selected-label-tag"
          style={{ left: shapes.selectedBoxes[0].left - 2, top: shapes.selectedBoxes[0].top - 17, borderColor: shapes.color, borderStyle: shapes.lineStyle }}
        >
          {shapes.labelName}
        </div>
      )}
      {shapes.selectedId && <BoundaryHandles dom={dom} body={body} id={shapes.selectedId} boxes={shapes.selectedBoxes} color={shapes.color} />}
      {shapes.links.flatMap((l) => l.boxes.map((b, i) => <div key={`${l.id}-${i}`} className="linked-box" style={boxStyle(b)} />))}
      {shapes.arcs.length > 0 && (
        <svg className="link-arrows" width={body.scrollWidth} height={body.scrollHeight}>
          <defs>
            <marker id="lede-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          {shapes.arcs.map((arc) => (
            <g key={arc.id}>
              <path d={arc.path} markerEnd="url(#lede-arrow)" />
              <text
                className="arc-label"
                x={arc.label.left + arc.label.width / 2}
                y={arc.label.top + arc.label.height / 2}
                textAnchor="middle"
                dominantBaseline="central"
              >
                {arc.name}
              </text>
            </g>
          ))}
        </svg>
      )}
      {flash && shapes.flashBoxes.map((b, i) => <div key={`f${flash.seq}-${i}`} className="flash-box" style={boxStyle(b)} />)}
      {focused && shapes.caret && (
        <Caret key={`${shapes.caret.left},${shapes.caret.top}`} left={shapes.caret.left - 1} top={shapes.caret.top} height={shapes.caret.height} />
      )}
    </div>
  );
}

function boxStyle(b: Box): React.CSSProperties {
  return { left: b.left - 2, top: b.top - 1, width: b.width + 4, height: b.height + 2 };
}

const ARC_LABEL_HEIGHT = 14;
let measurer: CanvasRenderingContext2D | null | undefined;

/** The drawn width of an arc's name (the canvas measures as the SVG draws), with room for its halo. */
function labelWidth(name: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return name.length * 7 + 8;
  // The font the stylesheet gives `.link-arrows text`.
  measurer.font = `600 11px ${getComputedStyle(document.documentElement).getPropertyValue('--ui-font') || 'system-ui, sans-serif'}`;
  return Math.ceil(measurer.measureText(name).width) + 8;
}

/**
 * The arcs from the selected annotation to each linked one, their names placed clear of the text:
 * the lines of the paragraphs the arcs span (and one either side, where a label may go) are
 * measured and the names put in free space between or beside them (arc-labels.ts).
 */
function arcLayout(
  dom: TextDom,
  body: HTMLElement,
  base: DOMRect,
  selected: readonly Fragment[],
  links: { id: string; direction: 'out' | 'in'; name: string; boxes: Box[]; ends: readonly Fragment[] }[],
) {
  const from = anchorPoint(boxesFor(dom, selected.slice(0, 1), base));
  if (!from) return [];
  const drawn = links.flatMap((l) => {
    const to = anchorPoint(l.boxes);
    if (!to) return [];
    const [a, b] = l.direction === 'out' ? [from, to] : [to, from];
    return [{ ...l, a, b }];
  });
  const offsets = [selected[0]!.start, ...drawn.map((l) => l.ends[0]!.start)];
  const last = dom.paragraphs.length - 1;
  const first = Math.max(0, dom.paragraphIndexAt(Math.min(...offsets)) - 1);
  const end = Math.min(last, dom.paragraphIndexAt(Math.max(...offsets)) + 1);
  const lines = boxesFor(dom, [{ start: dom.paragraphs[first]!.start, end: dom.paragraphs[end]!.start + dom.paragraphs[end]!.text.length }], base);
  const labels = placeArcLabels(
    drawn.map((l) => ({ from: l.a, to: l.b, width: labelWidth(l.name), height: ARC_LABEL_HEIGHT })),
    lines,
    body.clientWidth,
    { freeAbove: first === 0 ? headerBottom(body, base) : undefined, openBelow: end === last },
  );
  return drawn.map((l, i) => ({ id: l.id, name: l.name, label: labels[i]!, path: arcThrough(l.a, l.b, labels[i]!) }));
}

/** The bottom of what precedes the article body (its header), in body coordinates: a label above the first line stays below it. */
function headerBottom(body: HTMLElement, base: DOMRect): number {
  const before = body.previousElementSibling;
  return before ? before.getBoundingClientRect().bottom - base.top : -Infinity;
}
