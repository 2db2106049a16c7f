import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nestingLevels, nextSpanAt, spansAt, spansIn, stepSpan, type Spanned } from '../../../../src/core/text/span-layout';

const span = (id: string, ...ranges: [number, number][]): Spanned => ({ id, fragments: ranges.map(([start, end]) => ({ start, end })) });

const spansArb = fc
  .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 60 })), { maxLength: 60 })
  .map((pairs) => pairs.map(([s, len], i) => span(`s${i}`, [s, s + len])));

describe('nesting levels', () => {
  it('an actor inside a quote inside a claim reads 0, 1, 2; a separate span is back at 0', () => {
    const levels = nestingLevels([span('actor', [20, 25]), span('claim', [0, 80]), span('quote', [10, 40]), span('later', [90, 95])]);
    expect(Object.fromEntries(levels)).toEqual({ claim: 0, quote: 1, actor: 2, later: 0 });
  });

  it('a span that crosses another is drawn one level deeper', () => {
    const levels = nestingLevels([span('a', [0, 10]), span('b', [5, 15])]);
    expect(levels.get('b')).toBe(1);
  });

  it('every span nested inside another gets a deeper level; untouched spans get 0', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const levels = nestingLevels(spans);
        expect(levels.size).toBe(spans.length);
        for (const inner of spans) {
          const [i] = inner.fragments;
          const overlapsAny = spans.some((o) => o !== inner && o.fragments[0]!.start < i!.end && i!.start < o.fragments[0]!.end);
          if (!overlapsAny) expect(levels.get(inner.id)).toBe(0);
          for (const outer of spans) {
            const [o] = outer.fragments;
            const strictlyInside = o!.start <= i!.start && i!.end <= o!.end && (o!.start < i!.start || i!.end < o!.end);
            if (strictlyInside) expect(levels.get(inner.id)!).toBeGreaterThan(levels.get(outer.id)!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('picking spans', () => {
  const quote = span('quote', [0, 10], [20, 30]);
  const actor = span('actor', [2, 5]);
  const spans = [quote, actor];

  it('lists the spans under an offset innermost first, and skips the gap of a discontinuous span', () => {
    expect(spansAt(spans, 3).map((s) => s.id)).toEqual(['actor', 'quote']);
    expect(spansAt(spans, 15)).toEqual([]);
    expect(spansAt(spans, 10)).toEqual([]);
    expect(spansIn(spans, 8, 22).map((s) => s.id)).toEqual(['quote']);
  });

  it('repeated clicks cycle outwards through a nest and wrap round', () => {
    expect(nextSpanAt(spans, 3, null)?.id).toBe('actor');
    expect(nextSpanAt(spans, 3, 'actor')?.id).toBe('quote');
    expect(nextSpanAt(spans, 3, 'quote')?.id).toBe('actor');
    expect(nextSpanAt(spans, 25, 'actor')?.id).toBe('quote');
  });

  it('steps to the next and previous span in reading order, wrapping round', () => {
    const ordered = [quote, actor];
    expect(stepSpan(ordered, null, 1)?.id).toBe('quote');
    expect(stepSpan(ordered, null, -1)?.id).toBe('actor');
    expect(stepSpan(ordered, 'quote', 1)?.id).toBe('actor');
    expect(stepSpan(ordered, 'actor', 1)?.id).toBe('quote');
    expect(stepSpan([], null, 1)).toBeNull();
  });
});
