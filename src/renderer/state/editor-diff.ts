/**
 * What one edit changed in the open article's annotations, found without comparing annotations:
 * the store keeps every untouched annotation as the same object, so the arrays before and after
 * share a prefix and a suffix by identity, and only the part between them changed. Tagging one
 * span in 20,000 is a change of one item found by two pointer scans, and the structures kept up to
 * date from it (per-author counts, nesting levels, the painter's interval index) re-read only that part.
 */
export interface ChangedRange {
  /** The first index where the arrays differ (the common prefix's length). */
  start: number;
  /** `before[start, beforeEnd)` was replaced by `after[start, afterEnd)`; what follows is the same on both sides. */
  beforeEnd: number;
  afterEnd: number;
}

let lastPair: { before: readonly unknown[]; after: readonly unknown[]; range: ChangedRange } | null = null;

/** (One edit is asked about by several structures in turn: the last answer is kept. The arrays are never changed in place.) */
export function changedRange<T>(before: readonly T[], after: readonly T[]): ChangedRange {
  if (lastPair?.before === before && lastPair.after === after) return lastPair.range;
  const range = scan(before, after);
  lastPair = { before, after, range };
  return range;
}

function scan<T>(before: readonly T[], after: readonly T[]): ChangedRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  return { start, beforeEnd, afterEnd };
}

/** How many items the change touches on both sides together. */
export function changedCount(range: ChangedRange): number {
  return range.beforeEnd - range.start + (range.afterEnd - range.start);
}

/**
 * Annotations per author, kept up to date edit by edit (the article list shows them, and the
 * editor asks whether any review companion is present): an edit adds and subtracts only what it
 * changed. Equal to core's countByAuthor on the same annotations (property-tested).
 */
export class AuthorCounts {
  private counts = new Map<string, number>();
  private source: readonly { author: string }[] = [];
  private record: Record<string, number> | null = null;

  /** Brings the counts to `annotations`. */
  update(annotations: readonly { author: string }[]): void {
    if (annotations === this.source) return;
    const range = changedRange(this.source, annotations);
    // A large change (an import, another article): counting afresh is as quick.
    if (changedCount(range) * 2 > annotations.length + this.source.length && this.source.length > 0) {
      this.counts = new Map();
      for (const a of annotations) this.add(a.author, 1);
    } else {
      for (let i = range.start; i < range.beforeEnd; i++) this.add(this.source[i]!.author, -1);
      for (let i = range.start; i < range.afterEnd; i++) this.add(annotations[i]!.author, 1);
    }
    this.source = annotations;
    this.record = null;
  }

  /** The counts as countByAuthor gives them: authors with at least one annotation. */
  toRecord(): Record<string, number> {
    if (this.record) return this.record;
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [author, n] of this.counts) out[author] = n;
    return (this.record = out);
  }

  /** True when some author with annotations passes `test` (e.g. a review companion's layer). */
  someAuthor(test: (author: string) => boolean): boolean {
    for (const author of this.counts.keys()) if (test(author)) return true;
    return false;
  }

  private add(author: string, n: number): void {
    const next = (this.counts.get(author) ?? 0) + n;
    if (next === 0) this.counts.delete(author);
    else this.counts.set(author, next);
  }
}

let shared: AuthorCounts | null = null;

/** The per-author counts of the open article's annotations (one instance, updated from each edit). */
export function authorCounts(annotations: readonly { author: string }[]): AuthorCounts {
  shared ??= new AuthorCounts();
  shared.update(annotations);
  return shared;
}
