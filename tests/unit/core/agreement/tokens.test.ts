import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFragmentToken, overlappingTokens, tokenize } from '../../../../src/core/agreement/tokens';

const texts = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
};

/** Python's str `\s` (what bratiaa splits on), written out independently as a regex class. */
const PYTHON_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

describe('tokenize', () => {
  it('splits on runs of whitespace and keeps punctuation attached', () => {
    expect(texts('  “Hello,”  he said.\n\nEnd')).toEqual(['“Hello,”', 'he', 'said.', 'End']);
  });

  it('has no tokens in an empty or all-whitespace text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' \n\t\u00a0 ').count).toBe(0);
  });

  it("uses Python's whitespace, not JavaScript's: U+001C and U+0085 split, U+FEFF does not", () => {
    expect(texts('a\u001cb\u0085c')).toEqual(['a', 'b', 'c']);
    expect(texts('a\ufeffb')).toEqual(['a\ufeffb']);
    expect(texts('a\u00a0b\u2009c')).toEqual(['a', 'b', 'c']);
  });

  it('counts offsets in UTF-16 code units, keeping astral characters inside their token', () => {
    const t = tokenize('x 😀y z');
    expect([...t.starts]).toEqual([0, 2, 6]);
    expect([...t.ends]).toEqual([1, 5, 7]);
  });

  it('agrees with a regex over the same whitespace set on random text', () => {
    const alphabet = fc.constantFrom('a', 'B', '.', ' ', '\n', '\u00a0', '\u0085', '\u001d', '\ufeff', '😀', 'é', '\u3000');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          const expected = text.split(new RegExp(`${PYTHON_SPACE.source}+`, 'u')).filter((s) => s.length > 0);
          expect(texts(text)).toEqual(expected);
        },
      ),
    );
  });
});

describe('overlappingTokens', () => {
  const index = tokenize('one two  three');
  const words = (start: number, end: number) => {
    const { first, last } = overlappingTokens(index, { start, end });
    return Array.from({ length: last - first }, (_, i) => first + i);
  };

  it('counts a token touched by any character of the range', () => {
    expect(words(0, 3)).toEqual([0]);
    expect(words(1, 2)).toEqual([0]);
    expect(words(2, 5)).toEqual([0, 1]);
    expect(words(0, 14)).toEqual([0, 1, 2]);
  });

  it('counts no token for a range of whitespace only, and none for a range ending where a token starts', () => {
    expect(words(7, 9)).toEqual([]);
    expect(words(3, 4)).toEqual([]);
    expect(words(7, 10)).toEqual([2]);
  });

  it('visits a token once per fragment that overlaps it', () => {
    const seen: number[] = [];
    forEachFragmentToken(
      index,
      [
        { start: 0, end: 1 },
        { start: 2, end: 5 },
      ],
      (t) => seen.push(t),
    );
    expect(seen).toEqual([0, 0, 1]);
  });

  it('matches a brute-force overlap check on random ranges', () => {
    const text = 'Ab  c d\u00a0eee  f😀g h ';
    const tokens = tokenize(text);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (x, y) => {
        const start = Math.min(x, y);
        const end = Math.max(x, y);
        fc.pre(start < end);
        const { first, last } = overlappingTokens(tokens, { start, end });
        const brute = Array.from({ length: tokens.count }, (_, t) => t).filter((t) => tokens.starts[t]! < end && tokens.ends[t]! > start);
        expect(Array.from({ length: last - first }, (_, i) => first + i)).toEqual(brute);
      }),
    );
  });
});
