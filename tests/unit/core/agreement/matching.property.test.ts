import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchLayers, sharedLength, type MatchKind } from '../../../../src/core/agreement/matching';
import { compareSpans, spanEnd, spanStart, type Annotation } from '../../../../src/core/model/annotation';
import { ann } from './article';

/**
 * matchLayers as its comment states it, looking at every pair (O(n·m)): the indexed round 2
 * (label buckets, prefix reach) must choose exactly the same pairs.
 */
function matchEveryPair(layerA: readonly Annotation[], layerB: readonly Annotation[]): [string, string, MatchKind][] {
  const a = [...layerA].sort(compareSpans);
  const b = [...layerB].sort(compareSpans);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const out: [string, string, MatchKind][] = [];
  const sameFragments = (x: Annotation, y: Annotation) => JSON.stringify(x.fragments) === JSON.stringify(y.fragments);
  const round = (kind: MatchKind, pairs: (x: Annotation, y: Annotation) => number | null) => {
    const candidates: { i: number; j: number; shared: number; shift: number }[] = [];
    a.forEach((x, i) =>
      b.forEach((y, j) => {
        if (takenA.has(i) || takenB.has(j)) return;
        const shared = pairs(x, y);
        if (shared === null) return;
        candidates.push({ i, j, shared, shift: Math.abs(spanStart(x) - spanStart(y)) + Math.abs(spanEnd(x) - spanEnd(y)) });
      }),
    );
    candidates.sort((p, q) => q.shared - p.shared || p.shift - q.shift || p.i - q.i || p.j - q.j);
    for (const c of candidates) {
      if (takenA.has(c.i) || takenB.has(c.j)) continue;
      takenA.add(c.i);
      takenB.add(c.j);
      out.push([a[c.i]!.id, b[c.j]!.id, kind]);
    }
  };
  round('agreed', (x, y) => (x.label === y.label && sameFragments(x, y) ? 0 : null));
  round('boundary', (x, y) => {
    const shared = x.label === y.label ? sharedLength(x.fragments, y.fragments) : 0;
    return shared > 0 ? shared : null;
  });
  round('label', (x, y) => (sameFragments(x, y) ? 0 : null));
  return out;
}

const LENGTH = 400;
/** A span of one to three fragments, some long enough to cover many others. */
const spanArb = fc.record({
  label: fc.constantFrom('Cue', 'Source', 'Content'),
  pieces: fc.array(fc.record({ gap: fc.nat(60), length: fc.integer({ min: 1, max: 120 }) }), { minLength: 1, maxLength: 3 }),
  at: fc.nat(LENGTH - 1),
});

function build(author: string, specs: { label: string; pieces: { gap: number; length: number }[]; at: number }[]): Annotation[] {
  return specs.map((spec, n) => {
    const ranges: [number, number][] = [];
    let at = spec.at;
    for (const { gap, length } of spec.pieces) {
      const start = ranges.length === 0 ? at : at + gap + 1;
      ranges.push([start, start + length]);
      at = start + length;
    }
    return ann(`${author}${n}`, author, spec.label, ranges);
  });
}

describe('matchLayers', () => {
  it('pairs exactly as the every-pair statement of its rule does, on random nested, crossing and discontinuous layers', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 40 }), fc.array(spanArb, { maxLength: 40 }), (as, bs) => {
        const a = build('a', as);
        const b = build('b', bs);
        const got = matchLayers(a, b).pairs.map((p): [string, string, MatchKind] => [p.a.id, p.b.id, p.kind]);
        const sortPairs = (pairs: [string, string, MatchKind][]) => [...pairs].sort((x, y) => x.join().localeCompare(y.join()));
        expect(sortPairs(got)).toEqual(sortPairs(matchEveryPair(a, b)));
      }),
      { numRuns: 300 },
    );
  });

  it('looks at about the pairs that overlap, not every pair: 20,000 side-by-side spans a layer match quickly', () => {
    const spans = (author: string, shift: number) =>
      Array.from({ length: 20_000 }, (_, i) => ann(`${author}${i}`, author, i % 2 ? 'Cue' : 'Source', [[i * 10 + shift, i * 10 + 8]]));
    const t0 = performance.now();
    const result = matchLayers(spans('a', 0), spans('b', 1));
    const ms = performance.now() - t0;
    expect(result.pairs.filter((p) => p.kind === 'boundary')).toHaveLength(20_000);
    // Every pair was 200 million comparisons (seconds); a gross-regression bound only.
    expect(ms).toBeLessThan(5_000);
  });
});
