import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleDocFromWire, articleDocToWire } from '../../../../src/core/api/article-wire';
import { decodeResult } from '../../../../src/core/api';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { Annotation } from '../../../../src/core/model/annotation';
import { emptyDoc, type ArticleDoc } from '../../../../src/core/model/document';
import type { Fragment } from '../../../../src/core/model/fragments';
import { selectorsFor } from '../../../../src/core/text/selectors';

/**
 * getArticle's answer leaves out the text selectors the text and fragments give, and the page
 * puts them back (core/api/article-wire.ts): what the page holds must be the stored document,
 * field for field and in the same key order, after a real JSON round trip.
 */
const BY = { author: 'Ana', now: '2026-03-02T09:30:00.000Z' };

/** Text with surrogate pairs, newlines and accents: selectors count UTF-16 code units. */
const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', '“', '.'), { minLength: 1, maxLength: 300 }).map((cs) => cs.join(''));

/** One to three sorted, disjoint, non-empty fragments within `length`. */
function fragments(length: number): fc.Arbitrary<Fragment[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: length }), { minLength: 2, maxLength: 6 })
    .map((cuts) => [...cuts].sort((a, b) => a - b))
    .map((cuts) => {
      const out: Fragment[] = [];
      for (let i = 0; i + 1 < cuts.length; i += 2) out.push({ start: cuts[i]!, end: cuts[i + 1]! });
      return out;
    });
}

function doc(body: string): ArticleDoc {
  return emptyDoc({ id: 'a_0000000000000001', title: 'T', source: 't.txt', importedAt: BY.now, hash: 'h', text: body });
}

const overTheWire = (d: ArticleDoc) => articleDocFromWire(JSON.parse(JSON.stringify(articleDocToWire(d))));

describe('article documents on the wire', () => {
  it('annotations made in the text: their stored selectors are the derived ones, left out and put back exactly', () => {
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), fc.array(fragments(t.length), { minLength: 1, maxLength: 12 }))),
        fc.array(fc.constantFrom('claim', 'quote', 'actor'), { minLength: 12, maxLength: 12 }),
        ([body, spans], labels) => {
          let d = doc(body);
          const made: Annotation[] = [];
          for (const [i, fs] of spans.entries()) {
            const result = createAnnotation(d, { label: labels[i]!, fragments: fs, note: i % 2 ? 'n' : '' }, BY);
            if (!result.ok) continue;
            made.push(result.value.annotation);
          }
          d = { ...d, annotations: made };
          for (const a of made) expect({ quote: a.quote, prefix: a.prefix, suffix: a.suffix }).toEqual(selectorsFor(body, a.fragments));
          const wire = articleDocToWire(d);
          for (const a of wire.annotations) expect(['quote', 'prefix', 'suffix'].filter((k) => k in a)).toEqual([]);
          const back = overTheWire(d);
          expect(back).toStrictEqual(d);
          expect(back.annotations.map((a) => JSON.stringify(a))).toEqual(d.annotations.map((a) => JSON.stringify(a)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('selectors that the text does not give (re-anchored, imported) travel as stored', () => {
    fc.assert(
      fc.property(
        text.chain((t) =>
          fc.tuple(fc.constant(t), fragments(t.length), fc.string({ maxLength: 40 }), fc.string({ maxLength: 32 }), fc.string({ maxLength: 32 })),
        ),
        fc.constantFrom<'quote' | 'prefix' | 'suffix'>('quote', 'prefix', 'suffix'),
        ([body, fs, quote, prefix, suffix], keep) => {
          if (fs.length === 0) return;
          const derived = selectorsFor(body, fs);
          // One selector (or more) as some other text had it; the rest derived.
          const stored = { ...derived, [keep]: { quote, prefix, suffix }[keep] };
          const a: Annotation = {
            id: 'ann_1',
            label: 'quote',
            fragments: fs,
            ...stored,
            attributes: { reanchored: 'needs-review' },
            note: '',
            author: 'Ana',
            created: BY.now,
            modified: BY.now,
          };
          const d = { ...doc(body), annotations: [a] };
          const same = stored.quote === derived.quote && stored.prefix === derived.prefix && stored.suffix === derived.suffix;
          expect('quote' in articleDocToWire(d).annotations[0]!).toBe(!same);
          expect(overTheWire(d)).toStrictEqual(d);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps relations, the article and optional fields (entity, normalizations) as they are', () => {
    const body = 'Vladimir Putin said the talks would resume.';
    const a: Annotation = {
      ...{ id: 'ann_1', label: 'actor', fragments: [{ start: 0, end: 14 }] },
      ...selectorsFor(body, [{ start: 0, end: 14 }]),
      ...{ attributes: {}, note: '', author: 'Ana', created: BY.now, modified: BY.now, entity: 'ent_1' },
      normalizations: [{ resource: 'wikidata', ref: 'Q7747', text: 'Vladimir Putin' }],
    };
    const d: ArticleDoc = {
      ...doc(body),
      annotations: [a],
      relations: [{ id: 'rel_1', type: 'speaker', from: 'ann_1', to: 'ann_1', author: 'Ana', created: BY.now, modified: BY.now }],
    };
    expect(overTheWire(d)).toStrictEqual(d);
    // What the page's api client applies to getArticle's answer, and to nothing else.
    expect(decodeResult('getArticle', JSON.parse(JSON.stringify(articleDocToWire(d))))).toStrictEqual(d);
    const summary = { id: 'x' };
    expect(decodeResult('renameArticle', summary as never)).toBe(summary);
  });
});
