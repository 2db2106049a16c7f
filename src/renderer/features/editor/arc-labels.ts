import type { Box } from './geometry';

/**
 * Where the name of each link arc goes so that it never covers a line of the article: in free
 * space only — a gap between lines or paragraphs tall enough for the label, or the empty part of
 * a line (after a paragraph's short last line, before an indent) wide enough for it — the free
 * spot nearest to where the arc would naturally peak. The arc is then drawn through its label.
 * Pure geometry on boxes in the article body's coordinates, so it is tested without a browser.
 */

export interface Point {
  x: number;
  y: number;
}

export interface ArcLabelRequest {
  /** The arrow's ends (top centre of each annotation's first box). */
  from: Point;
  to: Point;
  /** The label's size, padding included. */
  width: number;
  height: number;
}

/** Extra clearance kept between a label and any line or other label. */
const CLEAR = 1;

/** Lines whose vertical extents overlap form a row: one visual line of the column. */
interface Row {
  top: number;
  bottom: number;
  /** The row's occupied horizontal intervals, sorted. */
  spans: { left: number; right: number }[];
}

function rowsOf(lines: readonly Box[]): Row[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.left - b.left);
  const rows: Row[] = [];
  for (const l of sorted) {
    const last = rows[rows.length - 1];
    if (last && l.top < last.bottom - 1) {
      last.bottom = Math.max(last.bottom, l.top + l.height);
      last.top = Math.min(last.top, l.top);
      last.spans.push({ left: l.left, right: l.left + l.width });
    } else rows.push({ top: l.top, bottom: l.top + l.height, spans: [{ left: l.left, right: l.left + l.width }] });
  }
  for (const r of rows) r.spans.sort((a, b) => a.left - b.left);
  return rows;
}

/** Where an arc between two points would put its label without any obstacle: above both ends. */
export function naturalLabelPoint(from: Point, to: Point): Point {
  const lift = Math.min(80, 24 + Math.abs(from.x - to.x) / 8 + Math.abs(from.y - to.y) / 10);
  return { x: (from.x + to.x) / 2, y: Math.min(from.y, to.y) - lift * 0.75 };
}

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

const grown = (b: Box, by: number): Box => ({ left: b.left - by, top: b.top - by, width: b.width + 2 * by, height: b.height + 2 * by });

/**
 * Label boxes (top-left corner and size) for `arcs`, in order, none overlapping a line of
 * `lines` or another label. `columnWidth` bounds the column (labels stay in 0..columnWidth);
 * `freeAbove` is where free space above the first line begins (given when `lines` starts at the
 * article's first line: the bottom of the article's header), `openBelow` whether the space below
 * the last line is free (when `lines` ends at the article's last line).
 */
export function placeArcLabels(
  arcs: readonly ArcLabelRequest[],
  lines: readonly Box[],
  columnWidth: number,
  options: { freeAbove?: number; openBelow?: boolean } = {},
): Box[] {
  const rows = rowsOf(lines);
  const placed: Box[] = [];
  const obstacles: Box[] = lines.map((l) => grown(l, CLEAR));
  const result: Box[] = [];
  for (const arc of arcs) {
    const want = naturalLabelPoint(arc.from, arc.to);
    const w = Math.min(arc.width, columnWidth);
    const h = arc.height;
    const clampX = (x: number, lo = 0, hi = columnWidth) => Math.max(lo, Math.min(hi - w, x));
    const candidates: Box[] = [];
    const at = (left: number, top: number) => candidates.push({ left, top, width: w, height: h });

    // Gaps between rows (and above the first / below the last when those are open).
    const bands: { top: number; bottom: number }[] = [];
    for (let i = 1; i < rows.length; i++) bands.push({ top: rows[i - 1]!.bottom, bottom: rows[i]!.top });
    if (rows.length === 0 || options.freeAbove !== undefined) bands.push({ top: options.freeAbove ?? -Infinity, bottom: rows[0]?.top ?? Infinity });
    if (rows.length > 0 && options.openBelow) bands.push({ top: rows[rows.length - 1]!.bottom, bottom: Infinity });
    for (const band of bands) {
      if (band.bottom - band.top < h + 2 * CLEAR) continue;
      const top = Math.max(band.top + CLEAR, Math.min(band.bottom - CLEAR - h, want.y - h / 2));
      // Beside the natural spot too, in case another arc's label took it.
      for (const shift of [0, 1, -1, 2, -2]) at(clampX(want.x - w / 2 + shift * (w + 4)), top);
    }
    // The empty parts of a row, beside its text.
    for (const row of rows) {
      const top = (row.top + row.bottom) / 2 - h / 2;
      let left = 0;
      for (const s of [...row.spans, { left: columnWidth, right: columnWidth }]) {
        const lo = left + CLEAR + 2;
        const hi = s.left - CLEAR - 2;
        if (hi - lo >= w) at(clampX(want.x - w / 2, lo, hi), top);
        left = Math.max(left, s.right);
      }
    }

    let best: Box | null = null;
    let bestCost = Infinity;
    for (const c of candidates) {
      if (obstacles.some((o) => overlaps(c, o))) continue;
      const dx = c.left + w / 2 - want.x;
      const dy = c.top + h / 2 - want.y;
      // Up and down cost more than sideways: a label far above or below reads as another line's.
      const cost = dx * dx + 4 * dy * dy;
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
      }
    }
    const box = best ?? { left: clampX(want.x - w / 2), top: want.y - h / 2, width: w, height: h };
    placed.push(box);
    obstacles.push(grown(box, CLEAR));
    result.push(box);
  }
  return result;
}

/** The arc from `from` to `to` through the centre of its label: level at the label, so the name sits on it. */
export function arcThrough(from: Point, to: Point, label: Box): string {
  const c = { x: label.left + label.width / 2, y: label.top + label.height / 2 };
  return `M${from.x},${from.y} Q${from.x},${c.y} ${c.x},${c.y} Q${to.x},${c.y} ${to.x},${to.y - 2}`;
}
