import { useEffect, type RefObject } from 'react';
import type { HighlightPainter } from './highlight-painter';
import type { TextDom } from './text-dom';

/**
 * With many annotations the painter registers only those near the viewport. This finds the text
 * range on screen (a binary search over paragraph positions) plus most of a screen above and
 * below, and moves the painter's window only when the view nears its edge — so steady scrolling costs a
 * few reads per frame, and an occasional small re-registration.
 */
export function useViewportWindow(dom: TextDom | null, scroller: HTMLElement | null, painter: RefObject<HighlightPainter | null>, textLength: number): void {
  useEffect(() => {
    if (!dom || !scroller) return;
    let frame = 0;
    let afterPaint = 0;
    let current: { start: number; end: number } | null = null;

    /** `y` from the top of the text container. */
    const offsetAtY = (y: number): number => {
      const { paragraphs } = dom;
      const containerTop = dom.container.getBoundingClientRect().top;
      let lo = 0;
      let hi = paragraphs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        const el = dom.paragraphElement(mid);
        if (el && el.getBoundingClientRect().top - containerTop <= y) lo = mid;
        else hi = mid - 1;
      }
      return paragraphs[lo]?.start ?? 0;
    };

    const update = () => {
      frame = 0;
      const p = painter.current;
      if (!p) return;
      const top = scroller.scrollTop - dom.container.offsetTop;
      const height = scroller.clientHeight;
      // Still a fifth of a screen of margin either side: nothing to do. Otherwise register half a
      // screen either side. Chromium revalidates every registered range on each change, so the
      // window is kept small: each step costs in proportion to what is registered.
      if (current && current.start <= offsetAtY(top - height / 5) && current.end >= nextParagraphStart(offsetAtY(top + height * 1.2))) return;
      const next = { start: offsetAtY(top - height * 0.5), end: nextParagraphStart(offsetAtY(top + height * 1.5)) };
      // A jump (the article opened, a scroll to the far end, a jump to an annotation): nothing
      // painted overlaps the new window, so all of it is new. The screen first; the margins once
      // that frame is painted, so neither the first paint nor any one task carries the whole window.
      if (p.windowed && (!current || next.start >= current.end || next.end <= current.start)) {
        current = { start: offsetAtY(top), end: nextParagraphStart(offsetAtY(top + height)) };
        p.setWindow(current);
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          frame = 0;
          clearTimeout(afterPaint);
          afterPaint = window.setTimeout(update, 0);
        });
        return;
      }
      current = next;
      // A step: what it adds lies beyond the screen, so its bars can wait for the next task.
      p.setWindow(current, true);
    };

    const nextParagraphStart = (start: number): number => {
      const i = dom.paragraphIndexAt(start);
      return dom.paragraphs[i + 1]?.start ?? textLength;
    };

    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(afterPaint);
    };
  }, [dom, scroller, painter, textLength]);
}
