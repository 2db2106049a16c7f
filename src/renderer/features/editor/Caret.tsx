import { useEffect, useRef } from 'react';

/** Half a blink: shown this long, then hidden this long. */
const BLINK_MS = 550;

/**
 * The keyboard caret, blinking. The blink is a timer that flips a class twice a period, not a CSS
 * animation: Chromium services a running animation on every frame the page draws for any other
 * reason, and repainted the whole article view on each frame of a scroll while the caret blinked.
 * Moving the caret (a new `left`/`top`, so a new element: the parent keys it) starts it shown.
 */
export function Caret({ left, top, height }: { left: number; top: number; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const timer = window.setInterval(() => el.classList.toggle('blink-off'), BLINK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return <div ref={ref} className="caret" style={{ left, top, height }} />;
}
