import { compareSpans, spanEnd, spanStart, type Spanned } from '../../../core/model/fragments';
import { nestingLevels } from '../../../core/text/span-layout';
import { changedRange } from '../../state/editor-diff';

/**
 * The nesting level of every shown span (core's nestingLevels), kept up to date edit by edit.
 *
 * nestingLevels sweeps the spans in document order with the set of spans still open; a span's
 * level is one more than the deepest open one. The sweep's state is small, so it is saved before
 * every CHECKPOINT-th span. After an edit only the changed part of the list (found by identity,
 * state/editor-diff) is swept again, from the checkpoint before it, and the sweep stops as soon as
 * its state equals the state saved before an unchanged span: from there on every level is what it
 * was. Tagging one span in 20,000 re-sweeps a few hundred, not 20,000.
 *
 * Equal to nestingLevels on the same list after any sequence of edits (property-tested). Lists
 * not in document order, or with an id twice, are handed to nestingLevels whole.
 */
const CHECKPOINT = 64;

interface SweepState {
  ends: number[];
  levels: number[];
}

export class NestingIndex {
  private spans: readonly Spanned[] = [];
  private levels = new Map<string, number>();
  /** The sweep's state before a span, for every CHECKPOINT-th span swept (keyed by the span object). */
  private checkpoints = new WeakMap<Spanned, SweepState>();
  /** False when the last list was not in order or repeated an id: the next one is swept whole. */
  private incremental = false;

  /** `checkpoint`: how many spans apart the sweep's state is saved (small in tests, to reach every path). */
  constructor(private readonly checkpoint = CHECKPOINT) {}

  /** Brings the levels to `spans`; returns them (the same Map object, updated, while the list stays incremental). */
  update(spans: readonly Spanned[]): ReadonlyMap<string, number> {
    if (spans === this.spans) return this.levels;
    const before = this.spans;
    this.spans = spans;
    if (!this.incremental || before.length === 0) return this.rebuild(spans);
    const range = changedRange(before, spans);
    if (range.start === range.beforeEnd && range.start === range.afterEnd) return this.levels;
    // The unchanged prefix and suffix were in order; the new part must be, and fit between them.
    const from = Math.max(0, range.start - 1);
    const to = Math.min(spans.length, range.afterEnd + 1);
    for (let i = from + 1; i < to; i++) if (compareSpans(spans[i - 1]!, spans[i]!) > 0) return this.rebuild(spans);
    // A large change (an import, a filter): sweeping everything is as quick.
    if ((range.beforeEnd - range.start + range.afterEnd - range.start) * 2 > spans.length + before.length) return this.rebuild(spans);
    const removed = new Set<string>();
    for (let i = range.start; i < range.beforeEnd; i++) removed.add(before[i]!.id);
    const added = new Set<string>();
    for (let i = range.start; i < range.afterEnd; i++) {
      const id = spans[i]!.id;
      // The same id twice in the new part, or an id also held by a span outside it: a repeated id.
      if (added.has(id) || (this.levels.has(id) && !removed.has(id))) return this.rebuild(spans);
      added.add(id);
    }
    for (const id of removed) if (!added.has(id)) this.levels.delete(id);
    // Sweep again from the last checkpoint saved on a span of the unchanged prefix (the state
    // before it depends on the prefix alone), or from the start.
    let at = range.start - 1;
    while (at >= 0 && !this.checkpoints.has(spans[at]!)) at--;
    const saved = at >= 0 ? this.checkpoints.get(spans[at]!) : undefined;
    this.sweep(spans, Math.max(0, at), saved ? { ends: [...saved.ends], levels: [...saved.levels] } : { ends: [], levels: [] }, range.afterEnd);
    return this.levels;
  }

  /** The level of a span by id (0 when unknown). */
  levelOf(id: string): number {
    return this.levels.get(id) ?? 0;
  }

  private rebuild(spans: readonly Spanned[]): ReadonlyMap<string, number> {
    this.checkpoints = new WeakMap();
    const ids = new Set<string>();
    let ordered = true;
    for (let i = 0; i < spans.length; i++) {
      ids.add(spans[i]!.id);
      if (i > 0 && compareSpans(spans[i - 1]!, spans[i]!) > 0) ordered = false;
    }
    this.incremental = ordered && ids.size === spans.length;
    if (!this.incremental) {
      this.levels = new Map(nestingLevels(spans));
      return this.levels;
    }
    this.levels = new Map();
    this.sweep(spans, 0, { ends: [], levels: [] }, spans.length);
    return this.levels;
  }

  /**
   * nestingLevels' sweep from `at` with `state` (the open spans before spans[at]), saving
   * checkpoints; past `changedEnd` it stops at the first saved state equal to its own.
   */
  private sweep(spans: readonly Spanned[], at: number, state: SweepState, changedEnd: number): void {
    const { ends, levels } = state;
    for (let i = at; i < spans.length; i++) {
      const span = spans[i]!;
      if (i >= changedEnd) {
        const saved = this.checkpoints.get(span);
        if (saved && sameState(saved, state)) return;
      }
      // Every span passed gets the state before it saved, or loses what it had (now stale).
      if (i % this.checkpoint === 0) this.checkpoints.set(span, { ends: [...ends], levels: [...levels] });
      else this.checkpoints.delete(span);
      const start = spanStart(span);
      let kept = 0;
      let level = 0;
      for (let j = 0; j < ends.length; j++) {
        if (ends[j]! <= start) continue;
        ends[kept] = ends[j]!;
        levels[kept] = levels[j]!;
        level = Math.max(level, levels[j]! + 1);
        kept++;
      }
      ends.length = kept;
      levels.length = kept;
      this.levels.set(span.id, level);
      ends.push(spanEnd(span));
      levels.push(level);
    }
  }
}

function sameState(a: SweepState, b: SweepState): boolean {
  if (a.ends.length !== b.ends.length) return false;
  for (let i = 0; i < a.ends.length; i++) if (a.ends[i] !== b.ends[i] || a.levels[i] !== b.levels[i]) return false;
  return true;
}
