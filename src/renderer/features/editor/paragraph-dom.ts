import type { Paragraph } from '../../../core/text/paragraphs';

/**
 * Paragraphs per chunk: small enough to lay out in a blink, few enough chunks for any article
 * (6,250 for the 100,000 paragraphs of a 20 MB one). Opening lays out the chunks on screen and
 * scrolling each one it reaches, in one go: at 64 that was half of a 10,000-word article, 10-20 ms
 * of text shaping in the open and again in one scroll frame.
 */
export const PARAGRAPHS_PER_CHUNK = 16;

/**
 * The paragraphs as plain DOM, built outside React: they never change while the article is open,
 * and a 20 MB article has about 100,000 of them — as React elements they cost seconds of
 * rendering and garbage collection before the first paint. They are grouped in chunks with
 * `content-visibility: auto`, so Chromium styles and lays out only the chunks near the screen;
 * the others hold an estimated height (remembered once seen) so the scrollbar stays honest.
 */
export function paragraphElements(paragraphs: readonly Paragraph[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (let first = 0; first < paragraphs.length; first += PARAGRAPHS_PER_CHUNK) {
    const chunk = document.createElement('div');
    chunk.className = 'text-chunk';
    let height = 0;
    for (const p of paragraphs.slice(first, first + PARAGRAPHS_PER_CHUNK)) {
      const element = document.createElement('p');
      element.dataset.start = String(p.start);
      if (!p.text.trim()) element.className = 'blank';
      element.textContent = p.text;
      chunk.append(element);
      height += estimatedHeight(p.text);
    }
    chunk.style.setProperty('contain-intrinsic-size', `auto ${Math.ceil(height)}px`);
    fragment.append(chunk);
  }
  return fragment;
}

/** Roughly what a paragraph takes at the article's type size (app.css): lines of ~90 characters. */
function estimatedHeight(text: string): number {
  if (!text.trim()) return 7;
  return Math.ceil(text.length / 90) * 30.6 + 16.2;
}
