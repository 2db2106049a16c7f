/**
 * Nesting, drawn as bars under the text: a span nested (or crossing into) another gets a thin bar
 * in its label's colour, one step lower per level — like brat's stacked brackets. They are plain
 * absolutely-positioned divs in an overlay, created only for the annotations the highlight
 * painter has in its window, so their number stays small however long the article.
 *
 * Why not an underline in the ::highlight rule: Chromium re-resolves decorated highlights across
 * the document whenever the registered ranges change, which made scrolling a long article stall.
 */
export const BAR_STEP_PX = 3;

export type MeasuredBars = { level: number; color: string; boxes: { left: number; bottom: number; width: number }[] }[];
const BAR_HEIGHT_PX = 2;

export class NestBars {
  constructor(
    private readonly layer: HTMLElement,
    private readonly base: HTMLElement,
  ) {}

  /**
   * Measures where the bars of many annotations go. Call it before changing anything in the
   * document: reading a rect after a change (even to the highlights) forces a new layout.
   */
  measure(jobs: readonly { ranges: readonly StaticRange[]; level: number; color: string }[]): MeasuredBars {
    // Nothing nested: no bars, and no rect read (it would force a layout of what just changed).
    if (!jobs.some((job) => job.level >= 1)) return jobs.map((job) => ({ level: job.level, color: job.color, boxes: [] }));
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

  /**
   * Adds measured bars in one DOM change, all in one group element (a batch: what one paint or one
   * window step added); returns, per job, its bars (for `remove`).
   */
  place(measured: MeasuredBars): HTMLElement[][] {
    const group = document.createElement('div');
    group.className = 'nest-batch';
    const placed = measured.map(({ boxes, level, color }) => {
      if (boxes.length === 0) return NO_BARS;
      const offset = Math.min(level, 3) * BAR_STEP_PX;
      return boxes.map((b) => {
        const bar = document.createElement('div');
        bar.className = 'nest-bar';
        // left/top, not a transform: each transformed element is a node of its own in the
        // compositor's property trees, and thousands of them made every frame's layerization slow.
        bar.style.left = `${b.left}px`;
        bar.style.top = `${b.bottom + offset - BAR_HEIGHT_PX}px`;
        bar.style.width = `${b.width}px`;
        bar.style.background = color;
        group.append(bar);
        return bar;
      });
    });
    if (group.firstChild) this.layer.append(group);
    return placed;
  }

  /**
   * Removes many bars at once: a batch whose bars all go is removed as one element (as the window
   * moves on, whole batches leave), the others bar by bar.
   */
  remove(bars: readonly (readonly HTMLElement[])[]): void {
    const leaving = new Map<Element, HTMLElement[]>();
    for (const list of bars) {
      for (const bar of list) {
        const group = bar.parentElement;
        if (!group) continue;
        const same = leaving.get(group);
        if (same) same.push(bar);
        else leaving.set(group, [bar]);
      }
    }
    for (const [group, list] of leaving) {
      if (list.length === group.childElementCount) group.remove();
      else for (const bar of list) bar.remove();
    }
  }

  /** Removes every bar. */
  clear(): void {
    this.layer.replaceChildren();
  }
}

const NO_BARS: HTMLElement[] = [];
