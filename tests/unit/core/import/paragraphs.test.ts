import { describe, expect, it } from 'vitest';
import { collapseHtmlWhitespace, textFromParagraphs } from '../../../../src/core/import/paragraphs';

describe('textFromParagraphs', () => {
  it('puts the headline first and separates paragraphs by one blank line', () => {
    expect(textFromParagraphs(' Big  news ', ['First\n  paragraph.', '  ', 'Second.'])).toBe('Big news\n\nFirst paragraph.\n\nSecond.');
  });

  it('does not repeat a headline the body starts with', () => {
    expect(textFromParagraphs('Big news', ['BIG NEWS', 'Body.'])).toBe('Big news\n\nBody.');
  });

  it('collapses HTML whitespace but keeps non-breaking spaces', () => {
    expect(collapseHtmlWhitespace(' a \t\n b\u00a0c ')).toBe('a b\u00a0c');
  });
});
