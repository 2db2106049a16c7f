import type { Paragraph } from '../../../core/text/paragraphs';

/**
 * Maps text offsets to DOM positions and back for the rendered article. The text container holds
 * one <p> per paragraph (grouped in chunk <div>s) and nothing else, each with a single text node,
 * so a position is found by a binary search over paragraph starts — no walk over the document,
 * whatever its length.
 * Line breaks between paragraphs are not rendered; an offset inside one maps to the end of the
 * paragraph before it.
 */
export class TextDom {
  private elements: NodeListOf<HTMLElement> | null = null;

  constructor(
    readonly container: HTMLElement,
    readonly paragraphs: readonly Paragraph[],
  ) {}

  /** Index of the paragraph containing `offset` (the last one starting at or before it). */
  paragraphIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.paragraphs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  paragraphElement(index: number): HTMLElement | null {
    this.elements ??= this.container.querySelectorAll<HTMLElement>('p[data-start]');
    return this.elements[index] ?? null;
  }

  /** The DOM position of a text offset. */
  position(offset: number): { node: Node; offset: number } | null {
    const index = this.paragraphIndexAt(offset);
    const paragraph = this.paragraphs[index];
    const element = this.paragraphElement(index);
    if (!paragraph || !element) return null;
    const local = Math.max(0, Math.min(paragraph.text.length, offset - paragraph.start));
    const text = element.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return { node: element, offset: 0 };
    return { node: text, offset: local };
  }

  /** A DOM range over [start, end) of the text. */
  range(start: number, end: number): Range | null {
    const from = this.position(start);
    const to = this.position(end);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The ranges for [start, end), one per paragraph it crosses: a Range that spans paragraphs would
   * paint the gaps between them in some engines, and per-paragraph ranges let a painter keep only
   * those in view.
   */
  rangesPerParagraph(start: number, end: number): Range[] {
    return this.perParagraph(start, end, (s, e) => this.range(s, e));
  }

  /**
   * The same ranges as StaticRanges, for highlights: the article's DOM never changes under them,
   * and a live Range costs on every DOM change (Chromium walks all live ranges when a node is
   * removed — removing nest bars while scrolling spent most of its time there).
   */
  staticRangesPerParagraph(start: number, end: number): StaticRange[] {
    return this.perParagraph(start, end, (s, e) => {
      const from = this.position(s);
      const to = this.position(e);
      if (!from || !to) return null;
      return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
    });
  }

  private perParagraph<R>(start: number, end: number, make: (s: number, e: number) => R | null): R[] {
    const ranges: R[] = [];
    const first = this.paragraphIndexAt(start);
    const last = this.paragraphIndexAt(Math.max(start, end - 1));
    for (let i = first; i <= last; i++) {
      const p = this.paragraphs[i]!;
      const s = Math.max(start, p.start);
      const e = Math.min(end, p.start + p.text.length);
      if (e <= s) continue;
      const range = make(s, e);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  /** The text offset of a DOM position inside the container, or null when it lies outside. */
  offsetOf(node: Node, nodeOffset: number): number | null {
    if (!this.container.contains(node)) return null;
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const paragraphElement = element?.closest('p[data-start]');
    // Between paragraphs (the container or a chunk with a child index): the next paragraph's start.
    if (!paragraphElement && element) return this.offsetBetween(element, nodeOffset);
    if (!paragraphElement) return null;
    const start = Number(paragraphElement.getAttribute('data-start'));
    const paragraph = this.paragraphs[this.paragraphIndexAt(start)];
    const length = paragraph?.text.length ?? 0;
    if (node.nodeType === Node.TEXT_NODE) return start + Math.min(nodeOffset, length);
    return nodeOffset === 0 ? start : start + length;
  }

  private offsetBetween(parent: Element, childIndex: number): number {
    const child = parent.childNodes[childIndex];
    const next = child instanceof HTMLElement ? (child.matches('p[data-start]') ? child : child.querySelector('p[data-start]')) : null;
    if (next) return Number(next.getAttribute('data-start'));
    let before = parent.lastElementChild;
    while (before && !before.matches('p[data-start]')) before = before.lastElementChild;
    const paragraph = before ? this.paragraphs[this.paragraphIndexAt(Number(before.getAttribute('data-start')))] : undefined;
    return paragraph ? paragraph.start + paragraph.text.length : 0;
  }

  /** The text offset under a viewport point (a click), or null. */
  offsetAtPoint(x: number, y: number): number | null {
    const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
    const caret = doc.caretPositionFromPoint?.(x, y);
    if (caret) return this.offsetOf(caret.offsetNode, caret.offset);
    const range = document.caretRangeFromPoint?.(x, y);
    return range ? this.offsetOf(range.startContainer, range.startOffset) : null;
  }

  /** The text offsets of the current DOM selection, when it lies in the article. */
  selectionOffsets(selection: Selection | null): { anchor: number; focus: number } | null {
    if (!selection || !selection.anchorNode || !selection.focusNode) return null;
    const anchor = this.offsetOf(selection.anchorNode, selection.anchorOffset);
    const focus = this.offsetOf(selection.focusNode, selection.focusOffset);
    return anchor === null || focus === null ? null : { anchor, focus };
  }
}
