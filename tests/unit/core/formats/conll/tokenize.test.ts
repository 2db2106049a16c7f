import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, tokenSpans } from '../../../../../src/core/formats/conll/serialize';
import { referenceTokenSpans } from '../reference/conll-tokens';

/**
 * Pieces of text where the character-code path and the regular expression could part: ASCII
 * words, inner ' . , (and ’), every ASCII whitespace and control character, and right after
 * ASCII the characters that make the expression decide: accented letters, combining marks,
 * non-ASCII digits and spaces, emoji with modifiers, ZWJ, variation selectors and keycaps,
 * regional indicators, lone surrogates.
 */
const PIECES = [
  ...'abcxyzABCZ0189_',
  ...' \n\r\t\u000b\u000c',
  ...'.,\'!?-"(#*\u0001\u001f\u007f',
  'é',
  'ë',
  '\u0301',
  '\u2019',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '中',
  '٣',
  '😀',
  '👍🏽',
  '\u200d',
  '\ufe0f',
  '\u20e3',
  '🇫',
  '🇷',
  '©',
  '\ud800',
  '\udc00',
  'minister',
  "don't",
  '3.5',
  '1,000',
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('CoNLL tokens', () => {
  it('are those of the regular expression over the whole text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(tokenSpans(text)).toEqual(referenceTokenSpans(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('are cut at every annotation boundary, and each piece keeps to its token', () => {
    fc.assert(
      fc.property(
        textArb.chain((text) => fc.tuple(fc.constant(text), fc.uniqueArray(fc.nat({ max: text.length }), { maxLength: 8 }))),
        ([text, cuts]) => {
          const whole = tokenSpans(text);
          const pieces = tokenize(text, new Set(cuts));
          const ends = new Set(pieces.map((t) => t.end));
          for (let k = 0; k < whole.length; k += 2) expect(ends.has(whole[k + 1]!)).toBe(true);
          for (const cut of cuts) if (whole.some((_, k) => k % 2 === 0 && whole[k]! < cut && cut < whole[k + 1]!)) expect(ends.has(cut)).toBe(true);
          expect(pieces.map((t) => text.slice(t.start, t.end)).join('')).toBe(
            whole
              .filter((_, k) => k % 2 === 0)
              .map((start, i) => text.slice(start, whole[2 * i + 1]))
              .join(''),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps words with inner punctuation, symbols with their marks, and emoji sequences whole', () => {
    const text = "Zoë's 3.5% rise, don't... 1️⃣ 👍🏽 🇫🇷 e\u0301 «x» end.";
    const tokens = tokenize(text, new Set()).map((t) => text.slice(t.start, t.end));
    expect(tokens).toEqual(["Zoë's", '3.5', '%', 'rise', ',', "don't", '.', '.', '.', '1️⃣', '👍🏽', '🇫🇷', 'e\u0301', '«', 'x', '»', 'end', '.']);
  });
});
