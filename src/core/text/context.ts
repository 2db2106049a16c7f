import type { Paragraph } from './paragraphs';

/**
 * Where a span is, in words an analyst reads: its paragraph ("¶3", counting the paragraphs shown,
 * not the blank lines between them) and a snippet of the text either side. Used where two
 * candidates read the same ("Putin" twice in a link picker) and only their place tells them apart.
 */

/** The 1-based number of the shown paragraph holding `offset` (blank lines are not counted). */
export function paragraphNumber(paragraphs: readonly Paragraph[], offset: number): number {
  let n = 0;
  for (const p of paragraphs) {
    if (p.start > offset) break;
    if (p.text.trim() !== '') n++;
  }
  return Math.max(1, n);
}

/**
 * Up to about `width` characters before and after `start..end`, within its paragraph, cut at a
 * word boundary, with "…" where the paragraph goes on.
 */
export function contextAround(text: string, start: number, end: number, width = 40): { before: string; after: string } {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  let from = Math.max(lineStart, start - width);
  let to = Math.min(lineEnd, end + width);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const before = text.slice(from, start).replace(/\s+/g, ' ').trimStart();
  const after = text.slice(end, to).replace(/\s+/g, ' ').trimEnd();
  return { before: (from > lineStart ? '…' : '') + before, after: after + (to < lineEnd ? '…' : '') };
}

/** The indices of `names` that read the same as another (ignoring case and spacing). */
export function sharedNames(names: readonly string[]): Set<number> {
  const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const counts = new Map<string, number>();
  for (const n of names) counts.set(key(n), (counts.get(key(n)) ?? 0) + 1);
  const out = new Set<number>();
  names.forEach((n, i) => {
    if (counts.get(key(n))! > 1) out.add(i);
  });
  return out;
}
