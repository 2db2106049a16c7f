import type { Annotation } from '../../../core/model/annotation';

/**
 * An interval index of annotations over the text, for the painter's viewport window: the text is
 * cut into blocks of BLOCK characters and each annotation is listed in every block one of its
 * fragments touches. Finding what overlaps a window of a few screens reads a handful of blocks
 * instead of every annotation, so scrolling costs the same at 500 or 20,000 spans.
 *
 * Kept up to date incrementally: annotations are immutable, so `update` compares each one with
 * the object it holds for that id and re-files only those that differ (and those that are gone).
 * The first occurrence of an id wins, as in the painter.
 */
export const BLOCK = 512;

export class SpanIndex {
  private readonly blocks = new Map<number, Map<string, Annotation>>();
  private readonly byId = new Map<string, Annotation>();
  private source: readonly Annotation[] | null = null;

  /** Brings the index to `annotations`; returns the ids added, replaced or removed. */
  update(annotations: readonly Annotation[]): Set<string> {
    const changed = new Set<string>();
    if (annotations === this.source) return changed;
    this.source = annotations;
    const seen = new Set<string>();
    for (const a of annotations) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      const held = this.byId.get(a.id);
      if (held === a) continue;
      if (held) this.file(held, false);
      this.file(a, true);
      this.byId.set(a.id, a);
      changed.add(a.id);
    }
    if (this.byId.size > seen.size) {
      for (const [id, a] of this.byId) {
        if (seen.has(id)) continue;
        this.file(a, false);
        this.byId.delete(id);
        changed.add(id);
      }
    }
    return changed;
  }

  /** The annotations with a fragment overlapping [start, end), each once, in no particular order. */
  query(start: number, end: number): Annotation[] {
    if (end <= start) return [];
    const found = new Set<Annotation>();
    const last = Math.floor((end - 1) / BLOCK);
    for (let b = Math.floor(start / BLOCK); b <= last; b++) {
      const block = this.blocks.get(b);
      if (!block) continue;
      for (const a of block.values()) {
        if (!found.has(a) && a.fragments.some((f) => f.start < end && f.end > start)) found.add(a);
      }
    }
    return [...found];
  }

  /** Every annotation held, by id (for tests: the incremental index against one built afresh). */
  get size(): number {
    return this.byId.size;
  }

  /** The ids listed in each block, sorted (for tests). */
  snapshot(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const [b, block] of [...this.blocks].sort((x, y) => x[0] - y[0])) out.set(b, [...block.keys()].sort());
    return out;
  }

  private file(a: Annotation, add: boolean): void {
    for (const f of a.fragments) {
      // An empty fragment still sits at one place in the text: file it in that block.
      const last = Math.floor(Math.max(f.start, f.end - 1) / BLOCK);
      for (let b = Math.floor(f.start / BLOCK); b <= last; b++) {
        let block = this.blocks.get(b);
        if (add) {
          if (!block) this.blocks.set(b, (block = new Map<string, Annotation>()));
          block.set(a.id, a);
        } else if (block?.get(a.id) === a) {
          block.delete(a.id);
          if (block.size === 0) this.blocks.delete(b);
        }
      }
    }
  }
}
