import type { Paragraph } from '../../../core/text/paragraphs';
import { chunkHeight, chunkRanges } from '../../ui/text-chunks';

/**
 * The paragraphs as plain DOM, built outside React: they never change while the article is open,
 * and a 20 MB article has about 100,000 of them — as React elements they cost seconds of
 * rendering and garbage collection before the first paint. They are grouped in chunks with
 * `content-visibility: auto`, so Chromium styles and lays out only the chunks near the screen;
 * the others hold an estimated height (remembered once seen) so the scrollbar stays honest.
 */
export function paragraphElements(paragraphs: readonly Paragraph[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const { first, end } of chunkRanges(paragraphs.length)) {
    const chunk = document.createElement('div');
    chunk.className = 'text-chunk';
    for (const p of paragraphs.slice(first, end)) {
      const element = document.createElement('p');
      element.dataset.start = String(p.start);
      if (!p.text.trim()) element.className = 'blank';
      element.textContent = p.text;
      chunk.append(element);
    }
    chunk.style.setProperty('contain-intrinsic-size', `auto ${chunkHeight(paragraphs, first, end)}px`);
    fragment.append(chunk);
  }
  return fragment;
}
