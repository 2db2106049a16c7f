import type { Fragment } from '../../../core/model/annotation';
import type { TextDom } from './text-dom';

/** A box in the coordinates of the article body (so it scrolls with the text). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The line boxes of some fragments, relative to `base` (the positioned article body). */
export function boxesFor(dom: TextDom, fragments: readonly Fragment[], base: DOMRect): Box[] {
  const boxes: Box[] = [];
  for (const f of fragments) {
    for (const range of dom.rangesPerParagraph(f.start, f.end)) {
      for (const r of range.getClientRects()) {
        if (r.width < 0.5) continue;
        boxes.push({ left: r.left - base.left, top: r.top - base.top, width: r.width, height: r.height });
      }
    }
  }
  return mergeLineBoxes(boxes);
}

/** Chromium reports one rect per text run; joining those on one line gives one box per line. */
function mergeLineBoxes(boxes: Box[]): Box[] {
  const merged: Box[] = [];
  for (const b of boxes) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.top - b.top) < 2 && b.left <= last.left + last.width + 1 && b.left >= last.left) {
      last.width = Math.max(last.width, b.left + b.width - last.left);
    } else merged.push({ ...b });
  }
  return merged;
}

/** Where the caret at `offset` is drawn, relative to `base`. */
export function caretBox(dom: TextDom, offset: number, base: DOMRect): Box | null {
  const range = dom.range(offset, offset);
  if (!range) return null;
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!rect || (rect.height === 0 && rect.top === 0)) return null;
  return { left: rect.left - base.left, top: rect.top - base.top, width: 2, height: rect.height || 20 };
}

/** Centre of the top edge of the first box: where a link arrow attaches. */
export function anchorPoint(boxes: readonly Box[]): { x: number; y: number } | null {
  const b = boxes[0];
  return b ? { x: b.left + Math.min(b.width / 2, 40), y: b.top } : null;
}

/** Where a popup goes: just under the given text offset, inside the article body. */
export function placeAt(dom: TextDom, body: HTMLElement, offset: number, width = 280): { left: number; top: number } | null {
  const box = caretBox(dom, offset, body.getBoundingClientRect());
  if (!box) return null;
  return { left: Math.max(0, Math.min(box.left - 20, body.clientWidth - width)), top: box.top + box.height + 6 };
}
