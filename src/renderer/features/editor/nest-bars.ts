/**
 * Nesting, drawn as bars under the text: a span nested (or crossing into) another gets a thin bar
 * in its label's colour and line style, one step lower per level — like brat's stacked brackets.
 * They are drawn only for the annotations the highlight painter has in its window, so their
 * number stays small however long the article.
 *
 * Each batch (what one paint or one window step added) is one <svg> in an overlay, holding one
 * filled path per colour, line style and line of text (`.nest-bar`), each dash of each bar a
 * rectangle in it. A bar per <div> made a window step at 20,000 spans create some 400 elements,
 * each with its own inline style to parse, style, lay out and paint: two thirds of the main
 * thread's time while scrolling. The dashes are drawn as rectangles, from each bar's left end as
 * a div's repeating gradient drew them: stroke-dasharray on batch-wide paths made Chromium's
 * software raster six times slower.
 *
 * Why not an underline in the ::highlight rule: Chromium re-resolves decorated highlights across
 * the document whenever the registered ranges change, which made scrolling a long article stall.
 */
export const BAR_STEP_PX = 3;
const BAR_HEIGHT_PX = 2;
const SVG = 'http://www.w3.org/2000/svg';

/** How a bar is drawn: its colour and its dash pattern (lengths on and off, as in stroke-dasharray; '' is solid). */
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
 * one path per style and line of text, each bar a horizontal subpath of the bar's height. Per line,
 * not one path per style: a dashed path is dashed whole wherever it is drawn, and a tile of the
 * page rasterised every bar of a batch-wide path (six times the raster time while scrolling).
 */
function draw(batch: Batch): void {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const entry of batch.entries) {
    for (const l of entry.lines) {
      left = Math.min(left, l.x);
      right = Math.max(right, l.to);
      top = Math.min(top, l.y - BAR_HEIGHT_PX / 2);
      bottom = Math.max(bottom, l.y + BAR_HEIGHT_PX / 2);
    }
  }
  const paths = new Map<string, { style: BarStyle; d: string[] }>();
  let bars = 0;
  for (const entry of batch.entries) {
    for (const l of entry.lines) {
      bars++;
      const y = round(l.y - top);
      const key = `${entry.style.color} ${entry.style.dash} ${y}`;
      let path = paths.get(key);
      if (!path) {
        path = { style: entry.style, d: [] };
        paths.set(key, path);
      }
      const x = l.x - left;
      for (const [from, to] of dashes(entry.style.dash, l.to - l.x))
        path.d.push(`M${round(x + from)} ${round(y - BAR_HEIGHT_PX / 2)}h${round(to - from)}v${BAR_HEIGHT_PX}h${round(from - to)}z`);
    }
  }
  const { svg } = batch;
  svg.style.left = `${left}px`;
  svg.style.top = `${top}px`;
  svg.setAttribute('width', String(Math.max(0, right - left)));
  svg.setAttribute('height', String(Math.max(0, bottom - top)));
  // How many bars it draws (for tests and the benchmark: a path holds many).
  svg.dataset.bars = String(bars);
  const elements = [...paths.values()].map(({ style, d }) => {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('class', 'nest-bar');
    path.setAttribute('d', d.join(''));
    path.setAttribute('fill', style.color);
    path.setAttribute('data-dash', style.dash);
    return path;
  });
  svg.replaceChildren(...elements);
}

/** The drawn parts [from, to) of a bar `width` long in this dash pattern (its phase starting at the bar's left end). */
function dashes(dash: string, width: number): [number, number][] {
  const pattern = dash ? dash.split(' ').map(Number) : [];
  if (pattern.length < 2 || pattern.some((n) => !(n > 0))) return [[0, width]];
  const parts: [number, number][] = [];
  for (let at = 0, i = 0; at < width; i = (i + 1) % pattern.length) {
    const next = at + pattern[i]!;
    if (i % 2 === 0) parts.push([at, Math.min(next, width)]);
    at = next;
  }
  return parts;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
