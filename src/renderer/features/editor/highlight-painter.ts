import type { Annotation } from '../../../core/model/annotation';
import type { BarStyle, MeasuredBars, NestBars, PlacedBars } from './nest-bars';
import { SpanIndex } from './span-index';
import type { TextDom } from './text-dom';

/** How each annotation is drawn: its highlight (label and level) and, when nested, its bar. */
export interface PaintStyle {
  nameOf(a: Annotation): string;
  priorityOf(name: string): number;
  levelOf(a: Annotation): number;
  /** Its nest bar's colour and dash pattern. */
  barOf(a: Annotation): BarStyle;
}

/**
 * Paints annotations with the CSS Custom Highlight API: the article's DOM is never rewritten per
 * span, the browser draws registered ranges. Work is incremental — an edit re-registers only the
 * annotations whose object or style changed (annotations are immutable, so identity says which) —
 * and with many annotations only those in (or near) view are registered; `setWindow` moves that
 * window as the analyst scrolls. The window's annotations come from an interval index (SpanIndex)
 * kept up to date from what each edit changed, so neither an edit nor a scroll step walks every
 * annotation of a long article.
 */

interface Painted {
  annotation: Annotation;
  name: string;
  level: number;
  ranges: StaticRange[];
  /** Its nest bars in the page (null when it is not nested). */
  bars: PlacedBars;
}

/** Above this many annotations only those near the viewport are registered. */
export const WINDOWING_THRESHOLD = 600;

/**
 * A window step measures and places at most this many nested spans' bars in its own task; more
 * wait for a task after its frame. Waiting costs a second paint and raster of that part of the
 * page (a quarter more CPU over a scroll at 5,000 spans, whose steps add some 60), so only the
 * steps that would be long do it (some 400 at 20,000 spans).
 */
const BARS_AT_ONCE = 200;

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly painted = new Map<string, Painted>();
  private annotations: readonly Annotation[] = [];
  private style: PaintStyle = { nameOf: () => 'lede-0-0', priorityOf: () => 0, levelOf: () => 0, barOf: () => ({ color: '#888888', dash: '' }) };
  private window: { start: number; end: number } | null = null;
  private readonly index = new SpanIndex();
  /** Painted, nested, and their bars not placed yet (a window step places them after its frame). */
  private readonly barsDue = new Set<Painted>();
  private barsTimer: { frame: number; task: number } | null = null;

  constructor(
    private dom: TextDom,
    private bars: NestBars | null = null,
  ) {}

  /** The text was re-rendered (another article): every range must be rebuilt. */
  setDom(dom: TextDom, bars: NestBars | null): void {
    this.clearAnnotations();
    this.cancelBars();
    this.dom = dom;
    this.bars = bars;
    this.window = null;
  }

  /** Shows these annotations, each in the highlight `nameOf` gives it (label and nesting level). */
  update(annotations: readonly Annotation[], style: PaintStyle): void {
    this.annotations = annotations;
    this.style = style;
    this.sync();
  }

  /** The layout changed (resize): bars are measured again; highlights need nothing. */
  relayout(): void {
    this.cancelBars();
    const all = [...this.painted.values()];
    const measured = this.measureBars(all);
    this.bars?.clear();
    this.placeBars(all, measured);
  }

  private measureBars(painted: Painted[]): MeasuredBars {
    if (!this.bars) return [];
    return this.bars.measure(painted.map((p) => ({ ranges: p.ranges, level: p.level, ...this.style.barOf(p.annotation) })));
  }

  private placeBars(painted: Painted[], measured: MeasuredBars): void {
    if (!this.bars) return;
    const placed = this.bars.place(measured);
    painted.forEach((p, i) => (p.bars = placed[i] ?? null));
  }

  /**
   * Limits painting to [start, end) of the text (null: everything). With `barsLater` (a step of a
   * scroll, whose new part lies in the margin beyond the screen) the nest bars of what it adds,
   * when there are many, are measured and placed in a task of their own once this frame is painted:
   * measuring them was more than half of a step's script at 20,000 spans, and the step and its
   * paint then share no task.
   */
  setWindow(window: { start: number; end: number } | null, barsLater = false): void {
    this.window = window;
    this.sync(barsLater);
  }

  get windowed(): boolean {
    return this.annotations.length > WINDOWING_THRESHOLD;
  }

  /** How many annotations have ranges registered now (for tests and the benchmark). */
  get paintedCount(): number {
    return this.painted.size;
  }

  private sync(barsLater = false): void {
    if (!this.windowed) return this.apply(this.annotations, false);
    // Windowed but no window yet (the viewport is measured right after): paint nothing rather than everything.
    const window = this.window ?? { start: 0, end: 0 };
    this.index.update(this.annotations);
    this.apply(this.index.query(window.start, window.end), barsLater);
  }

  /**
   * Paints exactly `shown` (those in the window, or all): registers what is new or restyled,
   * unregisters what changed or left. Only `shown` and what is painted now are visited.
   */
  private apply(shown: readonly Annotation[], barsLater: boolean): void {
    const { nameOf, levelOf } = this.style;
    const seen = new Set<string>();
    const stale: [string, Painted][] = [];
    const added: Painted[] = [];
    for (const a of shown) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      const p = this.painted.get(a.id);
      const name = nameOf(a);
      if (p && p.annotation === a && p.name === name) continue;
      if (p) stale.push([a.id, p]);
      const ranges = a.fragments.flatMap((f) => this.dom.staticRangesPerParagraph(f.start, f.end));
      added.push({ annotation: a, name, level: levelOf(a), ranges, bars: null });
    }
    for (const [id, p] of this.painted) if (!seen.has(id)) stale.push([id, p]);
    const nested = barsLater && this.bars ? added.filter((p) => p.level >= 1).length : 0;
    const barsNow = nested > BARS_AT_ONCE ? added.filter((p) => p.level < 1) : added;
    // Measure first, then change the document: one layout, not one per annotation.
    const measured = this.measureBars(barsNow);
    this.bars?.remove(stale.map(([, p]) => p.bars));
    for (const [id, p] of stale) this.unpaint(id, p);
    for (const p of added) {
      const highlight = this.highlight(p.name);
      for (const r of p.ranges) highlight.add(r);
      this.painted.set(p.annotation.id, p);
    }
    this.placeBars(barsNow, measured);
    if (barsNow !== added) {
      for (const p of added) if (p.level >= 1) this.barsDue.add(p);
      this.scheduleBars();
    }
  }

  /** Places the bars due once the frame now being drawn is painted (a task queued from it). */
  private scheduleBars(): void {
    if (this.barsTimer || this.barsDue.size === 0) return;
    const timer = { frame: 0, task: 0 };
    timer.frame = requestAnimationFrame(() => (timer.task = window.setTimeout(() => this.placeDueBars(), 0)));
    this.barsTimer = timer;
  }

  private placeDueBars(): void {
    this.barsTimer = null;
    // Only those still painted as they were (a later step or edit may have taken them off).
    const due = [...this.barsDue].filter((p) => this.painted.get(p.annotation.id) === p);
    this.barsDue.clear();
    this.placeBars(due, this.measureBars(due));
  }

  private cancelBars(): void {
    if (this.barsTimer) {
      cancelAnimationFrame(this.barsTimer.frame);
      clearTimeout(this.barsTimer.task);
      this.barsTimer = null;
    }
    this.barsDue.clear();
  }

  /** Takes its ranges out of its highlight (its bars are removed by the caller, many at once). */
  private unpaint(id: string, p: Painted): void {
    const highlight = this.highlights.get(p.name);
    if (highlight) for (const r of p.ranges) highlight.delete(r);
    this.painted.delete(id);
  }

  private highlight(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = this.style.priorityOf(name);
      this.highlights.set(name, h);
      CSS.highlights.set(name, h);
    }
    return h;
  }

  /** Replaces the ranges of a named highlight that is not an annotation layer (selection, find). */
  setRanges(name: string, ranges: readonly { start: number; end: number }[], priority: number): void {
    const h = this.highlight(name);
    h.priority = priority;
    h.clear();
    for (const r of ranges) for (const range of this.dom.staticRangesPerParagraph(r.start, r.end)) h.add(range);
  }

  private clearAnnotations(): void {
    const all = [...this.painted];
    this.bars?.remove(all.map(([, p]) => p.bars));
    for (const [id, p] of all) this.unpaint(id, p);
  }

  dispose(): void {
    this.cancelBars();
    this.clearAnnotations();
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.painted.clear();
  }
}
