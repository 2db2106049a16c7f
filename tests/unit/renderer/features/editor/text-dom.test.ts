// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../../../src/core/text/paragraphs';
import { paragraphElements } from '../../../../../src/renderer/features/editor/paragraph-dom';
import { PARAGRAPHS_PER_CHUNK } from '../../../../../src/renderer/ui/text-chunks';
import { TextDom } from '../../../../../src/renderer/features/editor/text-dom';

/** The article text as ArticleText renders it: paragraphs in chunks inside one container. */
function render(text: string): TextDom {
  const container = document.createElement('div');
  const paragraphs = paragraphsOf(text);
  container.append(paragraphElements(paragraphs));
  document.body.replaceChildren(container);
  return new TextDom(container, paragraphs);
}

const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '😀'), maxLength: 12 });
/** Articles of up to 300 lines, so several chunks of 64 paragraphs, blank lines included. */
const article = fc.array(line, { minLength: 1, maxLength: 300 }).map((lines) => lines.join('\n'));

describe('TextDom over the chunked paragraphs', () => {
  it('maps every offset inside a paragraph to the DOM and back to itself', () => {
    fc.assert(
      fc.property(article, fc.nat(), (text, seed) => {
        const dom = render(text);
        const { paragraphs } = dom;
        const p = paragraphs[seed % paragraphs.length]!;
        const offset = p.start + (seed % (p.text.length + 1));
        const position = dom.position(offset)!;
        expect(dom.offsetOf(position.node, position.offset)).toBe(offset);
      }),
      { numRuns: 150 },
    );
  });

  it('finds each paragraph element by index, across chunks', () => {
    const dom = render(Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n'));
    const n = PARAGRAPHS_PER_CHUNK;
    expect(dom.container.querySelectorAll('.text-chunk')).toHaveLength(Math.ceil(200 / n));
    for (const i of [0, n - 1, n, 2 * n - 1, 2 * n, 199]) expect(dom.paragraphElement(i)?.textContent).toBe(`line ${i}`);
    expect(dom.paragraphElement(200)).toBeNull();
  });

  it('reads a position between paragraphs (a container or chunk child index) as the next paragraph’s start', () => {
    const text = Array.from({ length: 130 }, (_, i) => `p${i}`).join('\n');
    const dom = render(text);
    const chunks = dom.container.children;
    const n = PARAGRAPHS_PER_CHUNK;
    // The container, before its second chunk: the second chunk's first paragraph.
    expect(dom.offsetOf(dom.container, 1)).toBe(dom.paragraphs[n]!.start);
    // Inside the second chunk, before its third paragraph.
    expect(dom.offsetOf(chunks[1]!, 2)).toBe(dom.paragraphs[n + 2]!.start);
    // Past the last child: the end of the text.
    expect(dom.offsetOf(dom.container, chunks.length)).toBe(text.length);
    expect(dom.offsetOf(document.body, 0)).toBeNull();
  });

  it('builds ranges over paragraphs in different chunks, one per paragraph', () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join('\n');
    const dom = render(text);
    // From the middle of the second chunk into the third.
    const first = Math.floor(PARAGRAPHS_PER_CHUNK * 1.5);
    const start = dom.paragraphs[first]!.start + 2;
    const end = dom.paragraphs[first + 10]!.start + 3;
    const ranges = dom.rangesPerParagraph(start, end);
    expect(ranges).toHaveLength(11);
    expect(ranges.map((r) => r.toString()).join('\n')).toBe(text.slice(start, end));
  });
});
