import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLayers } from '../../../../src/core/agreement/compare';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import type { Annotation, Relation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { decide, type Decision } from '../../../../src/core/review/decide';
import { reviewProgress } from '../../../../src/core/review/progress';
import { decisionProblem, type DecisionKey } from '../../../../src/core/review/rules';
import { ann, articleDoc, rel, TEXT } from '../agreement/article';
import { applyEdit } from './apply-edit';

/**
 * The review walk and its keys on random pairs of layers (spans of two labels, speaker and
 * source links within each layer): links come after both ends; A/B/C/R either do what they say
 * or are refused with a reason and change nothing; and any sequence of keys undoes exactly.
 */
const REVIEWED = 'reviewed';
const NOW = '2026-03-03T00:00:00.000Z';

const spanArb = fc.record({
  label: fc.constantFrom('Quote', 'Actor'),
  s: fc.nat(TEXT.length - 2),
  l: fc.integer({ min: 1, max: 12 }),
  note: fc.constantFrom('', 'n1', 'n2'),
  attr: fc.constantFrom(undefined, 'x', 'y'),
});
const layerArb = fc.array(spanArb, { minLength: 1, maxLength: 6 });
const linksArb = fc.array(fc.record({ type: fc.constantFrom('speaker', 'source'), from: fc.nat(5), to: fc.nat(5) }), { maxLength: 5 });

type SpanSpec = { label: string; s: number; l: number; note: string; attr: string | undefined };

function buildLayer(
  author: string,
  spans: SpanSpec[],
  links: { type: string; from: number; to: number }[],
): { annotations: Annotation[]; relations: Relation[] } {
  const annotations = spans.map((x, i) =>
    ann(`${author}${i}`, author, x.label, [[x.s, Math.min(TEXT.length, x.s + x.l)]], { note: x.note, attributes: x.attr ? { kind: x.attr } : {} }),
  );
  const relations = links
    .map((l, i) => ({ ...l, from: l.from % annotations.length, to: l.to % annotations.length, i }))
    .filter((l) => l.from !== l.to)
    .map((l) => rel(`${author}-r${l.i}`, author, l.type, annotations[l.from]!.id, annotations[l.to]!.id));
  return { annotations, relations };
}

const docArb = fc.tuple(layerArb, linksArb, layerArb, linksArb).map(([sa, la, sb, lb]): ArticleDoc => {
  const a = buildLayer('me', sa, la);
  // B often copies A's spans exactly, so paired items (and links between them) are common.
  const b = buildLayer(
    'col',
    sb.map((x, i) => (i % 2 === 0 && sa[i] ? { ...sa[i], note: x.note, attr: x.attr } : x)),
    lb,
  );
  return articleDoc([...a.annotations, ...b.annotations], [...a.relations, ...b.relations]);
});

const ctx = (doc: ArticleDoc) => ({ doc, comparison: compareLayers(doc, 'me', 'col'), reviewed: REVIEWED, now: NOW });
const statusOf = (doc: ArticleDoc, id: string) => reviewProgress(doc, compareLayers(doc, 'me', 'col'), REVIEWED).items.find((x) => x.item.id === id)!.status;
const KEYS: DecisionKey[] = ['acceptA', 'acceptB', 'acceptBoth', 'reject', 'reopen'];
const EXPECTED: Partial<Record<DecisionKey, string>> = {
  acceptA: 'acceptedA',
  acceptB: 'acceptedB',
  acceptBoth: 'acceptedBoth',
  reject: 'rejected',
  reopen: 'open',
};

describe('the review walk', () => {
  it('lists every link after both its ends, and every item once', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const items = compareLayers(doc, 'me', 'col').items;
        const at = new Map(items.map((item, i) => [item.id, i]));
        expect(at.size).toBe(items.length);
        for (const [i, item] of items.entries()) {
          if (item.kind !== 'relation') continue;
          expect(at.get(item.fromItem)!).toBeLessThan(i);
          expect(at.get(item.toItem)!).toBeLessThan(i);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('A, B, C, R and O on any item either do what they say or are refused with a reason, changing nothing', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        for (const item of compareLayers(doc, 'me', 'col').items) {
          for (const key of KEYS) {
            const decision = { kind: key, ...(key === 'acceptA' || key === 'acceptB' ? { withEnds: true } : {}) } as Decision;
            const result = decide(ctx(doc), item.id, decision);
            const reason = decisionProblem(item, key);
            if (reason) {
              expect(result).toEqual({ ok: false, errors: [{ message: reason }] });
              continue;
            }
            if (!result.ok) {
              // The one other refusal: a link whose end the review rejected.
              expect(item.kind).toBe('relation');
              expect(result.errors[0]!.message).toMatch(/An end of this link was rejected/);
              continue;
            }
            const after = result.value ? applyEdit(doc, result.value) : doc;
            expect(statusOf(after, item.id)).toBe(EXPECTED[key]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any sequence of keys, undone step by step, gives back the document exactly', () => {
    const stepsArb = fc.array(fc.record({ item: fc.nat(30), key: fc.constantFrom(...KEYS), withEnds: fc.boolean() }), { maxLength: 25 });
    fc.assert(
      fc.property(docArb, stepsArb, (start, steps) => {
        let doc = start;
        const done: { before: ArticleDoc; edit: Edit }[] = [];
        for (const step of steps) {
          const items = compareLayers(doc, 'me', 'col').items;
          const item = items[step.item % items.length]!;
          const decision = { kind: step.key, ...(step.withEnds && (step.key === 'acceptA' || step.key === 'acceptB') ? { withEnds: true } : {}) } as Decision;
          const result = decide(ctx(doc), item.id, decision);
          if (!result.ok || !result.value) continue;
          done.push({ before: doc, edit: result.value });
          doc = applyEdit(doc, result.value);
        }
        for (const { before, edit } of done.reverse()) {
          doc = applyEdit(doc, invertEdit(edit));
          expect(doc).toEqual(before);
        }
        expect(doc).toEqual(start);
      }),
      { numRuns: 150 },
    );
  });
});
