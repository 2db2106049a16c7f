/**
 * Article text built from an extracted web page: the headline on the first line, then each
 * paragraph, separated by a blank line, so the text reads as the page did and titleFromText
 * picks the headline.
 */

/**
 * Collapses runs of HTML whitespace (space, tab, line breaks, form feed) to one space, as a
 * browser renders them. Non-breaking spaces are content, not layout, and are kept.
 */
export function collapseHtmlWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

export function textFromParagraphs(headline: string, paragraphs: readonly string[]): string {
  const title = collapseHtmlWhitespace(headline);
  const body = paragraphs.map(collapseHtmlWhitespace).filter((p) => p !== '');
  // Pages often repeat the headline as the first heading of the article body.
  if (body.length > 0 && title !== '' && body[0]!.toLowerCase() === title.toLowerCase()) body.shift();
  return [title, ...body].filter((p) => p !== '').join('\n\n');
}
