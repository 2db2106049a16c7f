import type { Paragraph } from '../../../core/text/paragraphs';

/**
 * The merged text of the Review view: each paragraph cut into runs at every fragment boundary,
 * each run knowing how many fragments of layer A, layer B and the reviewed layer cover it. A
 * sweep over sorted boundaries, so a long article with hundreds of spans costs one pass.
 */
export interface Mark {
  start: number;
  end: number;
  side: 'a' | 'b' | 'r';
}

export interface Run {
  start: number;
  end: number;
  a: number;
  b: number;
  r: number;
}

export function runsOf(paragraph: Paragraph, marks: readonly Mark[]): Run[] {
  const pStart = paragraph.start;
  const pEnd = paragraph.start + paragraph.text.length;
  const events: { at: number; side: Mark['side']; delta: 1 | -1 }[] = [];
  for (const m of marks) {
    const s = Math.max(m.start, pStart);
    const e = Math.min(m.end, pEnd);
    if (s >= e) continue;
    events.push({ at: s, side: m.side, delta: 1 }, { at: e, side: m.side, delta: -1 });
  }
  events.sort((x, y) => x.at - y.at);
  const runs: Run[] = [];
  const count = { a: 0, b: 0, r: 0 };
  let at = pStart;
  let i = 0;
  while (at < pEnd) {
    while (i < events.length && events[i]!.at === at) {
      count[events[i]!.side] += events[i]!.delta;
      i++;
    }
    const next = i < events.length ? Math.min(events[i]!.at, pEnd) : pEnd;
    runs.push({ start: at, end: next, ...count });
    at = next;
  }
  return runs;
}

/**
 * Each paragraph's marks (those that overlap it), so a paragraph re-renders only when its own
 * marks change: a bucket equal to the one in `previous` is that same array. One binary search
 * per mark, not a pass over every mark per paragraph.
 */
export function marksByParagraph(paragraphs: readonly Paragraph[], marks: readonly Mark[], previous: readonly (readonly Mark[])[] = []): (readonly Mark[])[] {
  const buckets: Mark[][] = paragraphs.map(() => []);
  for (const m of marks) {
    for (let i = lastStartingAtOrBefore(paragraphs, m.start); i < paragraphs.length && paragraphs[i]!.start < m.end; i++) {
      const p = paragraphs[i]!;
      if (m.end > p.start && m.start < p.start + p.text.length) buckets[i]!.push(m);
    }
  }
  return buckets.map((bucket, i) => (previous[i] && sameMarks(previous[i], bucket) ? previous[i] : bucket));
}

function lastStartingAtOrBefore(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (paragraphs[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

function sameMarks(x: readonly Mark[], y: readonly Mark[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]!.start !== y[i]!.start || x[i]!.end !== y[i]!.end || x[i]!.side !== y[i]!.side) return false;
  return true;
}
