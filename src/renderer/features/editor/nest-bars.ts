/**
 * Nesting, drawn as bars under the text: a span nested (or crossing into) another gets a thin bar
 * in its label's colour and line style, one step lower per level — like brat's stacked brackets.
 * They are drawn only for the annotations the highlight painter has in its window, so their
 * number stays small however long the article.
 *
 * Each batch (what one paint or one window step added) is one <svg> in an overlay, holding one
 * path per colour and line style (`.nest-bar`), each bar a subpath. A bar per <div> made a window
 * step at 20,000 spans create some 400 elements, each with its own inline style to parse, style,
 * lay out and paint: two thirds of the main thread's time while scrolling. Dashes are the path's
 * stroke-dasharray, which restarts at every subpath, so each bar's pattern starts at its left
 * end as it did in a div's repeating gradient.
 *
 * Why not an underline in the ::highlight rule: Chromium re-resolves decorated highlights across
 * the document whenever the registered ranges change, which made scrolling a long article stall.
 */
export const BAR_STEP_PX = 3;
const BAR_HEIGHT_PX = 2;
const SVG = 'http://www.w3.org/2000/svg';

/** How a bar is drawn: its colour and its dash pattern (an SVG stroke-dasharray; '' is solid). */
export interface BarStyle {
  color: string;
  dash: string;
}

export type MeasuredBars = (BarStyle & { level: number; boxes: { left: number; bottom: number; width: number }[] })[];

/** One annotation's bars, as placed (handed back to `remove`); null when it has none. */
export type PlacedBars = Entry | null;

interface Entry {
  batch: Batch;
  style: BarStyle;
  /** Each bar's line: x from, x to, y of its centre (in the layer's coordinates). */
  lines: { x: number; to: number; y: number }[];
}

interface Batch {
  svg: SVGSVGElement;
  entries: Set<Entry>;
}

export class NestBars {
  private readonly batches = new Set<Batch>();

  constructor(
    private readonly layer: HTMLElement,
    private readonly base: HTMLElement,
  ) {}

  /**
   * Measures where the bars of many annotations go. Call it before changing anything in the
   * document: reading a rect after a change (even to the highlights) forces a new layout.
   */
  measure(jobs: readonly ({ ranges: readonly StaticRange[]; level: number } & BarStyle)[]): MeasuredBars {
    // Nothing nested: no bars, and no rect read (it would force a layout of what just changed).
    if (!jobs.some((job) => job.level >= 1)) return jobs.map((job) => ({ level: job.level, color: job.color, dash: job.dash, boxes: [] }));
    const origin = this.base.getBoundingClientRect();
    // One live Range, moved over each static one: live ranges cost on every later DOM change.
    const probe = document.createRange();
    const rectsOf = (r: StaticRange): DOMRect[] => {
      probe.setStart(r.startContainer, r.startOffset);
      probe.setEnd(r.endContainer, r.endOffset);
      return [...probe.getClientRects()];
    };
    const measured = jobs.map((job) => ({
      level: job.level,
      color: job.color,
      dash: job.dash,
      boxes:
        job.level < 1
          ? []
          : job.ranges
              .flatMap((r) => rectsOf(r).filter((b) => b.width >= 0.5))
              .map((b) => ({ left: b.left - origin.left, bottom: b.bottom - origin.top, width: b.width })),
    }));
    probe.detach();
    return measured;
  }

  /** Adds measured bars in one DOM change, all in one batch; returns, per job, its bars (for `remove`). */
  place(measured: MeasuredBars): PlacedBars[] {
    const batch: Batch = { svg: document.createElementNS(SVG, 'svg'), entries: new Set() };
    const placed = measured.map(({ boxes, level, color, dash }): PlacedBars => {
      if (boxes.length === 0) return null;
      const offset = Math.min(level, 3) * BAR_STEP_PX;
      const lines = boxes.map((b) => ({ x: b.left, to: b.left + b.width, y: b.bottom + offset - BAR_HEIGHT_PX / 2 }));
      const entry: Entry = { batch, style: { color, dash }, lines };
      batch.entries.add(entry);
      return entry;
    });
    if (batch.entries.size === 0) return placed;
    batch.svg.setAttribute('class', 'nest-batch');
    draw(batch);
    this.batches.add(batch);
    this.layer.append(batch.svg);
    return placed;
  }

  /**
   * Removes many annotations' bars at once: a batch whose bars all go is removed as one element (as
   * the window moves on, whole batches leave), the others are redrawn without them.
   */
  remove(bars: readonly PlacedBars[]): void {
    const touched = new Set<Batch>();
    for (const entry of bars) {
      if (!entry || !entry.batch.entries.delete(entry)) continue;
      touched.add(entry.batch);
    }
    for (const batch of touched) {
      if (batch.entries.size > 0) draw(batch);
      else {
        batch.svg.remove();
        this.batches.delete(batch);
      }
    }
  }

  /** Removes every bar. */
  clear(): void {
    for (const batch of this.batches) batch.entries.clear();
    this.batches.clear();
    this.layer.replaceChildren();
  }
}

/**
 * Draws a batch's bars: the svg spans their bounding box (so its painted area is what it draws),
 * one path per style, each bar a horizontal subpath of the bar's height.
 */
function draw(batch: Batch): void {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const paths = new Map<string, { style: BarStyle; d: string[] }>();
  for (const entry of batch.entries) {
    const key = `${entry.style.color} ${entry.style.dash}`;
    if (!paths.has(key)) paths.set(key, { style: entry.style, d: [] });
    for (const l of entry.lines) {
      left = Math.min(left, l.x);
      right = Math.max(right, l.to);
      top = Math.min(top, l.y - BAR_HEIGHT_PX / 2);
      bottom = Math.max(bottom, l.y + BAR_HEIGHT_PX / 2);
    }
  }
  const { svg } = batch;
  svg.style.left = `${left}px`;
  svg.style.top = `${top}px`;
  svg.setAttribute('width', String(Math.max(0, right - left)));
  svg.setAttribute('height', String(Math.max(0, bottom - top)));
  for (const entry of batch.entries) {
    const { d } = paths.get(`${entry.style.color} ${entry.style.dash}`)!;
    for (const l of entry.lines) d.push(`M${round(l.x - left)} ${round(l.y - top)}h${round(l.to - l.x)}`);
  }
  const elements = [...paths.values()].map(({ style, d }) => {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('class', 'nest-bar');
    path.setAttribute('d', d.join(''));
    path.setAttribute('stroke', style.color);
    if (style.dash) path.setAttribute('stroke-dasharray', style.dash);
    return path;
  });
  svg.replaceChildren(...elements);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
