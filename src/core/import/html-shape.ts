/**
 * How many elements a page has and how deeply they nest, estimated in one pass over the markup
 * without building a DOM. jsdom and Readability cost about half a millisecond per element on a
 * busy machine, and jsdom's parser slows with the square of the nesting (3,000 deep takes
 * seconds), so pages far beyond any news page are refused before either sees them. The estimate
 * follows the HTML parser's main habits: void and self-closed elements and elements whose end tag
 * is implied (p, li, td…) add no depth, raw-text elements (script, style…; not inside svg or
 * math, where they hold markup) and comments are skipped, and an end tag closes only an element
 * that is open. The content of svg, math, template and noscript counts: they are removed before
 * extraction, but only after jsdom has parsed them (without scripting, noscript's content is
 * markup; 6,000 divs nested in one took 8 s).
 *
 * The limits are set on real-shaped pages (tests/support/news-page.ts: site chrome, a mega-menu,
 * the story in fourteen wrapper divs, ads, SVG icons, a threaded comments section; measured by
 * `npm run bench -- large-inputs`), not on a flat count: saved news pages have 20,000 to 100,000
 * elements and nest 20 to 40 deep. 150,000 elements is half again the largest; 512 levels is
 * more than ten times the deepest. What passes is still bounded by the reader's deadline (html-reader/),
 * which grows with the element count (readDeadlineMs).
 */
export const HTML_LIMITS = { depth: 512, elements: 150_000 };

/**
 * How long reading a page of `elements` elements may take: 15 s, plus 1 ms an element, so a
 * 100,000-element page gets 115 s and the largest allowed 165 s. Reading grows linearly with the
 * page: jsdom and Readability take about 0.06 ms of processor time an element (20,000 elements
 * 1.7 s, 100,000 elements 5.9 s on a two-core machine shared by several jobs; it was 26 s for
 * 100,000 before Readability's copies of jsdom collections stopped costing the square of their
 * size), so even a machine giving the reader a tenth of a core reads the largest real pages in
 * time. A pathological page (a slow path through
 * jsdom or Readability that grows faster than its size) is still stopped, and the reading runs on
 * its own thread, so the app stays responsive while it waits.
 */
export function readDeadlineMs(elements: number): number {
  return 15_000 + 1 * Math.min(Math.max(0, elements), HTML_LIMITS.elements);
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'image',
  'keygen',
  'basefont',
  'bgsound',
  'frame',
]);
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Not article text: removed from the parsed page before extraction. */
export const SKIPPED_SUBTREES = ['svg', 'math', 'template', 'noscript'];
const NAME = /[a-zA-Z][^\s/>]*/y;

export interface HtmlShape {
  depth: number;
  elements: number;
}

/** The estimated shape; the scan stops as soon as either limit is passed (the figure is then limit + 1). */
export function htmlShape(html: string, limits = HTML_LIMITS): HtmlShape {
  const lower = html.toLowerCase();
  const open: string[] = [];
  /** How many of each element are open: a stray end tag is dismissed without searching the stack. */
  const openCount = new Map<string, number>();
  let deepest = 0;
  let elements = 0;
  let nextGt = -1;
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    if (nextGt < i) nextGt = html.indexOf('>', i);
    if (nextGt < 0) break;
    const closing = html[i + 1] === '/';
    NAME.lastIndex = i + (closing ? 2 : 1);
    const match = NAME.exec(html);
    if (!match) {
      i++;
      continue;
    }
    const name = match[0].toLowerCase();
    const gt = nextGt;
    i = gt + 1;
    if (closing) {
      if (!openCount.get(name)) continue;
      // Searched from the top, and everything above is popped: each open element is passed once.
      for (let popped = open.pop(); popped !== undefined; popped = open.pop()) {
        openCount.set(popped, openCount.get(popped)! - 1);
        if (popped === name) break;
      }
      continue;
    }
    // Inside svg and math, script, style and title hold markup like any element (foreign content).
    if (RAW_TEXT.has(name) && !openCount.get('svg') && !openCount.get('math')) {
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (++elements > limits.elements) return { depth: deepest, elements };
    if (VOID.has(name) || IMPLIED_END.has(name) || html[gt - 1] === '/') continue;
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (open.length > deepest) {
      deepest = open.length;
      if (deepest > limits.depth) return { depth: deepest, elements };
    }
  }
  return { depth: deepest, elements };
}
