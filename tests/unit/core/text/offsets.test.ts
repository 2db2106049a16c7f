import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codePointLength, offsetIndex, splitsSurrogatePair } from '../../../../src/core/text/offsets';

/** Reference: the code point offset of a UTF-16 offset, by iterating the string (slow but obvious). */
function slowToCodePoint(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', ' ', '\n', 'é', '—', '中'),
      fc.constantFrom('😀', '𝒳', '🇫🇷', '👩‍👩‍👧'),
      // Lone surrogates: malformed UTF-16 still gets consistent offsets.
      fc.constantFrom('\uD800', '\uDC00'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('offsetIndex', () => {
  it('agrees with string iteration at every offset, both ways', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const index = offsetIndex(text);
        expect(index.codePointLength).toBe([...text].length);
        expect(codePointLength(text)).toBe([...text].length);
        for (let u = 0; u <= text.length; u++) {
          const cp = index.toCodePoint(u);
          if (splitsSurrogatePair(text, u)) expect(cp).toBeNull();
          else {
            expect(cp).toBe(slowToCodePoint(text, u));
            expect(index.toUtf16(cp!)).toBe(u);
          }
        }
      }),
    );
  });

  it('rejects offsets outside the text, fractional or inside a surrogate pair', () => {
    const index = offsetIndex('a😀b');
    expect(index.toCodePoint(2)).toBeNull();
    expect(index.toCodePoint(5)).toBeNull();
    expect(index.toCodePoint(-1)).toBeNull();
    expect(index.toCodePoint(1.5)).toBeNull();
    expect(index.toUtf16(4)).toBeNull();
    expect(index.toUtf16(2)).toBe(3);
    expect(index.bmpOnly).toBe(false);
    expect(offsetIndex('plain').bmpOnly).toBe(true);
  });

  it('converts a long text with a few emoji quickly (an index, not a scan per call)', () => {
    const text = `${'word '.repeat(200_000)}😀${'word '.repeat(200_000)}`;
    const index = offsetIndex(text);
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) index.toCodePoint((i * 17) % text.length === 1_000_001 ? 0 : (i * 17) % text.length);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(index.toUtf16(1_000_001)).toBe(1_000_002);
  });
});
