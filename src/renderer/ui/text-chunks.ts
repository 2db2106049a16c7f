/**
 * Long texts are laid out in chunks of paragraphs with `content-visibility: auto` (the editor's
 * ArticleText, the Review view's text): Chromium styles and lays out only the chunks near the
 * screen, and each chunk that has not been seen holds an estimated height so the scrollbar
 * stays honest. The chunk size and the estimate live here, for both.
 */

/**
 * Paragraphs per chunk: small enough to lay out in a blink, few enough chunks for any article
 * (6,250 for the 100,000 paragraphs of a 20 MB one). Opening lays out the chunks on screen and
 * scrolling each one it reaches, in one go: at 64 that was half of a 10,000-word article, 10-20 ms
 * of text shaping in the open and again in one scroll frame.
 */
export const PARAGRAPHS_PER_CHUNK = 16;

/** The chunks of `count` paragraphs: each one's first paragraph and the one after its last. */
export function chunkRanges(count: number): { first: number; end: number }[] {
  const out = [];
  for (let first = 0; first < count; first += PARAGRAPHS_PER_CHUNK) out.push({ first, end: Math.min(count, first + PARAGRAPHS_PER_CHUNK) });
  return out;
}

/** Roughly what a paragraph takes at the article's type size (app.css): lines of ~90 characters. */
export function estimatedHeight(text: string): number {
  if (!text.trim()) return 7;
  return Math.ceil(text.length / 90) * 30.6 + 16.2;
}

/** The estimated height of paragraphs [first, end), in whole pixels. */
export function chunkHeight(paragraphs: readonly { text: string }[], first: number, end: number): number {
  let height = 0;
  for (let i = first; i < end; i++) height += estimatedHeight(paragraphs[i]!.text);
  return Math.ceil(height);
}
