import { spanEnd, spanStart, type Annotation, type Fragment } from '../model/annotation';
import { compareSpans } from '../model/annotation';
import { fragmentKey, type FragmentKey } from './documents';

/**
 * One-to-one matching of two layers' annotations in one article, in three rounds; each round only
 * sees what earlier rounds left unmatched:
 *  1. exact — same label and same fragments ("agreed");
 *  2. boundary — same label, sharing at least one character ("boundary differs");
 *  3. label — same fragments, another label ("label differs").
 * Same-label overlap goes before same-span-other-label because the label is the stronger tie:
 * with A = Cue[0,5) and B = {Cue[0,7), Source[0,5)}, A's Cue pairs with B's Cue.
 *
 * Within a round, when several candidates compete, pairs are taken greedily in this order:
 * most shared characters first, then the smallest boundary shift (|Δstart| + |Δend|), then
 * document order of A's annotation, then of B's (document order = canonical order: start, longer
 * first, id). The result therefore depends only on the annotations, never on storage order.
 */
export type MatchKind = 'agreed' | 'boundary' | 'label';

export interface MatchResult {
  pairs: { a: Annotation; b: Annotation; kind: MatchKind }[];
  onlyA: Annotation[];
  onlyB: Annotation[];
}

/** Characters two fragment lists share (both sorted and disjoint). */
export function sharedLength(x: readonly Fragment[], y: readonly Fragment[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const f = x[i]!;
    const g = y[j]!;
    shared += Math.max(0, Math.min(f.end, g.end) - Math.max(f.start, g.start));
    if (f.end <= g.end) i++;
    else j++;
  }
  return shared;
}

interface Candidate {
  a: number;
  b: number;
  shared: number;
  shift: number;
}

function byPreference(x: Candidate, y: Candidate): number {
  return y.shared - x.shared || x.shift - y.shift || x.a - y.a || x.b - y.b;
}

export function matchLayers(layerA: readonly Annotation[], layerB: readonly Annotation[]): MatchResult {
  const a = [...layerA].sort(compareSpans);
  const b = [...layerB].sort(compareSpans);
  const takenA = new Uint8Array(a.length);
  const takenB = new Uint8Array(b.length);
  const pairs: MatchResult['pairs'] = [];
  const take = (candidates: Candidate[], kind: MatchKind) => {
    candidates.sort(byPreference);
    for (const c of candidates) {
      if (takenA[c.a] || takenB[c.b]) continue;
      takenA[c.a] = 1;
      takenB[c.b] = 1;
      pairs.push({ a: a[c.a]!, b: b[c.b]!, kind });
    }
  };

  // Round 1: exact. Identical instances pair up in document order.
  const exact = groupIndexes(b, (x) => `${x.label}\u0000${fragmentKey(x.fragments)}`);
  const round1: Candidate[] = [];
  a.forEach((x, i) => {
    const j = exact.get(`${x.label}\u0000${fragmentKey(x.fragments)}`)?.shift();
    if (j !== undefined) round1.push({ a: i, b: j, shared: 0, shift: 0 });
  });
  take(round1, 'agreed');

  // Round 2: same label, overlapping. Each A annotation looks only at the B annotations of its
  // label that can overlap it (overlapCandidates), so the round costs about the pairs it finds.
  const round2: Candidate[] = [];
  const byLabel = labelBuckets(b);
  a.forEach((x, i) => {
    if (takenA[i]) return;
    const bucket = byLabel.get(x.label);
    if (!bucket) return;
    overlapCandidates(bucket, spanStart(x), spanEnd(x), (j) => {
      if (takenB[j]) return;
      const y = b[j]!;
      const shared = sharedLength(x.fragments, y.fragments);
      if (shared > 0) round2.push({ a: i, b: j, shared, shift: shiftOf(x, y) });
    });
  });
  take(round2, 'boundary');

  // Round 3: same fragments, another label.
  const sameSpan = groupIndexes(b, (x) => fragmentKey(x.fragments));
  const round3: Candidate[] = [];
  a.forEach((x, i) => {
    if (takenA[i]) return;
    for (const j of sameSpan.get(fragmentKey(x.fragments)) ?? []) {
      if (!takenB[j]) round3.push({ a: i, b: j, shared: 0, shift: 0 });
    }
  });
  take(round3, 'label');

  return { pairs, onlyA: a.filter((_, i) => !takenA[i]), onlyB: b.filter((_, j) => !takenB[j]) };
}

/**
 * One label's annotations of a layer sorted by start (indexes into it), with the furthest end
 * reached by each prefix: the prefix maxima only grow, so a binary search finds the first
 * annotation that can still reach past a given start.
 */
interface LabelBucket {
  indexes: number[];
  starts: number[];
  ends: number[];
  reach: number[];
}

function labelBuckets(sorted: readonly Annotation[]): Map<string, LabelBucket> {
  const buckets = new Map<string, LabelBucket>();
  sorted.forEach((y, j) => {
    let bucket = buckets.get(y.label);
    if (!bucket) buckets.set(y.label, (bucket = { indexes: [], starts: [], ends: [], reach: [] }));
    bucket.indexes.push(j);
    bucket.starts.push(spanStart(y));
    bucket.ends.push(spanEnd(y));
    bucket.reach.push(Math.max(bucket.reach.at(-1) ?? -Infinity, spanEnd(y)));
  });
  return buckets;
}

/** Calls `visit` with every annotation of `bucket` whose extent overlaps [start, end), in order. */
function overlapCandidates(bucket: LabelBucket, start: number, end: number, visit: (index: number) => void): void {
  // The first position whose prefix reaches past `start`: nothing before it can overlap.
  let lo = 0;
  let hi = bucket.reach.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bucket.reach[mid]! > start) hi = mid;
    else lo = mid + 1;
  }
  for (let k = lo; k < bucket.starts.length && bucket.starts[k]! < end; k++) {
    if (bucket.ends[k]! > start) visit(bucket.indexes[k]!);
  }
}

/** Indexes of `items` grouped by key, each group in order. */
function groupIndexes<T>(items: readonly T[], keyOf: (item: T) => FragmentKey): Map<FragmentKey, number[]> {
  const groups = new Map<FragmentKey, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

function shiftOf(x: Annotation, y: Annotation): number {
  return Math.abs(spanStart(x) - spanStart(y)) + Math.abs(spanEnd(x) - spanEnd(y));
}
