import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInText, queryPattern } from '../../../../src/core/search/text-search';

describe('findInText', () => {
  const text = 'Trump said:\n“I don’t know that they’ll meet.” TRUMP added (a+b) costs $5.';

  it('is case-insensitive and returns offsets into the original text', () => {
    const hits = findInText(text, 'trump', 10);
    expect(hits.map((h) => [h.start, h.end, h.match])).toEqual([
      [0, 5, 'Trump'],
      [text.indexOf('TRUMP'), text.indexOf('TRUMP') + 5, 'TRUMP'],
    ]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.match);
  });

  it('treats straight and curly quotes alike, and whitespace runs alike', () => {
    expect(findInText(text, "don't know", 5)).toHaveLength(1);
    expect(findInText(text, 'said: "I', 5)[0]?.match).toBe('said:\n“I');
  });

  it('escapes regular expression syntax and respects the limit', () => {
    expect(findInText(text, '(a+b)', 5)[0]?.match).toBe('(a+b)');
    expect(findInText(text, '$5.', 5)).toHaveLength(1);
    expect(findInText('aaaa', 'a', 2)).toHaveLength(2);
    expect(findInText(text, '   ', 5)).toEqual([]);
    expect(queryPattern('')).toBeNull();
  });

  it('gives context on one line', () => {
    const [hit] = findInText(text, 'know', 1, 12);
    expect(hit?.before).toBe('d: “I don’t ');
    expect(hit?.before.includes('\n')).toBe(false);
  });

  it('finds any substring of a text at its own offset (or earlier)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % s.length;
        const end = start + 1 + (b % (s.length - start));
        const query = s.slice(start, end);
        if (query.trim() === '' || query !== query.trim()) return;
        const hits = findInText(s, query, 1000);
        expect(hits.some((h) => h.start <= start)).toBe(true);
        for (const h of hits) expect(s.slice(h.start, h.end)).toBe(h.match);
      }),
    );
  });
});

describe('findInText is linear (issue 11, item 5)', () => {
  it('finds what the case-insensitive, quote- and space-blind regular expression finds (property)', () => {
    const unit = fc.constantFrom(
      'a',
      'A',
      'b',
      'ß',
      'ẞ',
      'σ',
      'Σ',
      'ς',
      ' ',
      '\n',
      '\u00a0',
      "'",
      '’',
      '"',
      '“',
      '-',
      '—',
      'é',
      'É',
      '😀',
      'ı',
      'İ',
      'k',
      'K',
      '\u212a',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.string({ unit, minLength: 1, maxLength: 6 }), (text, query) => {
        const pattern = queryPattern(query);
        const ours = findInText(text, query, 1000).map((h) => [h.start, h.end]);
        if (!pattern) {
          expect(ours).toEqual([]);
          return;
        }
        const theirs = [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
        expect(ours).toEqual(theirs);
      }),
    );
  });

  it('an 8 MB repetitive article and a 999-character query: well under a second, not 23 s', () => {
    const text = 'a'.repeat(8 * 1024 * 1024);
    const query = `${'a'.repeat(998)}b`;
    const started = performance.now();
    expect(findInText(text, query, 100)).toEqual([]);
    const ms = performance.now() - started;
    // A gross-regression bound (the regular expression took 22.9 s on the machine).
    expect(ms).toBeLessThan(5000);
  });
});
