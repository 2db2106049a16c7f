export interface Paragraph {
  /** Offset of the paragraph's first character in the article text (UTF-16). */
  start: number;
  text: string;
}

/**
 * Splits the text at line breaks (\n, \r\n or \r). The breaks themselves are not shown; every
 * other character is, so offsets inside a paragraph map one-to-one onto the text.
 */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    paragraphs.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  paragraphs.push({ start, text: text.slice(start) });
  return paragraphs;
}
