import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, canonicalDoc } from '../../../../src/core/edits/apply';
import { annotationsById } from '../../../../src/core/edits/annotation-ids';
import { invertCommand, type DocCommand } from '../../../../src/core/edits/commands';
import {
  createAnnotation,
  deleteAnnotations,
  linkAnnotations,
  patchAnnotation,
  addFragment,
  removeFragment,
  setAttribute,
  unlink,
} from '../../../../src/core/edits/builders';
import { EMPTY_HISTORY, recordEdit, recordOrMerge, takeRedo, takeUndo, type History } from '../../../../src/core/edits/history';
import type { Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { fragmentProblem } from '../../../../src/core/model/annotation';

const LABELS = ['claim', 'quote', 'actor', 'event'];

function docOf(text: string): ArticleDoc {
  return {
    article: { id: 'a_1', title: 't', source: 's', importedAt: '2026-01-01T00:00:00.000Z', hash: '0'.repeat(64), text },
    annotations: [],
    relations: [],
  };
}

type Step =
  | { kind: 'create'; label: number; a: number; b: number; c: number; d: number; twoFragments: boolean }
  | { kind: 'delete'; pick: number }
  | { kind: 'relabel'; pick: number; label: number }
  | { kind: 'note'; pick: number; note: string }
  | { kind: 'fragment'; pick: number; a: number; b: number }
  | { kind: 'link'; from: number; to: number }
  | { kind: 'unfragment'; pick: number; index: number }
  | { kind: 'attribute'; pick: number; value: boolean | string }
  | { kind: 'unlink'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), label: fc.nat(3), a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat(), twoFragments: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat(), label: fc.nat(3) }),
  fc.record({ kind: fc.constant('note' as const), pick: fc.nat(), note: fc.string() }),
  fc.record({ kind: fc.constant('fragment' as const), pick: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('link' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('unfragment' as const), pick: fc.nat(), index: fc.nat(3) }),
  fc.record({ kind: fc.constant('attribute' as const), pick: fc.nat(), value: fc.oneof(fc.boolean(), fc.string()) }),
  fc.record({ kind: fc.constant('unlink' as const), pick: fc.nat() }),
);

const NOW = '2026-02-02T00:00:00.000Z';
const BY = { author: 'me', now: NOW };

/** Turns a random step into a command against the current document, or null when it does not apply. */
function commandFor(doc: ArticleDoc, step: Step): DocCommand | null {
  const n = doc.article.text.length;
  const pick = (i: number) => doc.annotations[i % Math.max(1, doc.annotations.length)];
  const range = (x: number, y: number) => {
    const s = x % (n + 1);
    const e = y % (n + 1);
    return { start: Math.min(s, e), end: Math.max(s, e) };
  };
  switch (step.kind) {
    case 'create': {
      const fragments = [range(step.a, step.b), ...(step.twoFragments ? [range(step.c, step.d)] : [])];
      const r = createAnnotation(doc, { label: LABELS[step.label]!, fragments }, BY);
      return r.ok ? r.value.command : null;
    }
    case 'delete': {
      const a = pick(step.pick);
      const r = a && deleteAnnotations(doc, [a.id]);
      return r && r.ok ? r.value : null;
    }
    case 'relabel': {
      const a = pick(step.pick);
      const r = a && patchAnnotation(doc, a.id, { label: LABELS[step.label]! }, NOW);
      return r && r.ok ? r.value : null;
    }
    case 'note': {
      const a = pick(step.pick);
      const r = a && patchAnnotation(doc, a.id, { note: step.note }, NOW);
      return r && r.ok ? r.value : null;
    }
    case 'fragment': {
      const a = pick(step.pick);
      const r = a && addFragment(doc, a.id, range(step.a, step.b), NOW);
      return r && r.ok ? r.value : null;
    }
    case 'link': {
      const from = pick(step.from);
      const to = pick(step.to);
      const r = from && to && linkAnnotations(doc, { type: 'speaker', from: from.id, to: to.id }, BY);
      return r && r.ok ? r.value.command : null;
    }
    case 'unfragment': {
      const a = pick(step.pick);
      const r = a && removeFragment(doc, a.id, step.index, NOW);
      return r && r.ok ? r.value : null;
    }
    case 'attribute': {
      const a = pick(step.pick);
      const r = a && setAttribute(doc, a.id, 'checkWorthy', step.value, NOW);
      return r && r.ok ? r.value : null;
    }
    case 'unlink': {
      const relation = doc.relations[step.pick % Math.max(1, doc.relations.length)];
      const r = relation && unlink(doc, relation.id);
      return r && r.ok ? r.value : null;
    }
  }
}

describe('applyCommand', () => {
  it('undo after apply restores the exact state, offsets stay inside the text, sorted and disjoint, and the document stays in canonical order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.array(stepArb, { maxLength: 40 }), (text, steps) => {
        let doc = docOf(text);
        for (const step of steps) {
          const command = commandFor(doc, step);
          if (!command) continue;
          const applied = applyCommand(doc, command);
          expect(applied.ok).toBe(true);
          if (!applied.ok) return;
          const undone = applyCommand(applied.value, invertCommand(command));
          expect(undone.ok).toBe(true);
          if (undone.ok) expect(undone.value).toEqual(doc);
          doc = applied.value;
          for (const a of doc.annotations) expect(fragmentProblem(a.fragments, text.length)).toBeNull();
          // Inserts and moves put items in place (binary search) instead of re-sorting: the result
          // must still be the canonical order a full sort gives.
          expect(doc).toEqual(canonicalDoc(doc));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each document’s id map true to its annotations, whichever document an edit is applied to (branches, undo), and refuses an id already there', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.array(fc.tuple(stepArb, fc.nat()), { maxLength: 40 }), (text, steps) => {
        // Every document made so far: an edit goes to the newest, or to an older one (a branch,
        // as after an undo that handed back an older document), whose id map has moved on.
        const made = [docOf(text)];
        for (const [step, back] of steps) {
          const doc = made[back % 3 === 0 ? back % made.length : made.length - 1]!;
          const command = commandFor(doc, step);
          if (!command) continue;
          const applied = applyCommand(doc, command);
          expect(applied.ok).toBe(true);
          if (!applied.ok) return;
          made.push(applied.value);
          for (const d of [doc, applied.value]) expect(annotationsById(d.annotations)).toEqual(new Map(d.annotations.map((a) => [a.id, a])));
          const existing = applied.value.annotations[0];
          if (existing) {
            const twice = applyCommand(applied.value, { op: 'insert', annotations: [{ ...existing }], relations: [] });
            expect(twice.ok).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a stale update and leaves the document as it was', () => {
    const doc = docOf('Trump said the talks would happen.');
    const created = createAnnotation(doc, { label: 'actor', fragments: [{ start: 0, end: 5 }] }, BY);
    if (!created.ok) throw new Error('setup');
    const withOne = applyCommand(doc, created.value.command);
    if (!withOne.ok) throw new Error('setup');
    const stale: DocCommand = { op: 'update', id: created.value.annotation.id, before: { label: 'quote' }, after: { label: 'claim' } };
    const result = applyCommand(withOne.value, stale);
    expect(result.ok).toBe(false);
  });

  it('refuses to remove an annotation while leaving its relations dangling', () => {
    let doc = docOf('“We will meet,” Putin said.');
    const quote = createAnnotation(doc, { label: 'quote', fragments: [{ start: 0, end: 15 }] }, BY);
    const actor = createAnnotation(doc, { label: 'actor', fragments: [{ start: 16, end: 21 }] }, BY);
    if (!quote.ok || !actor.ok) throw new Error('setup');
    for (const c of [quote.value.command, actor.value.command]) {
      const r = applyCommand(doc, c);
      if (r.ok) doc = r.value;
    }
    const link = linkAnnotations(doc, { type: 'speaker', from: quote.value.annotation.id, to: actor.value.annotation.id }, BY);
    if (!link.ok) throw new Error('setup');
    const linked = applyCommand(doc, link.value.command);
    if (!linked.ok) throw new Error('setup');
    const bare: DocCommand = { op: 'remove', annotations: [actor.value.annotation], relations: [] };
    expect(applyCommand(linked.value, bare).ok).toBe(false);
    const full = deleteAnnotations(linked.value, [actor.value.annotation.id]);
    expect(full.ok && applyCommand(linked.value, full.value).ok).toBe(true);
  });
});

/** Applies a doc edit of the one test article (the history tests use no schema edits). */
function applyDocEdit(doc: ArticleDoc, edit: Edit): ArticleDoc {
  if (edit.kind !== 'doc') throw new Error('only doc edits here');
  const r = applyCommand(doc, edit.command);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

describe('undo history over random edit sequences', () => {
  it('undoing everything gives back the exact start, and redoing everything the exact end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), fc.array(stepArb, { maxLength: 30 }), (text, steps) => {
        const start = docOf(text);
        let doc = start;
        let history: History = EMPTY_HISTORY;
        const states = [doc];
        for (const step of steps) {
          const command = commandFor(doc, step);
          if (!command) continue;
          const edit: Edit = { kind: 'doc', articleId: 'a_1', command };
          doc = applyDocEdit(doc, edit);
          history = recordEdit(history, edit);
          states.push(doc);
        }
        const end = doc;
        for (let i = states.length - 2; i >= 0; i--) {
          const undo = takeUndo(history)!;
          doc = applyDocEdit(doc, undo.apply);
          history = undo.history;
          expect(doc).toEqual(states[i]);
        }
        expect(takeUndo(history)).toBeNull();
        expect(doc).toEqual(start);
        for (;;) {
          const redo = takeRedo(history);
          if (!redo) break;
          doc = applyDocEdit(doc, redo.apply);
          history = redo.history;
        }
        expect(doc).toEqual(end);
      }),
      { numRuns: 200 },
    );
  });

  it('a new edit after an undo drops what could be redone', () => {
    const doc = docOf('Putin said so.');
    const a = createAnnotation(doc, { label: 'actor', fragments: [{ start: 0, end: 5 }] }, BY);
    if (!a.ok) throw new Error('setup');
    const edit: Edit = { kind: 'doc', articleId: 'a_1', command: a.value.command };
    const undone = takeUndo(recordEdit(EMPTY_HISTORY, edit))!.history;
    expect(undone.undone).toHaveLength(1);
    expect(recordEdit(undone, edit).undone).toHaveLength(0);
  });

  it('keeps at most the given number of edits', () => {
    const doc = docOf('Putin said so.');
    const a = createAnnotation(doc, { label: 'actor', fragments: [{ start: 0, end: 5 }] }, BY);
    if (!a.ok) throw new Error('setup');
    const edit: Edit = { kind: 'doc', articleId: 'a_1', command: a.value.command };
    let history: History = EMPTY_HISTORY;
    for (let i = 0; i < 12; i++) history = recordEdit(history, edit, 10);
    expect(history.done).toHaveLength(10);
  });
});

describe('merging note edits typed in bursts', () => {
  it('two note updates of one annotation become one entry whose undo restores the first note', () => {
    let doc = docOf('“We will meet,” Putin said.');
    const a = createAnnotation(doc, { label: 'quote', fragments: [{ start: 0, end: 15 }] }, BY);
    if (!a.ok) throw new Error('setup');
    doc = applyDocEdit(doc, { kind: 'doc', articleId: 'a_1', command: a.value.command });
    const start = doc;
    const id = a.value.annotation.id;
    let history: History = EMPTY_HISTORY;
    for (const note of ['dir', 'direct quote']) {
      const c = patchAnnotation(doc, id, { note }, NOW);
      if (!c.ok) throw new Error('setup');
      const edit: Edit = { kind: 'doc', articleId: 'a_1', command: c.value };
      doc = applyDocEdit(doc, edit);
      history = recordOrMerge(history, edit, true);
    }
    expect(history.done).toHaveLength(1);
    const undo = takeUndo(history)!;
    expect(applyDocEdit(doc, undo.apply)).toEqual(start);
    const other = patchAnnotation(doc, id, { label: 'claim' }, NOW);
    if (!other.ok) throw new Error('setup');
    expect(recordOrMerge(history, { kind: 'doc', articleId: 'a_1', command: other.value }, true).done).toHaveLength(2);
  });
});
