import { compareSpans, spanEnd, spanStart, type Spanned } from '../model/fragments';

export type { Spanned };

/**
 * How overlapping and nested spans are told apart on screen. Each span gets a nesting level:
 * 0 when nothing that starts before it is still open, otherwise one more than the deepest open
 * span it starts inside. So an actor inside a quote inside a claim reads 0, 1, 2, and an inner
 * span is always drawn deeper than any span that encloses it.
 */

/**
 * Nesting level of every span, by id. Runs in O(n log n + n·k) for k spans open at once, and
 * in O(n·k) when the spans come in document order already (an article's annotations always do:
 * canonicalDoc keeps them so), which is checked rather than sorted again on every edit.
 */
export function nestingLevels(spans: readonly Spanned[]): Map<string, number> {
  const ordered = inOrder(spans) ? spans : [...spans].sort(compareSpans);
  const levels = new Map<string, number>();
  // The spans still open, as two parallel arrays compacted in place: no array per span.
  const openEnd: number[] = [];
  const openLevel: number[] = [];
  for (const span of ordered) {
    const start = spanStart(span);
    let kept = 0;
    let level = 0;
    for (let i = 0; i < openEnd.length; i++) {
      if (openEnd[i]! <= start) continue;
      openEnd[kept] = openEnd[i]!;
      openLevel[kept] = openLevel[i]!;
      level = Math.max(level, openLevel[i]! + 1);
      kept++;
    }
    openEnd.length = kept;
    openLevel.length = kept;
    levels.set(span.id, level);
    openEnd.push(spanEnd(span));
    openLevel.push(level);
  }
  return levels;
}

function inOrder(spans: readonly Spanned[]): boolean {
  for (let i = 1; i < spans.length; i++) if (compareSpans(spans[i - 1]!, spans[i]!) > 0) return false;
  return true;
}

/** Total length of a span's fragments: how much text it really covers. */
export function coveredLength(span: Spanned): number {
  return span.fragments.reduce((sum, f) => sum + f.end - f.start, 0);
}

/** True when one of the span's fragments contains `offset` (half-open, so its end does not). */
export function covers(span: Spanned, offset: number): boolean {
  return span.fragments.some((f) => f.start <= offset && offset < f.end);
}

/**
 * The spans under a click or the caret, innermost first (the shortest covered text), so a click
 * on a nested actor picks the actor and a second click moves out to the quote around it.
 */
export function spansAt<T extends Spanned>(spans: readonly T[], offset: number): T[] {
  return spans.filter((s) => covers(s, offset)).sort((a, b) => coveredLength(a) - coveredLength(b) || compareSpans(a, b));
}

/** The spans touching [start, end) (any fragment overlapping it), in reading order. */
export function spansIn<T extends Spanned>(spans: readonly T[], start: number, end: number): T[] {
  return spans.filter((s) => s.fragments.some((f) => f.start < end && start < f.end)).sort(compareSpans);
}

/**
 * Which span a click picks: the innermost at the offset, or — when the currently selected span
 * is among them — the next one outwards, wrapping round. Clicking again cycles through a nest.
 */
export function nextSpanAt<T extends Spanned>(spans: readonly T[], offset: number, selectedId: string | null): T | null {
  const here = spansAt(spans, offset);
  if (here.length === 0) return null;
  const index = here.findIndex((s) => s.id === selectedId);
  return here[(index + 1) % here.length] ?? null;
}

/**
 * The span after (direction 1) or before (-1) the selected one in reading order, wrapping
 * round; the first (or last) when nothing is selected.
 */
export function stepSpan<T extends Spanned>(ordered: readonly T[], selectedId: string | null, direction: 1 | -1): T | null {
  if (ordered.length === 0) return null;
  const index = selectedId === null ? -1 : ordered.findIndex((s) => s.id === selectedId);
  if (index < 0) return direction === 1 ? ordered[0]! : ordered[ordered.length - 1]!;
  return ordered[(index + direction + ordered.length) % ordered.length]!;
}
