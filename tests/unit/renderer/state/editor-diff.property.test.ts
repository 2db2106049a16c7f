import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../src/core/model/annotation';
import { countByAuthor } from '../../../../src/core/model/document';
import { isRejectedLayer } from '../../../../src/core/review/ids';
import { AuthorCounts, changedRange } from '../../../../src/renderer/state/editor-diff';
import { visibleAnnotations } from '../../../../src/renderer/state/editor-visible';
import type { Filters } from '../../../../src/renderer/state/editor-store';
import { pendingReview } from '../../../../src/renderer/features/editor/pending-review';
import { REANCHOR_MARKER } from '../../../../src/core/edits/update-text';
import { SpanIndex } from '../../../../src/renderer/features/editor/span-index';
import { edit, step } from '../features/editor/edit-sequences';

const doc = (annotations: readonly Annotation[]) => ({
  article: { id: 'x', title: '', source: '', importedAt: '', hash: '', text: '' },
  annotations: [...annotations],
  relations: [],
});
const SHOWN: Filters = { hiddenLabels: [], hiddenAuthors: [], showCompanions: false };

describe('changedRange', () => {
  it('names the one part that differs: prefix and suffix kept, the middle replaced, gives the new list', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 })), fc.array(fc.nat({ max: 5 })), (a, b) => {
        const items = Array.from({ length: 6 }, (_, i) => ({ i }));
        const before = a.map((i) => items[i]!);
        const after = b.map((i) => items[i]!);
        const r = changedRange(before, after);
        expect([...before.slice(0, r.start), ...after.slice(r.start, r.afterEnd), ...before.slice(r.beforeEnd)]).toEqual(after);
        expect(before.length - r.beforeEnd).toBe(after.length - r.afterEnd);
        // The prefix and suffix are as long as they can be.
        if (r.start < Math.min(r.beforeEnd, r.afterEnd)) expect(before[r.start]).not.toBe(after[r.start]);
        if (r.beforeEnd > r.start && r.afterEnd > r.start) expect(before[r.beforeEnd - 1]).not.toBe(after[r.afterEnd - 1]);
      }),
    );
  });
});

describe('kept up to date from each edit', () => {
  it('per-author counts, companions, visible list, pending review and the span index equal their rebuilds', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const counts = new AuthorCounts();
        const index = new SpanIndex();
        let list: readonly Annotation[] = [];
        for (const s of steps) {
          list = edit(list, s);
          counts.update(list);
          expect({ ...counts.toRecord() }).toEqual({ ...countByAuthor(doc(list)) });
          expect(counts.someAuthor(isRejectedLayer)).toBe(list.some((a) => isRejectedLayer(a.author)));
          expect(visibleAnnotations(list, SHOWN)).toEqual(list.filter((a) => !isRejectedLayer(a.author)));
          expect(pendingReview(list)).toEqual(list.filter((a) => a.attributes[REANCHOR_MARKER] !== undefined));
          index.update(list);
          const fresh = new SpanIndex();
          fresh.update([...list]);
          expect(index.snapshot()).toEqual(fresh.snapshot());
          expect(index.size).toBe(fresh.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with nothing filtered, the visible list is the document’s own array (no copy per edit)', () => {
    const list = edit([], { kind: 'add', id: 1, fragments: [{ start: 0, end: 3 }], author: 0 });
    expect(visibleAnnotations(list, SHOWN)).toBe(list);
  });
});
