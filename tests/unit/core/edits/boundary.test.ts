import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dropBoundary, moveBoundaryCommand, setBoundary, stepBoundary, type Edge } from '../../../../src/core/edits/boundary';
import { applyCommand, canonicalDoc } from '../../../../src/core/edits/apply';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { EMPTY_HISTORY, recordEdit, takeUndo, type History } from '../../../../src/core/edits/history';
import { fragmentProblem } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';

const TEXT = 'The minister said: "We will not raise taxes," adding that co-operation was key.';

function docWith(text: string, fragments: { start: number; end: number }[]): ArticleDoc {
  const doc: ArticleDoc = {
    article: { id: 'a_1', title: 't', source: 's', importedAt: '2026-01-01T00:00:00.000Z', hash: '0'.repeat(64), text },
    annotations: [],
    relations: [],
  };
  const made = createAnnotation(
    doc,
    { label: 'quote', fragments, note: 'kept', attributes: { direct: true }, id: 'ann_1' },
    { author: 'me', now: '2026-01-01T00:00:00.000Z' },
  );
  if (!made.ok) throw new Error('fixture');
  const applied = applyCommand(doc, made.value.command);
  if (!applied.ok) throw new Error('fixture');
  return applied.value;
}

const slice = (f: { start: number; end: number }[] | null) => (f ? TEXT.slice(f[0]!.start, f[f.length - 1]!.end) : null);

describe('stepBoundary', () => {
  const minister = [{ start: 4, end: 12 }];
  it('extends and shrinks the end by a word', () => {
    expect(slice(stepBoundary(TEXT, minister, 'end', 1, true))).toBe('minister said');
    expect(stepBoundary(TEXT, [{ start: 4, end: 17 }], 'end', -1, true)).toEqual([{ start: 4, end: 12 }]);
  });
  it('extends and shrinks the start by a word', () => {
    expect(slice(stepBoundary(TEXT, minister, 'start', -1, true))).toBe('The minister');
    expect(slice(stepBoundary(TEXT, [{ start: 0, end: 17 }], 'start', 1, true))).toBe('minister said');
  });
  it('moves by one character when snapping is off', () => {
    expect(slice(stepBoundary(TEXT, minister, 'end', -1, false))).toBe('ministe');
    expect(slice(stepBoundary(TEXT, minister, 'start', -1, false))).toBe(' minister');
  });
  it('treats a hyphenated word as one word', () => {
    const adding = TEXT.indexOf('that');
    expect(slice(stepBoundary(TEXT, [{ start: adding, end: adding + 4 }], 'end', 1, true))).toBe('that co-operation');
  });
  it('refuses moves at the text edge, and moves that would empty the span', () => {
    expect(stepBoundary(TEXT, [{ start: 0, end: 3 }], 'start', -1, true)).toBeNull();
    expect(stepBoundary(TEXT, [{ start: 0, end: TEXT.length }], 'end', 1, false)).toBeNull();
    expect(stepBoundary(TEXT, [{ start: 4, end: 12 }], 'end', -1, true)).toBeNull();
    expect(stepBoundary(TEXT, [{ start: 4, end: 5 }], 'start', 1, false)).toBeNull();
  });
  it('moves only the outer ends of a discontinuous span', () => {
    const two = [
      { start: 4, end: 12 },
      { start: 20, end: 30 },
    ];
    expect(stepBoundary(TEXT, two, 'end', 1, false)).toEqual([
      { start: 4, end: 12 },
      { start: 20, end: 31 },
    ]);
    expect(stepBoundary(TEXT, two, 'start', 1, false)).toEqual([
      { start: 5, end: 12 },
      { start: 20, end: 30 },
    ]);
  });
});

describe('dropBoundary', () => {
  it('snaps a dropped end to the end of the word under it, unless snapping is off', () => {
    const said = TEXT.indexOf('said');
    expect(slice(dropBoundary(TEXT, [{ start: 4, end: 12 }], 'end', said + 2, true))).toBe('minister said');
    expect(slice(dropBoundary(TEXT, [{ start: 4, end: 12 }], 'end', said + 2, false))).toBe('minister sa');
  });
  it('snaps a dropped start to the start of its word and never onto a space', () => {
    expect(slice(dropBoundary(TEXT, [{ start: 4, end: 12 }], 'start', 2, true))).toBe('The minister');
    expect(slice(dropBoundary(TEXT, [{ start: 17, end: 18 }], 'start', 12, true))).toBe('said:');
  });
  it('refuses a drop past the other end, or where the boundary already is', () => {
    expect(dropBoundary(TEXT, [{ start: 4, end: 12 }], 'start', 20, true)).toBeNull();
    expect(dropBoundary(TEXT, [{ start: 4, end: 12 }], 'end', 10, true)).toBeNull();
    expect(setBoundary(TEXT, [{ start: 4, end: 12 }], 'end', 12)).toBeNull();
  });
});

describe('moveBoundaryCommand', () => {
  it('keeps the note, attributes and id, and recomputes the quote', () => {
    const doc = docWith(TEXT, [{ start: 4, end: 12 }]);
    const made = moveBoundaryCommand(doc, 'ann_1', stepBoundary(TEXT, doc.annotations[0]!.fragments, 'end', 1, true), '2026-01-02T00:00:00.000Z');
    if (!made.ok || !made.value) throw new Error('expected a command');
    const after = applyCommand(doc, made.value);
    if (!after.ok) throw new Error('apply');
    const a = after.value.annotations[0]!;
    expect([a.id, a.note, a.attributes, a.quote]).toEqual(['ann_1', 'kept', { direct: true }, 'minister said']);
  });
  it('gives no command for a no-op', () => {
    const doc = docWith(TEXT, [{ start: 0, end: 3 }]);
    expect(moveBoundaryCommand(doc, 'ann_1', stepBoundary(TEXT, doc.annotations[0]!.fragments, 'start', -1, true), 'x')).toEqual({ ok: true, value: null });
    expect(moveBoundaryCommand(doc, 'ann_1', [{ start: 0, end: 3 }], 'x')).toEqual({ ok: true, value: null });
    expect(moveBoundaryCommand(doc, 'nope', null, 'x').ok).toBe(false);
  });
});

describe('boundary moves as undoable edits (property)', () => {
  const move = fc.record({
    edge: fc.constantFrom<Edge>('start', 'end'),
    direction: fc.constantFrom<1 | -1>(1, -1),
    byWord: fc.boolean(),
    drop: fc.option(fc.nat(TEXT.length), { nil: undefined }),
  });
  it('any sequence of moves, each one undo step, undone in full returns the original; a no-op records nothing', () => {
    fc.assert(
      fc.property(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 20 }), fc.array(move, { maxLength: 30 }), (start, length, moves) => {
        const end = Math.min(TEXT.length, start + length);
        let doc = docWith(TEXT, [{ start, end }]);
        const original = canonicalDoc(doc);
        let history: History = EMPTY_HISTORY;
        for (const m of moves) {
          const fragments = doc.annotations[0]!.fragments;
          const next =
            m.drop === undefined ? stepBoundary(TEXT, fragments, m.edge, m.direction, m.byWord) : dropBoundary(TEXT, fragments, m.edge, m.drop, m.byWord);
          const made = moveBoundaryCommand(doc, 'ann_1', next, '2026-01-02T00:00:00.000Z');
          if (!made.ok) throw new Error(made.errors[0]!.message);
          const before = history.done.length;
          if (made.value) {
            const applied = applyCommand(doc, made.value);
            if (!applied.ok) throw new Error('a boundary move did not apply');
            doc = applied.value;
            history = recordEdit(history, { kind: 'doc', articleId: 'a_1', command: made.value });
            expect(history.done.length).toBe(before + 1);
          } else expect(next === null || next.every((f, i) => f.start === fragments[i]!.start && f.end === fragments[i]!.end)).toBe(true);
          expect(fragmentProblem(doc.annotations[0]!.fragments, TEXT.length)).toBeNull();
        }
        for (let undo = takeUndo(history); undo; undo = takeUndo(history)) {
          if (undo.apply.kind !== 'doc') throw new Error('doc edits only');
          const applied = applyCommand(doc, undo.apply.command);
          if (!applied.ok) throw new Error('undo did not apply');
          doc = applied.value;
          history = undo.history;
        }
        expect(canonicalDoc(doc)).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });
});
