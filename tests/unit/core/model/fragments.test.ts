import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSpans, normalizeFragments, type Fragment } from '../../../../src/core/model/fragments';

/** The one fragment sort-and-merge (annotations, brat spans, W3C segments) and the one span order. */
const fragment = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, length]): Fragment => ({ start, end: start + length }));
const covered = (fs: readonly Fragment[]) => new Set(fs.flatMap((f) => Array.from({ length: f.end - f.start }, (_, i) => f.start + i)));

describe('normalizeFragments', () => {
  it('sorts, merges overlaps, drops empties and covers the same offsets; touching ones merge unless kept', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), fc.boolean(), (fragments, keepTouching) => {
        const out = normalizeFragments(fragments, { keepTouching });
        expect([...covered(out)].sort((a, b) => a - b)).toEqual([...covered(fragments)].sort((a, b) => a - b));
        for (const [i, f] of out.entries()) {
          expect(f.end).toBeGreaterThan(f.start);
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(out[i - 1]!.end + (keepTouching ? 0 : 1));
        }
        expect(normalizeFragments(out, { keepTouching })).toEqual(out);
      }),
    );
  });

  it('keeps touching fragments apart only when asked (brat writes "0 5;5 9" so)', () => {
    const touching = [
      { start: 5, end: 9 },
      { start: 0, end: 5 },
    ];
    expect(normalizeFragments(touching)).toEqual([{ start: 0, end: 9 }]);
    expect(normalizeFragments(touching, { keepTouching: true })).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 9 },
    ]);
  });
});

describe('compareSpans', () => {
  it('orders by start, outer spans first, then by id in code-unit order (not the locale)', () => {
    const spans = [
      { id: 'b', fragments: [{ start: 0, end: 4 }] },
      { id: 'Z', fragments: [{ start: 0, end: 4 }] },
      { id: 'a', fragments: [{ start: 0, end: 9 }] },
      { id: 'c', fragments: [{ start: 2, end: 3 }] },
    ];
    expect([...spans].sort(compareSpans).map((s) => s.id)).toEqual(['a', 'Z', 'b', 'c']);
  });
});
