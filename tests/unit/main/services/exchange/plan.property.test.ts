import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import type { AnnotationSet } from '../../../../../src/core/formats';
import { articleIdFromHash } from '../../../../../src/core/model/article';
import type { Annotation, Relation } from '../../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../../src/core/model/label-schema';
import { planImport } from '../../../../../src/main/services/exchange/plan';
import { docProblem, sha256Hex } from '../../../../../src/main/services/store/file-formats';
import { annotation, layerMeaning } from './support';

/**
 * planImport on random stored layers and random incoming sets whose ids collide with stored ones:
 * the result is always a valid stored document (ids unique, links resolve, canonical order); the
 * layers not imported are exactly as they were; the imported layer means exactly what the file
 * said; and an existing layer is only ever replaced when asked — otherwise the import is refused.
 */
const TEXT = 'The minister said on Tuesday that prices would fall, and critics disputed it.';
const HASH = sha256Hex(TEXT);
const ARTICLE = { id: articleIdFromHash(HASH), title: 'Minister', source: 'm.txt', importedAt: '2026-01-01T00:00:00.000Z', hash: HASH, text: TEXT };
const LABELS = ['claim', 'quote', 'actor'];

const layer = (author: string) =>
  fc
    .array(
      fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: TEXT.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...LABELS)),
      { maxLength: 6 },
    )
    .chain((spans) => {
      const annotations: Annotation[] = [];
      const ids = new Set<string>();
      for (const [n, start, length, label] of spans) {
        const id = `a${n}`;
        if (ids.has(id)) continue;
        ids.add(id);
        annotations.push(annotation(TEXT, id, label, [{ start, end: Math.min(TEXT.length, start + length) }], author));
      }
      return fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }).map((links) => {
        const relations: Relation[] = [];
        if (annotations.length > 0) {
          for (const [x, y, n] of links) {
            const id = `r${n}`;
            if (relations.some((r) => r.id === id)) continue;
            relations.push({
              id,
              type: 'speaker',
              from: annotations[x % annotations.length]!.id,
              to: annotations[y % annotations.length]!.id,
              author,
              created: 'c',
              modified: 'm',
            });
          }
        }
        return { annotations, relations };
      });
    });

describe('planImport (property)', () => {
  it('keeps other layers, brings the imported layer exactly, and replaces only when asked', () => {
    fc.assert(
      fc.property(layer('me'), layer('other'), fc.constantFrom('me', 'colleague'), layer('x'), fc.boolean(), (mine, others, author, incoming, replace) => {
        const stored = canonicalDoc({
          article: ARTICLE,
          annotations: [...mine.annotations, ...others.annotations.map((a) => ({ ...a, id: `o${a.id}` }))],
          relations: [...mine.relations, ...others.relations.map((r) => ({ ...r, id: `o${r.id}`, from: `o${r.from}`, to: `o${r.to}` }))],
        });
        const set: AnnotationSet = {
          documents: [
            {
              article: { text: TEXT, hash: HASH },
              annotations: incoming.annotations.map((a) => ({ ...a, author })),
              relations: incoming.relations.map((r) => ({ ...r, author })),
            },
          ],
          schema: defaultLabelSchema(),
          report: [],
        };
        const plan = planImport({
          sets: [{ set, author, file: 'f.lede.json' }],
          existing: new Map([[ARTICLE.id, stored]]),
          schema: defaultLabelSchema(),
          hash: sha256Hex,
          now: 'n',
          replace,
        });
        const clash = author === 'me' && mine.annotations.length > 0 && incoming.annotations.length > 0 && !replace;
        expect(plan.ok).toBe(!clash);
        if (!plan.ok) return;
        const doc: ArticleDoc = plan.value.docs[0]!;
        expect(docProblem(doc)).toBeNull();
        expect(doc).toEqual(canonicalDoc(doc));
        for (const kept of author === 'me' ? ['other'] : ['me', 'other']) expect(layerMeaning(doc, kept)).toEqual(layerMeaning(stored, kept));
        const wanted: ArticleDoc = {
          article: ARTICLE,
          annotations: incoming.annotations.map((a) => ({ ...a, author })),
          relations: incoming.relations.map((r) => ({ ...r, author })),
        };
        const expected = author === 'me' && !replace ? [...layerMeaning(stored, 'me'), ...layerMeaning(wanted, 'me')].sort() : layerMeaning(wanted, author);
        expect(layerMeaning(doc, author)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
