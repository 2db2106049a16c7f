import type { Annotation } from '../../../core/model/annotation';
import { changedCount, changedRange } from '../../state/editor-diff';

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
  /** The list last filed whole held some id twice (only its first occurrence is filed). */
  private duplicates = false;

  /** Brings the index to `annotations`; returns the ids added, replaced or removed. */
  update(annotations: readonly Annotation[]): Set<string> {
    if (annotations === this.source) return new Set();
    const before = this.source;
    this.source = annotations;
    return (before && this.updateChanged(before, annotations)) ?? this.updateAll(annotations);
  }

  /**
   * Re-files only what changed between `before` and `after` (the part between their common prefix
   * and suffix, found by identity). Null, with nothing touched, when that does not apply: a large
   * change, or an id held twice (first-occurrence rules then need the whole list).
   */
  private updateChanged(before: readonly Annotation[], after: readonly Annotation[]): Set<string> | null {
    if (this.duplicates) return null;
    const range = changedRange(before, after);
    if (changedCount(range) * 2 > before.length + after.length) return null;
    const kept = new Set<Annotation>();
    for (let i = range.start; i < range.afterEnd; i++) kept.add(after[i]!);
    const removed = new Set<Annotation>();
    for (let i = range.start; i < range.beforeEnd; i++) {
      const a = before[i]!;
      if (kept.has(a)) continue;
      // Not the object held for its id: the list held that id twice.
      if (this.byId.get(a.id) !== a) return null;
      removed.add(a);
    }
    const stays = new Set<Annotation>();
    for (let i = range.start; i < range.beforeEnd; i++) if (kept.has(before[i]!)) stays.add(before[i]!);
    const added: Annotation[] = [];
    const ids = new Set<string>();
    for (let i = range.start; i < range.afterEnd; i++) {
      const a = after[i]!;
      if (ids.has(a.id)) return null;
      ids.add(a.id);
      if (stays.has(a)) continue;
      const held = this.byId.get(a.id);
      // Held by an annotation that stays in the list: the new list holds that id twice.
      if (held && !removed.has(held)) return null;
      added.push(a);
    }
    const changed = new Set<string>();
    for (const a of removed) {
      this.file(a, false);
      this.byId.delete(a.id);
      changed.add(a.id);
    }
    for (const a of added) {
      this.file(a, true);
      this.byId.set(a.id, a);
      changed.add(a.id);
    }
    return changed;
  }

  private updateAll(annotations: readonly Annotation[]): Set<string> {
    const changed = new Set<string>();
    const seen = new Set<string>();
    this.duplicates = false;
    for (const a of annotations) {
      if (seen.has(a.id)) {
        this.duplicates = true;
        continue;
      }
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
