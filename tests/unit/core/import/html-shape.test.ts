import { describe, expect, it } from 'vitest';
import { HTML_LIMITS, htmlShape, readDeadlineMs } from '../../../../src/core/import/html-shape';
import { newsPage } from '../../../support/news-page';

describe('htmlShape', () => {
  it('measures depth and elements the way the HTML parser nests them', () => {
    expect(htmlShape('<html><body><article><h1>T</h1><p>a<b>b</b></p></article></body></html>')).toEqual({ depth: 2, elements: 6 }); // html, body and p end implicitly and add no depth;
    expect(htmlShape('<p>one<p>two<li>x<br><img src=a><hr/>').depth).toBe(0);
    expect(htmlShape('<div><span></div></div></div><div>').depth).toBe(2);
    expect(htmlShape('<script><div><div><div></script><style><div></style><!-- <div><div> -->').depth).toBe(0);
  });

  // Regression (fuzz seed 1154816817): they are removed only after jsdom has parsed them, so
  // deep markup inside them costs as much as anywhere else.
  it('counts what svg, math, template and noscript hold', () => {
    expect(htmlShape('<svg><g><path/></g></svg><noscript><div><div></div></div></noscript>')).toEqual({ depth: 3, elements: 6 });
    for (const wrapper of ['svg', 'math', 'template', 'noscript']) {
      expect(htmlShape(`<${wrapper}>${'<div>'.repeat(6000)}</${wrapper}>`).depth).toBe(HTML_LIMITS.depth + 1);
    }
  });

  // Regression (fuzz seed 237714133): an unclosed <script> inside <svg> stopped the scan, while the
  // parser read the markup after it (2 s in jsdom for a 30 KB page).
  it('reads script, style and title inside svg and math as elements, not raw text', () => {
    for (const raw of ['script', 'style', 'title']) {
      expect(htmlShape(`<svg><${raw}>x</scr${'<p><b><i>'.repeat(1500)}`).depth).toBe(HTML_LIMITS.depth + 1);
      expect(htmlShape(`<math><${raw}>${'<b><i>'.repeat(400)}`).depth).toBe(HTML_LIMITS.depth + 1);
    }
    expect(htmlShape(`<svg></svg><script>${'<b><i>'.repeat(400)}`).depth).toBe(1); // svg itself
  });

  it('stops at the limits, whatever the markup', () => {
    expect(htmlShape('<div>'.repeat(6000)).depth).toBe(HTML_LIMITS.depth + 1);
    expect(htmlShape('<div></span>'.repeat(6000)).depth).toBe(HTML_LIMITS.depth + 1);
    expect(htmlShape('<b><i>'.repeat(400)).depth).toBe(HTML_LIMITS.depth + 1);
    expect(htmlShape('<tr><td>cell'.repeat(HTML_LIMITS.elements / 2 + 1000)).elements).toBe(HTML_LIMITS.elements + 1);
  });

  // About 0.3-0.4 s of CPU for these megabytes; a quadratic scan would take minutes. The bound is
  // CPU time with a margin of over 5x, so a busy machine cannot cross it by chance.
  it('stays linear on pathological markup (well under a second for megabytes)', () => {
    const started = process.cpuUsage();
    for (const html of [
      '<'.repeat(2e6) + '>',
      '<script>'.repeat(5e5),
      '<!--'.repeat(5e5),
      '<div></span>'.repeat(400) + '</span>'.repeat(1e6),
      '</x>'.repeat(1e6),
    ])
      htmlShape(html);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });
});

describe('real-shaped news pages', () => {
  it('pass the pre-scan from 20,000 to 100,000 elements, with the depth real pages have, and get a deadline that grows with them', () => {
    for (const n of [20_000, 50_000, 100_000]) {
      const { html } = newsPage(n);
      const shape = htmlShape(html);
      expect(shape.elements).toBeGreaterThan(n * 0.95);
      expect(shape.elements).toBeLessThanOrEqual(HTML_LIMITS.elements);
      expect(shape.depth).toBeLessThan(60);
      expect(readDeadlineMs(shape.elements)).toBeGreaterThan(readDeadlineMs(0));
    }
    expect(readDeadlineMs(100_000)).toBe(115_000);
    expect(readDeadlineMs(10_000_000)).toBe(readDeadlineMs(HTML_LIMITS.elements));
  });
});
