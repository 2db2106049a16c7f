import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLayers } from '../../../../src/core/agreement/compare';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { ArticleDocSchema, type ArticleDoc } from '../../../../src/core/model/document';
import { acceptAgreed, decide, type Decision } from '../../../../src/core/review/decide';
import { articleReviewProgress, nextOpen, overallProgress, reviewProgress } from '../../../../src/core/review/progress';
import { ann, articleDoc, rel, TEXT } from '../agreement/article';
import { applyEdit } from './apply-edit';

const NOW = '2026-03-03T00:00:00.000Z';
const layers = { a: 'me', b: 'col', reviewed: 'reviewed' };
const ctx = (doc: ArticleDoc) => ({ doc, comparison: compareLayers(doc, 'me', 'col'), reviewed: 'reviewed', now: NOW });

const base = articleDoc(
  [
    ann('m1', 'me', 'Source', [[0, 9]]),
    ann('c1', 'col', 'Source', [[0, 9]]),
    ann('m2', 'me', 'Cue', [[10, 14]]),
    ann('c2', 'col', 'Cue', [[10, 18]]),
    ann('m3', 'me', 'Source', [[38, 45]]),
  ],
  [rel('r1', 'col', 'speaker', 'c2', 'c1')],
);

function decideItem(doc: ArticleDoc, itemId: string, d: Decision): ArticleDoc {
  const r = decide(ctx(doc), itemId, d);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value ? applyEdit(doc, r.value) : doc;
}

describe('review progress', () => {
  it('counts settled and open items, differences and agreed items apart', () => {
    const p = articleReviewProgress(base, layers);
    expect(p).toMatchObject({ articleId: 'a_test', settled: 0, open: 4, differences: { settled: 0, open: 3 }, agreed: { settled: 0, open: 1 } });
    const r = acceptAgreed(ctx(base));
    const after = applyEdit(base, (r.ok && r.value) as Edit);
    expect(articleReviewProgress(after, layers)).toMatchObject({ settled: 1, open: 3, agreed: { settled: 1, open: 0 } });
  });

  it('is read from the document alone: a fresh comparison of a saved and reloaded document gives the same', () => {
    let doc = base;
    for (const item of compareLayers(base, 'me', 'col').items.filter((i) => i.kind === 'span'))
      doc = decideItem(doc, item.id, { kind: item.b ? 'acceptB' : 'reject' });
    const reloaded = ArticleDocSchema.parse(JSON.parse(JSON.stringify(doc)));
    const p = articleReviewProgress(reloaded, layers);
    expect(p.items.map((x) => x.status)).toEqual(articleReviewProgress(doc, layers).items.map((x) => x.status));
    expect(p.items.map((x) => x.status)).toEqual(['acceptedB', 'acceptedB', 'open', 'rejected']);
  });

  it('adds up over articles', () => {
    const done = compareLayers(base, 'me', 'col').items.reduce((d, item) => decideItem(d, item.id, { kind: 'reject' }), base);
    const all = overallProgress([articleReviewProgress(base, layers), articleReviewProgress(done, layers)]);
    expect(all).toMatchObject({ articles: 2, articlesDone: 1, settled: 4, open: 4, differences: { settled: 3, open: 3 } });
    expect(overallProgress([])).toMatchObject({ articles: 0, settled: 0, open: 0 });
  });

  it('steps to the next or previous open difference, wrapping round, skipping agreed and settled ones', () => {
    const p = articleReviewProgress(base, layers);
    const ids = p.items.map((x) => x.item.id);
    expect(nextOpen(p, null)?.id).toBe(ids[1]);
    expect(nextOpen(p, ids[1]!)?.id).toBe(ids[2]);
    expect(nextOpen(p, ids[3]!)?.id).toBe(ids[1]);
    expect(nextOpen(p, ids[1]!, -1)?.id).toBe(ids[3]);
    const settled = decideItem(base, ids[2]!, { kind: 'reject' });
    expect(nextOpen(articleReviewProgress(settled, layers), ids[1]!)?.id).toBe(ids[3]);
    const done = ids.reduce((d, id) => decideItem(d, id, { kind: 'reject' }), base);
    expect(nextOpen(articleReviewProgress(done, layers), null)).toBeNull();
  });
});

describe('review properties', () => {
  const spanArb = fc.record({
    who: fc.constantFrom('me', 'col'),
    label: fc.constantFrom('Cue', 'Source'),
    s: fc.nat(TEXT.length - 2),
    l: fc.integer({ min: 1, max: 12 }),
  });
  const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
    fc.constantFrom<Decision>({ kind: 'acceptA' }, { kind: 'acceptB' }, { kind: 'acceptBoth' }, { kind: 'reject' }, { kind: 'reopen' }),
    fc
      .record({ s: fc.nat(TEXT.length - 2), l: fc.integer({ min: 1, max: 9 }) })
      .map(({ s, l }): Decision => ({ kind: 'edit', label: 'Cue', fragments: [{ start: s, end: Math.min(TEXT.length, s + l) }] })),
  );

  it('random decisions keep the document valid, match the status read back, and undo to the start', () => {
    fc.assert(
      fc.property(
        fc.array(spanArb, { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), decisionArb), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('speaker', 'source')), { maxLength: 5 }),
        (spans, steps, links) => {
          const annotations = spans.map((x, i) => ann(`${x.who}${i}`, x.who, x.label, [[x.s, Math.min(TEXT.length, x.s + x.l)]]));
          const relations = links
            .map(([f, t, type], i) => {
              const from = annotations[f % Math.max(1, annotations.length)];
              const to = annotations[t % Math.max(1, annotations.length)];
              return from && to && from.id !== to.id && from.author === to.author ? rel(`r${i}`, from.author, type, from.id, to.id) : null;
            })
            .filter((r) => r !== null);
          const start = articleDoc(annotations, relations);
          let doc = start;
          const history: Edit[] = [];
          const first = acceptAgreed(ctx(doc));
          if (first.ok && first.value) {
            history.push(first.value);
            doc = applyEdit(doc, first.value);
          }
          for (const [pick, decision] of steps) {
            const items = compareLayers(doc, 'me', 'col').items;
            if (items.length === 0) break;
            const item = items[pick % items.length]!;
            const r = decide(ctx(doc), item.id, decision);
            if (!r.ok || !r.value) continue;
            history.push(r.value);
            doc = applyEdit(doc, r.value);
            expect(ArticleDocSchema.safeParse(doc).success).toBe(true);
            const status = reviewProgress(doc, compareLayers(doc, 'me', 'col'), 'reviewed').items.find((x) => x.item.id === item.id)!.status;
            const expected: Record<string, string[]> = {
              acceptA: ['acceptedA', 'rejected'],
              acceptB: ['acceptedB', 'rejected'],
              acceptBoth: ['acceptedBoth', 'acceptedA', 'acceptedB'],
              reject: ['rejected'],
              reopen: ['open', 'moot'],
              edit: ['edited'],
            };
            expect(expected[decision.kind]).toContain(status);
            // Every reviewed link joins two reviewed annotations.
            const reviewedIds = new Set(doc.annotations.filter((a) => a.author === 'reviewed').map((a) => a.id));
            for (const rl of doc.relations.filter((x) => x.author === 'reviewed')) expect(reviewedIds.has(rl.from) && reviewedIds.has(rl.to)).toBe(true);
          }
          for (const edit of history.reverse()) doc = applyEdit(doc, invertEdit(edit));
          expect(doc).toEqual(start);
        },
      ),
      { numRuns: 150 },
    );
  });
});
