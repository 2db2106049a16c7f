import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../src/core/agreement/report';
import type { AgreementSpan } from '../../../../src/core/agreement/documents';
import { doc, span } from './make';

//            0         1         2         3
//            0123456789012345678901234567890123456
const TEXT = 'The mayor said the bridge will close.';
const labelFigures = (r: ReturnType<typeof computeAgreement>, label: string) => r.tokenBinary.find((l) => l.label === label)!;

describe('computeAgreement on hand-made cases', () => {
  it('identical layers: every F1 is 1, kappa and alpha 1', () => {
    const spans = (who: string) => [span(who, 'Source', [0, 9]), span(who, 'Cue', [10, 14]), span(who, 'Content', [15, 37])];
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [...spans('x'), ...spans('y')])], { annotators: ['x', 'y'] });
    expect(r.instance.overall).toEqual({ mean: 1, sd: 0, n: 1 });
    expect(r.token.overall).toEqual({ mean: 1, sd: 0, n: 1 });
    for (const l of r.tokenBinary) {
      expect(l.kappaPairs[0]!.kappa).toBe(1);
      expect(l.alpha).toBe(1);
    }
  });

  it('a boundary difference: no instance match, partial token match', () => {
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [span('x', 'Source', [0, 9]), span('y', 'Source', [4, 9])])], { annotators: ['x', 'y'] });
    expect(r.instance.pairs[0]!.total).toEqual({ tp: 0, fp: 1, fn: 1, f1: 0 });
    // x: (Source, The), (Source, mayor); y: (Source, mayor)
    expect(r.token.pairs[0]!.total).toEqual({ tp: 1, fp: 0, fn: 1, f1: 2 / 3 });
    // 7 tokens; x marks 2, y marks 1, they share 1.
    const k = labelFigures(r, 'Source').kappaPairs[0]!;
    expect(k.table).toEqual({ n11: 1, n10: 1, n01: 0, n00: 5 });
  });

  it('empty layers: no labels, every figure undefined, nothing thrown', () => {
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [])], { annotators: ['x', 'y'] });
    expect(r.labels).toEqual([]);
    expect(r.instance.overall).toEqual({ mean: null, sd: null, n: 0 });
    expect(r.token.overall.mean).toBeNull();
    expect(r.tokenBinary).toEqual([]);
  });

  it('a label nobody used (asked for explicitly): F1 null, kappa null, alpha null', () => {
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [span('x', 'Cue', [10, 14]), span('y', 'Cue', [10, 14])])], {
      annotators: ['x', 'y'],
      labels: ['Cue', 'Source'],
    });
    expect(r.instance.perLabel[1]).toEqual({ label: 'Source', mean: null, sd: null, n: 0 });
    expect(r.token.perLabel[1]!.mean).toBeNull();
    expect(labelFigures(r, 'Source')).toMatchObject({ meanKappa: null, alpha: null });
    expect(labelFigures(r, 'Source').kappaPairs[0]!.kappa).toBeNull();
  });

  it('a label one side only used once: F1 0, kappa 0 (sklearn), alpha 0 (NLTK)', () => {
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [span('x', 'Cue', [10, 14])])], { annotators: ['x', 'y'] });
    expect(r.instance.perLabel[0]).toMatchObject({ label: 'Cue', mean: 0, sd: 0 });
    expect(labelFigures(r, 'Cue').kappaPairs[0]!.kappa).toBe(0);
    expect(labelFigures(r, 'Cue').alpha!).toBeCloseTo(0, 12);
  });

  it('one annotator: no pair, so no F1 or kappa; alpha undefined', () => {
    const r = computeAgreement([doc('d', TEXT, ['x'], [span('x', 'Cue', [10, 14])])], { annotators: ['x'] });
    expect(r.pairs).toEqual([]);
    expect(r.instance.overall.mean).toBeNull();
    expect(labelFigures(r, 'Cue')).toMatchObject({ kappaPairs: [], meanKappa: null, alpha: null });
  });

  it('nested spans of one label count as separate instances and token units', () => {
    const x = [span('x', 'Content', [15, 37]), span('x', 'Content', [19, 25])];
    const y = [span('y', 'Content', [15, 37])];
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [...x, ...y])], { annotators: ['x', 'y'] });
    expect(r.instance.pairs[0]!.total).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    // "bridge" carries two Content units for x and one for y: one false negative.
    expect(r.token.pairs[0]!.total).toMatchObject({ tp: 4, fp: 0, fn: 1 });
    // The binary indicator does not see nesting: both mark the same 4 tokens.
    expect(labelFigures(r, 'Content').kappaPairs[0]!.kappa).toBe(1);
  });

  it('discontinuous spans match only when every fragment matches; each fragment counts its tokens', () => {
    const x = [span('x', 'Content', [0, 3], [15, 25])];
    const same = [span('y', 'Content', [0, 3], [15, 25])];
    const other = [span('z', 'Content', [0, 3], [15, 18])];
    const r = computeAgreement([doc('d', TEXT, ['x', 'y', 'z'], [...x, ...same, ...other])], { annotators: ['x', 'y', 'z'] });
    const pair = (a: string, b: string) => r.instance.pairs.find((p) => p.a === a && p.b === b)!;
    expect(pair('x', 'y').total.tp).toBe(1);
    expect(pair('x', 'z').total).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.token.pairs.find((p) => p.a === 'x' && p.b === 'z')!.total).toMatchObject({ tp: 2, fn: 1, fp: 0 });
  });

  it('compares only documents every selected annotator has, and says which were left out', () => {
    const r = computeAgreement(
      [doc('both', TEXT, ['x', 'y'], [span('x', 'Cue', [10, 14]), span('y', 'Cue', [10, 14])]), doc('x only', TEXT, ['x'], [span('x', 'Cue', [0, 3])])],
      { annotators: ['y', 'x'] },
    );
    expect(r.annotators).toEqual(['x', 'y']);
    expect(r.documents.map((d) => d.id)).toEqual(['both']);
    expect(r.excluded).toEqual([{ id: 'x only', title: 'x only', missing: ['y'] }]);
    expect(r.instance.overall.mean).toBe(1);
  });

  it('per-document figures leave out pairs where the document is empty for both', () => {
    const r = computeAgreement(
      [doc('a', TEXT, ['x', 'y', 'z'], [span('x', 'Cue', [10, 14]), span('y', 'Cue', [10, 14])]), doc('b', TEXT, ['x', 'y', 'z'], [])],
      { annotators: ['x', 'y', 'z'] },
    );
    // Pairs on a: x-y 1, x-z 0, y-z 0.
    expect(r.instance.perDocument[0]).toMatchObject({ document: 'a', mean: 1 / 3, n: 3 });
    expect(r.instance.perDocument[1]).toEqual({ document: 'b', mean: null, sd: null, n: 0 });
    expect(r.instance.overall.sd).toBeCloseTo(Math.sqrt(2) / 3, 15);
  });

  it("an annotator's exact duplicates are one span (two events on one trigger): counted once in instance and token F1", () => {
    const r = computeAgreement([doc('d', TEXT, ['x', 'y'], [span('x', 'Cue', [10, 14]), span('x', 'Cue', [10, 14]), span('y', 'Cue', [10, 14])])], {
      annotators: ['x', 'y'],
    });
    expect(r.instance.pairs[0]!.total).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.token.pairs[0]!.total).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});

const LABELS = ['A', 'B', 'C'];
const WORDS = 'alpha beta  gamma delta\nepsilon zeta eta theta iota kappa';

const spanArb = (author: string) =>
  fc
    .record({
      label: fc.constantFrom(...LABELS),
      s1: fc.nat(WORDS.length - 1),
      l1: fc.integer({ min: 1, max: 12 }),
      gap: fc.option(fc.integer({ min: 1, max: 8 })),
      l2: fc.integer({ min: 1, max: 6 }),
    })
    .map(({ label, s1, l1, gap, l2 }): AgreementSpan => {
      const e1 = Math.min(WORDS.length, s1 + l1);
      const ranges: [number, number][] = [[s1, e1]];
      if (gap !== null && e1 + gap < WORDS.length) ranges.push([e1 + gap, Math.min(WORDS.length, e1 + gap + l2)]);
      return span(author, label, ...ranges);
    });

const layersArb = fc.tuple(fc.array(spanArb('p'), { maxLength: 8 }), fc.array(spanArb('q'), { maxLength: 8 }), fc.array(spanArb('r'), { maxLength: 8 }));

describe('computeAgreement properties', () => {
  it('identical layers give F1 1 and kappa 1 or n/a, whatever the spans', () => {
    fc.assert(
      fc.property(fc.array(spanArb('p'), { minLength: 1, maxLength: 10 }), (spans) => {
        const copy = spans.map((s) => ({ ...s, id: `${s.id}'`, author: 'q' }));
        const r = computeAgreement([doc('d', WORDS, ['p', 'q'], [...spans, ...copy])], { annotators: ['p', 'q'] });
        expect(r.instance.overall.mean).toBe(1);
        expect(r.token.overall.mean === 1 || r.token.overall.mean === null).toBe(true);
        for (const l of r.tokenBinary) expect([1, null]).toContain(l.kappaPairs[0]!.kappa);
      }),
    );
  });

  it('pairwise figures do not depend on which annotator is A, and stay in range', () => {
    fc.assert(
      fc.property(layersArb, ([p, q, r]) => {
        const docs = [doc('d', WORDS, ['p', 'q', 'r'], [...p, ...q, ...r])];
        const forward = computeAgreement(docs, { annotators: ['p', 'q', 'r'] });
        // Renaming swaps which annotator sorts first in each pair.
        const rename = (s: AgreementSpan) => ({ ...s, author: ({ p: 'z', q: 'y', r: 'x' } as Record<string, string>)[s.author]! });
        const backward = computeAgreement([doc('d', WORDS, ['x', 'y', 'z'], [...p, ...q, ...r].map(rename))], { annotators: ['x', 'y', 'z'] });
        for (const key of ['instance', 'token'] as const) {
          expect(backward[key].overall.mean ?? -1).toBeCloseTo(forward[key].overall.mean ?? -1, 12);
          expect(backward[key].overall.sd ?? -1).toBeCloseTo(forward[key].overall.sd ?? -1, 12);
          for (const pair of forward[key].pairs) if (pair.total.f1 !== null) expect(pair.total.f1).toBeGreaterThanOrEqual(0);
        }
        forward.tokenBinary.forEach((l, i) => {
          const other = backward.tokenBinary[i]!;
          expect(other.alpha ?? 9).toBeCloseTo(l.alpha ?? 9, 12);
          const kappas = (x: typeof l) => x.kappaPairs.map((k) => k.kappa ?? 9).sort();
          kappas(l).forEach((k, j) => expect(kappas(other)[j]).toBeCloseTo(k, 12));
          for (const k of l.kappaPairs) if (k.kappa !== null) expect(Math.abs(k.kappa)).toBeLessThanOrEqual(1 + 1e-12);
        });
      }),
      { numRuns: 150 },
    );
  });
});
