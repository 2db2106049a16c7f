import { spanEnd, spanStart, type Annotation } from '../../../core/model/annotation';
import type { TextDom } from './text-dom';

/**
 * Paints annotations with the CSS Custom Highlight API: the article's DOM is never rewritten per
 * span, the browser draws registered ranges. Work is incremental — an edit re-registers only the
 * annotations whose object or style changed (annotations are immutable, so identity says which) —
 * and with many annotations only those in (or near) view are registered; `setWindow` moves that
 * window as the analyst scrolls.
 */

interface Painted {
  annotation: Annotation;
  name: string;
  ranges: Range[];
}

/** Above this many annotations only those near the viewport are registered. */
export const WINDOWING_THRESHOLD = 600;

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly painted = new Map<string, Painted>();
  private annotations: readonly Annotation[] = [];
  private nameOf: (a: Annotation) => string = () => 'lede-0-0';
  private window: { start: number; end: number } | null = null;

  constructor(private dom: TextDom) {}

  /** The text was re-rendered (another article): every range must be rebuilt. */
  setDom(dom: TextDom): void {
    this.dom = dom;
    this.window = null;
    this.clearAnnotations();
  }

  /** Shows these annotations, each in the highlight `nameOf` gives it (label and nesting level). */
  update(annotations: readonly Annotation[], nameOf: (a: Annotation) => string, priorityOf: (name: string) => number): void {
    this.annotations = annotations;
    this.nameOf = nameOf;
    this.priorityOf = priorityOf;
    this.sync();
  }

  /** Limits painting to [start, end) of the text (null: everything). */
  setWindow(window: { start: number; end: number } | null): void {
    this.window = window;
    this.sync();
  }

  get windowed(): boolean {
    return this.annotations.length > WINDOWING_THRESHOLD;
  }

  /** How many annotations have ranges registered now (for tests and the benchmark). */
  get paintedCount(): number {
    return this.painted.size;
  }

  private priorityOf: (name: string) => number = () => 0;

  private sync(): void {
    // Windowed but no window yet (the viewport is measured right after): paint nothing rather than everything.
    const window = this.windowed ? (this.window ?? { start: 0, end: 0 }) : null;
    const wanted = new Map<string, Annotation>();
    for (const a of this.annotations) {
      if (!window || (spanStart(a) < window.end && spanEnd(a) > window.start)) wanted.set(a.id, a);
    }
    for (const [id, p] of this.painted) {
      const next = wanted.get(id);
      if (next === p.annotation && this.nameOf(next) === p.name) continue;
      this.unpaint(id, p);
    }
    for (const [id, a] of wanted) {
      if (this.painted.has(id)) continue;
      const name = this.nameOf(a);
      const ranges = a.fragments.flatMap((f) => this.dom.rangesPerParagraph(f.start, f.end));
      const highlight = this.highlight(name);
      for (const r of ranges) highlight.add(r);
      this.painted.set(id, { annotation: a, name, ranges });
    }
  }

  private unpaint(id: string, p: Painted): void {
    const highlight = this.highlights.get(p.name);
    if (highlight) for (const r of p.ranges) highlight.delete(r);
    this.painted.delete(id);
  }

  private highlight(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = this.priorityOf(name);
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
    for (const r of ranges) for (const range of this.dom.rangesPerParagraph(r.start, r.end)) h.add(range);
  }

  private clearAnnotations(): void {
    for (const [id, p] of [...this.painted]) this.unpaint(id, p);
  }

  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.painted.clear();
  }
}
