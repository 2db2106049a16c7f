import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type * as JsdomModule from 'jsdom';
import { HTML_LIMITS, htmlShape, SKIPPED_SUBTREES, type HtmlShape } from '../../../core/import/html-shape';
import { textFromParagraphs } from '../../../core/import/paragraphs';
import { cleanArticleMeta, type ArticleMeta } from '../../../core/model/article-meta';
import { fail, ok, type Result } from '../../../core/model/result';

/**
 * The main text of a saved news page, through Mozilla's Readability (Firefox Reader View) on a
 * jsdom document. jsdom is used with its defaults, which is what keeps this safe: scripts are
 * NOT run (no `runScripts`) and nothing is fetched (no `resources`: no stylesheets, images,
 * iframes), and its console is a silent VirtualConsole so a page's broken CSS prints nothing.
 *
 * Readability drops navigation, ads, comments, share bars and the like; from what it keeps, each
 * block (paragraph, heading, list item, quotation) becomes one paragraph of the article text,
 * with the headline first. Figures (images and their captions), tables of page furniture,
 * forms, scripts, styles and embedded frames are not text of the article and are skipped.
 */

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'FIGURE',
  'PICTURE',
  'IMG',
  'VIDEO',
  'AUDIO',
  'FORM',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'MATH',
]);

/**
 * jsdom takes about a second to load, so it is loaded on the first page read, not when this module
 * is: the reader thread (html-reader/) starts answering at once, and whatever imports this module
 * for its helpers starts fast.
 */
const requireLazily = createRequire(import.meta.url);
let libraries: { JSDOM: typeof JsdomModule.JSDOM; VirtualConsole: typeof JsdomModule.VirtualConsole; Readability: typeof ReadabilityClass } | null = null;
function htmlLibraries() {
  if (!libraries) {
    const jsdom = requireLazily('jsdom') as typeof JsdomModule;
    const { Readability } = requireLazily('@mozilla/readability') as { Readability: typeof ReadabilityClass };
    libraries = { JSDOM: jsdom.JSDOM, VirtualConsole: jsdom.VirtualConsole, Readability };
  }
  return libraries;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A saved page read: its article text and what its markup says about it. */
export interface HtmlArticle {
  text: string;
  meta: ArticleMeta;
}

/** `shape` is the page's pre-scan when the caller has it already (the reader thread's sender does). */
export function extractHtmlArticle(html: string, shape: HtmlShape = htmlShape(html)): Result<HtmlArticle> {
  if (shape.depth > HTML_LIMITS.depth) return fail(`has elements nested more than ${HTML_LIMITS.depth} levels deep, far beyond any news page; refused`);
  if (shape.elements > HTML_LIMITS.elements) {
    return fail(
      `has more than ${HTML_LIMITS.elements.toLocaleString('en')} elements, more than the largest news pages; refused (save the article alone, or as .txt)`,
    );
  }
  try {
    return extract(html);
  } catch (error) {
    // Readability and jsdom on hostile markup: whatever they throw becomes a refusal of this file.
    return fail(`could not be read as a web page (${error instanceof Error ? error.message : String(error)})`);
  }
}

function extract(html: string): Result<HtmlArticle> {
  const { JSDOM, VirtualConsole, Readability } = htmlLibraries();
  const dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
  iterateCollectionsOnce(dom.window);
  try {
    // A document without a window (what DOMParser makes): jsdom gives each <iframe> of a page
    // with a window a window of its own and, at each one's insertion and removal, looks up every
    // frame of the document again (a pass over the whole page per frame), and parses every
    // stylesheet; a page read for its text needs neither.
    const document = new dom.window.DOMParser().parseFromString(html, 'text/html');
    const fallbackTitle = document.querySelector('h1')?.textContent ?? '';
    // Read before Readability, which changes the document it parses.
    const tags = pageMetaTags(document);
    for (const el of Array.from(document.querySelectorAll(SKIPPED_SUBTREES.join(',')))) el.remove();
    removeAdsAndHidden(document);
    dropHeavyAttributes(document);
    const parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
    if (!parsed?.content) return fail('has no article text that could be found (is it a saved news page?)');
    const paragraphs = blockTexts(parsed.content);
    const text = textFromParagraphs(parsed.title || fallbackTitle, paragraphs);
    if (paragraphs.every((p) => p.trim() === '') || text.trim() === '') return fail('has no article text that could be found (is it a saved news page?)');
    const meta = cleanArticleMeta({
      outlet: tags.outlet ?? parsed.siteName,
      url: tags.url,
      byline: parsed.byline ?? tags.byline,
      published: tags.published ?? parsed.publishedTime,
      language: tags.language ?? parsed.lang,
      tags: tags.tags,
    });
    return ok({ text, meta });
  } finally {
    dom.window.close();
  }
}

/**
 * jsdom's HTMLCollection iterates as an array (Array.prototype's iterator), which reads `length`
 * at every step, and jsdom answers `length` on a collection by first looking for an element whose
 * id or name is "length": a pass over the whole collection. `Array.from(collection)` and
 * `[...collection]` therefore cost the square of the collection's size. Readability takes every
 * <img> of the page that way (_unwrapNoscriptImages): on a 50,000-element page with 3,000 images
 * (a comments section's avatars) that was 5 of the 9 seconds. This window's collections iterate
 * over a copy taken in one pass instead; Readability copies every collection it iterates before
 * changing the page, so it sees the same elements in the same order.
 */
function iterateCollectionsOnce(window: { HTMLCollection: { prototype: HTMLCollection } }): void {
  Object.defineProperty(window.HTMLCollection.prototype, Symbol.iterator, {
    configurable: true,
    writable: true,
    value: function iterate(this: HTMLCollection): IterableIterator<Element> {
      return Array.prototype.slice.call(this)[Symbol.iterator]() as IterableIterator<Element>;
    },
  });
}

/**
 * What the page's head says about the article: Open Graph and article:* properties (what news
 * sites write for social previews), the canonical link, the author and the page language.
 * Relative addresses are resolved against og:url; what is not an absolute http(s) address is
 * dropped by cleanArticleMeta.
 */
function pageMetaTags(document: Document) {
  const metas = Array.from(document.querySelectorAll('meta'));
  const meta = (key: string): string | undefined => {
    for (const el of metas) {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      const content = el.getAttribute('content')?.trim();
      if (name?.toLowerCase() === key && content) return content;
    }
    return undefined;
  };
  const all = (key: string): string[] =>
    metas.filter((el) => (el.getAttribute('property') ?? el.getAttribute('name'))?.toLowerCase() === key).map((el) => el.getAttribute('content') ?? '');
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim();
  const ogUrl = meta('og:url');
  const absolute = (href: string | undefined): string | undefined => {
    if (!href) return undefined;
    try {
      return new URL(href, ogUrl).href;
    } catch {
      return undefined;
    }
  };
  // article:author is often the author's profile page, not a name.
  const author = [meta('author'), meta('article:author'), meta('byl'), meta('parsely-author')].find((a) => a && !/^https?:/i.test(a));
  const keywords = meta('news_keywords') ?? meta('keywords');
  return {
    outlet: meta('og:site_name') ?? meta('application-name'),
    url: absolute(canonical) ?? absolute(ogUrl),
    byline: author,
    published: meta('article:published_time') ?? meta('datepublished') ?? meta('date') ?? meta('dc.date') ?? meta('pubdate'),
    language: document.documentElement.getAttribute('lang') ?? meta('og:locale'),
    tags: [...all('article:tag'), ...(all('article:tag').length === 0 && keywords ? keywords.split(',') : [])],
  };
}

/**
 * Readability recognises most page furniture by class names, but not ad slots named plainly
 * ("ad-slot", "ad inline", "sponsored") nor content hidden from readers; both are removed first.
 */
const AD_TOKEN = /(?:^|[-_\s])(?:ad|ads|adslot|advert|adverts|advertisement|sponsored|promo|promoted|dfp|gpt)(?:$|[-_\s])/i;

function removeAdsAndHidden(document: Document): void {
  for (const el of Array.from(document.body?.querySelectorAll('*') ?? [])) {
    if (!el.isConnected) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
    const hidden =
      el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
    if (hidden || AD_TOKEN.test(names) || el.hasAttribute('data-ad')) el.remove();
  }
}

/** Longer than any class list or address a page needs; hostile pages use them to stall parsers. */
const MAX_ATTRIBUTE_LENGTH = 2000;

/**
 * Readability rewrites every `srcset` with a regular expression whose time grows with the square
 * of a value's length: a 300 KB srcset held an import for ten minutes (found by the fuzz test).
 * Lede keeps only text, so `srcset` goes, and so does any attribute too long to be honest.
 */
function dropHeavyAttributes(document: Document): void {
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(el.attributes)) {
      if (attribute.name === 'srcset' || attribute.value.length > MAX_ATTRIBUTE_LENGTH) el.removeAttribute(attribute.name);
    }
  }
}

/** The text of each block under `root`, in document order; inline markup is flattened. */
export function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') out.push(current);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) current += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === 'BR') current += ' ';
        else if (BLOCKS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}
