import { describe, expect, it } from 'vitest';
import { contextAround, paragraphNumber, sharedNames } from '../../../../src/core/text/context';
import { paragraphsOf } from '../../../../src/core/text/paragraphs';

const TEXT = 'Putin spoke first.\n\nLater, in Moscow, Vladimir Putin said the talks had failed and that nobody had called.\n\nPutin';

describe('span context', () => {
  it('numbers the paragraphs an analyst sees, not the blank lines between them', () => {
    const paragraphs = paragraphsOf(TEXT);
    expect(paragraphNumber(paragraphs, 0)).toBe(1);
    expect(paragraphNumber(paragraphs, TEXT.indexOf('Vladimir'))).toBe(2);
    expect(paragraphNumber(paragraphs, TEXT.lastIndexOf('Putin'))).toBe(3);
  });

  it('gives whole words either side, inside the paragraph, with … where it goes on', () => {
    const start = TEXT.indexOf('Putin said');
    expect(contextAround(TEXT, start, start + 5, 20)).toEqual({ before: '…Moscow, Vladimir ', after: ' said the talks had…' });
    expect(contextAround(TEXT, 0, 5, 40)).toEqual({ before: '', after: ' spoke first.' });
    const last = TEXT.lastIndexOf('Putin');
    expect(contextAround(TEXT, last, last + 5)).toEqual({ before: '', after: '' });
  });

  it('finds names that read the same, ignoring case and spacing', () => {
    expect([...sharedNames(['Putin', 'Trump', 'putin ', 'Vladimir  Putin', 'Vladimir Putin'])]).toEqual([0, 2, 3, 4]);
    expect(sharedNames(['a', 'b']).size).toBe(0);
  });
});
