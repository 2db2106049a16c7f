import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLayers, differencesOf, type SpanItem } from '../../../../src/core/agreement/compare';
import { matchLayers, sharedLength } from '../../../../src/core/agreement/matching';
import { ann, articleDoc, rel, TEXT } from './article';

const spansOf = (items: ReturnType<typeof compareLayers>['items']) => items.filter((i): i is SpanItem => i.kind === 'span');
const summary = (doc: ReturnType<typeof articleDoc>) => spansOf(compareLayers(doc, 'me', 'col').items).map((i) => [i.class, i.a?.id ?? null, i.b?.id ?? null]);

describe('compareLayers: every class of difference', () => {
  it('classes agreed, boundary, label, only A and only B, in document order', () => {
    const doc = articleDoc([
      ann('m1', 'me', 'Source', [[0, 9]]),
      ann('c1', 'col', 'Source', [[0, 9]]),
      ann('m2', 'me', 'Cue', [[10, 14]]),
      ann('c2', 'col', 'Cue', [[10, 18]]),
      ann('m3', 'me', 'Content', [[15, 37]]),
      ann('c3', 'col', 'Claim', [[15, 37]]),
      ann('m4', 'me', 'Source', [[38, 45]]),
      ann('c5', 'col', 'Cue', [[46, 50]]),
      ann('x1', 'other', 'Cue', [[46, 50]]),
    ]);
    expect(summary(doc)).toEqual([
      ['agreed', 'm1', 'c1'],
      ['boundary', 'm2', 'c2'],
      ['label', 'm3', 'c3'],
      ['onlyA', 'm4', null],
      ['onlyB', null, 'c5'],
    ]);
    const differences = differencesOf(compareLayers(doc, 'me', 'col'));
    expect(differences.map((d) => d.id)).toEqual(
      spansOf(compareLayers(doc, 'me', 'col').items)
        .slice(1)
        .map((i) => i.id),
    );
  });

  it('an agreed pair whose notes or attributes differ is a difference that says what differs', () => {
    const doc = articleDoc([
      ann('m1', 'me', 'Quote', [[15, 37]], { note: 'check', attributes: { type: 'direct', x: true } }),
      ann('c1', 'col', 'Quote', [[15, 37]], { note: '', attributes: { type: 'indirect', x: true, y: 'n' } }),
    ]);
    const [item] = spansOf(compareLayers(doc, 'me', 'col').items);
    expect(item).toMatchObject({ class: 'agreed', noteDiffers: true, attributesDiffer: ['type', 'y'], isDifference: true });
  });

  it('discontinuous spans agree only when every fragment does; otherwise they are a boundary difference', () => {
    const doc = articleDoc([
      ann('m1', 'me', 'Quote', [
        [0, 9],
        [15, 37],
      ]),
      ann('c1', 'col', 'Quote', [
        [0, 9],
        [15, 37],
      ]),
      ann('m2', 'me', 'Quote', [
        [38, 45],
        [51, 63],
      ]),
      ann('c2', 'col', 'Quote', [[38, 45]]),
    ]);
    expect(summary(doc)).toEqual([
      ['agreed', 'm1', 'c1'],
      ['boundary', 'm2', 'c2'],
    ]);
  });

  it('nested spans pair with their own counterpart, not with the span around them', () => {
    const doc = articleDoc([
      ann('mOuter', 'me', 'Content', [[15, 37]]),
      ann('mInner', 'me', 'Content', [[19, 25]]),
      ann('cOuter', 'col', 'Content', [[15, 36]]),
      ann('cInner', 'col', 'Content', [[19, 26]]),
    ]);
    expect(summary(doc)).toEqual([
      ['boundary', 'mOuter', 'cOuter'],
      ['boundary', 'mInner', 'cInner'],
    ]);
  });

  it('prefers a same-label overlap to a same-span other label', () => {
    const doc = articleDoc([ann('m', 'me', 'Cue', [[10, 14]]), ann('cCue', 'col', 'Cue', [[10, 18]]), ann('cSrc', 'col', 'Source', [[10, 14]])]);
    expect(summary(doc)).toEqual([
      ['boundary', 'm', 'cCue'],
      ['onlyB', null, 'cSrc'],
    ]);
  });

  it('with several candidates takes the larger overlap, then the smaller shift, then document order', () => {
    const a = [ann('m', 'me', 'Content', [[15, 37]])];
    expect(matchLayers(a, [ann('small', 'col', 'Content', [[15, 20]]), ann('big', 'col', 'Content', [[19, 37]])]).pairs[0]!.b.id).toBe('big');
    expect(matchLayers(a, [ann('far', 'col', 'Content', [[15, 45]]), ann('near', 'col', 'Content', [[15, 40]])]).pairs[0]!.b.id).toBe('near');
    const tie = matchLayers([ann('m1', 'me', 'Cue', [[10, 14]]), ann('m2', 'me', 'Cue', [[10, 14]])], [ann('c', 'col', 'Cue', [[10, 14]])]);
    expect(tie.pairs.map((p) => p.a.id)).toEqual(['m1']);
    expect(tie.onlyA.map((x) => x.id)).toEqual(['m2']);
  });

  it('empty layers compare to nothing; a layer against an empty one is all only-A', () => {
    expect(compareLayers(articleDoc([]), 'me', 'col').items).toEqual([]);
    expect(summary(articleDoc([ann('m', 'me', 'Cue', [[10, 14]])]))).toEqual([['onlyA', 'm', null]]);
  });

  it('counts shared characters across fragments', () => {
    expect(
      sharedLength(
        [
          { start: 0, end: 5 },
          { start: 10, end: 20 },
        ],
        [
          { start: 3, end: 12 },
          { start: 19, end: 30 },
        ],
      ),
    ).toBe(2 + 2 + 1);
  });
});

describe('compareLayers: links', () => {
  const spans = [
    ann('mQ', 'me', 'Quote', [[15, 37]]),
    ann('mA', 'me', 'Actor', [[0, 9]]),
    ann('mC', 'me', 'Actor', [[38, 45]]),
    ann('cQ', 'col', 'Quote', [[15, 36]]),
    ann('cA', 'col', 'Actor', [[0, 9]]),
  ];

  it('a link both layers have between paired items agrees; a link one has is a difference', () => {
    const doc = articleDoc(spans, [rel('r1', 'me', 'speaker', 'mQ', 'mA'), rel('r2', 'col', 'speaker', 'cQ', 'cA'), rel('r3', 'col', 'source', 'cQ', 'cA')]);
    const c = compareLayers(doc, 'me', 'col');
    expect(c.agreedRelations.map((r) => [r.a.id, r.b.id])).toEqual([['r1', 'r2']]);
    const links = c.items.filter((i) => i.kind === 'relation');
    expect(links).toMatchObject([{ class: 'onlyB', relation: { id: 'r3' }, isDifference: true }]);
  });

  it('a link touching an annotation only one layer has is no item of its own', () => {
    const doc = articleDoc(spans, [rel('r1', 'me', 'speaker', 'mQ', 'mC')]);
    expect(compareLayers(doc, 'me', 'col').items.filter((i) => i.kind === 'relation')).toEqual([]);
  });

  it('a link item comes right after the later of its two ends, whichever way it points', () => {
    for (const [from, to] of [
      ['mA', 'mQ'],
      ['mQ', 'mA'],
    ] as const) {
      const doc = articleDoc(spans, [rel('r1', 'me', 'speaker', from, to)]);
      const items = compareLayers(doc, 'me', 'col').items;
      const at = items.findIndex((i) => i.kind === 'relation');
      const ends = [from, to].map((id) => items.findIndex((i) => i.kind === 'span' && i.a?.id === id));
      expect(Math.max(...ends)).toBe(at - 1);
    }
  });
});

describe('compareLayers properties', () => {
  const spanArb = fc.record({ label: fc.constantFrom('Cue', 'Source'), s: fc.nat(TEXT.length - 1), l: fc.integer({ min: 1, max: 15 }) });
  const layersArb = fc.tuple(fc.array(spanArb, { maxLength: 10 }), fc.array(spanArb, { maxLength: 10 }));
  const build = ([as, bs]: [{ label: string; s: number; l: number }[], { label: string; s: number; l: number }[]]) =>
    articleDoc([
      ...as.map((x, i) => ann(`a${i}`, 'me', x.label, [[x.s, Math.min(TEXT.length, x.s + x.l)]])),
      ...bs.map((x, i) => ann(`b${i}`, 'col', x.label, [[x.s, Math.min(TEXT.length, x.s + x.l)]])),
    ]);

  it('puts every annotation of both layers in exactly one item, with unique ids, in document order', () => {
    fc.assert(
      fc.property(layersArb, (layers) => {
        const doc = build(layers);
        const items = spansOf(compareLayers(doc, 'me', 'col').items);
        const seen = items
          .flatMap((i) => [i.a?.id, i.b?.id])
          .filter(Boolean)
          .sort();
        expect(seen).toEqual(doc.annotations.map((a) => a.id).sort());
        expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
        for (let k = 1; k < items.length; k++) expect(items[k - 1]!.start).toBeLessThanOrEqual(items[k]!.start);
        for (const i of items) {
          if (i.class === 'agreed' || i.class === 'boundary') expect(i.a!.label).toBe(i.b!.label);
          if (i.class === 'boundary') expect(sharedLength(i.a!.fragments, i.b!.fragments)).toBeGreaterThan(0);
          if (i.class === 'label') expect(i.a!.fragments).toEqual(i.b!.fragments);
        }
      }),
    );
  });

  it('swapping the layers finds the same agreed pairs, and every other item stays a difference', () => {
    fc.assert(
      fc.property(layersArb, (layers) => {
        const doc = build(layers);
        const agreed = (a: string, b: string, flip: boolean) =>
          spansOf(compareLayers(doc, a, b).items)
            .filter((i) => i.class === 'agreed')
            .map((i) => (flip ? `${i.b!.id}/${i.a!.id}` : `${i.a!.id}/${i.b!.id}`))
            .sort();
        expect(agreed('col', 'me', true)).toEqual(agreed('me', 'col', false));
        // (Boundary ties may pair differently in the other direction: the rule favours A's order.)
      }),
    );
  });

  it('gives the same items whatever order the annotations are stored in', () => {
    fc.assert(
      fc.property(layersArb, fc.integer(), (layers, seed) => {
        const doc = build(layers);
        const shuffled = { ...doc, annotations: [...doc.annotations].sort((x, y) => ((x.id.charCodeAt(1) * seed) % 7) - ((y.id.charCodeAt(1) * seed) % 7)) };
        expect(compareLayers(shuffled, 'me', 'col').items.map((i) => i.id)).toEqual(compareLayers(doc, 'me', 'col').items.map((i) => i.id));
      }),
    );
  });
});
