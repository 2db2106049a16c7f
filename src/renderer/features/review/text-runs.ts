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
