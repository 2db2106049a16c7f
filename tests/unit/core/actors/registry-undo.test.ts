import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, findEntity, registryProblem } from '../../../../src/core/actors/entity';
import {
  createAndLink,
  deleteEntity,
  linkMention,
  linkSameText,
  mentionRefs,
  mergeEntities,
  splitMentions,
  unlinkMention,
} from '../../../../src/core/actors/mention-edits';
import { entityCounts } from '../../../../src/core/actors/queries';
import {
  addAlias,
  createEntity,
  removeAlias,
  renameEntity,
  setEntityKind,
  setEntityNote,
  setEntityProperty,
  setExternalId,
} from '../../../../src/core/actors/registry-edits';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { EMPTY_HISTORY, recordEdit, takeRedo, takeUndo, type History } from '../../../../src/core/edits/history';
import type { Result } from '../../../../src/core/model/result';
import { apply, expectNoDanglingLinks, expectSameState, linkedWorld, NOW, type World } from './world';

const NAMES = ['Zelensky', 'Vladimir Putin', 'Putin', 'Donald Trump', 'the Kremlin', 'Erdoğan', 'Sergei Lavrov', 'Зеленский'];

type Step =
  | { op: 'create'; name: number; kind: number }
  | { op: 'createLink'; doc: number; span: number }
  | { op: 'rename'; pick: number; name: number; keep: boolean }
  | { op: 'kind'; pick: number; kind: number }
  | { op: 'property'; pick: number; key: number; value: string }
  | { op: 'externalId'; pick: number; value: string | null }
  | { op: 'note'; pick: number; note: string }
  | { op: 'alias'; pick: number; name: number }
  | { op: 'unalias'; pick: number; alias: number }
  | { op: 'link'; doc: number; span: number; pick: number; sameText: boolean }
  | { op: 'unlink'; span: number }
  | { op: 'merge'; keep: number; gone: number }
  | { op: 'split'; pick: number; mask: number; name: number }
  | { op: 'delete'; pick: number };

const nat = fc.nat(1000);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), name: nat, kind: nat }),
  fc.record({ op: fc.constant('createLink' as const), doc: nat, span: nat }),
  fc.record({ op: fc.constant('rename' as const), pick: nat, name: nat, keep: fc.boolean() }),
  fc.record({ op: fc.constant('kind' as const), pick: nat, kind: nat }),
  fc.record({ op: fc.constant('property' as const), pick: nat, key: fc.nat(3), value: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('externalId' as const), pick: nat, value: fc.oneof(fc.constant(null), fc.constantFrom('Q7747', 'Q3874799', 'GND:118607626')) }),
  fc.record({ op: fc.constant('note' as const), pick: nat, note: fc.string({ maxLength: 12 }) }),
  fc.record({ op: fc.constant('alias' as const), pick: nat, name: nat }),
  fc.record({ op: fc.constant('unalias' as const), pick: nat, alias: nat }),
  fc.record({ op: fc.constant('link' as const), doc: nat, span: nat, pick: nat, sameText: fc.boolean() }),
  fc.record({ op: fc.constant('unlink' as const), span: nat }),
  fc.record({ op: fc.constant('merge' as const), keep: nat, gone: nat }),
  fc.record({ op: fc.constant('split' as const), pick: nat, mask: fc.nat(255), name: nat }),
  fc.record({ op: fc.constant('delete' as const), pick: nat }),
);

/** The edit a random step asks for in this state, or null when the builder refuses it (which is fine). */
function editFor(state: World, step: Step, now: string): Edit | null {
  const { registry } = state;
  const docs = [...state.docs.values()];
  const entity = (i: number) => registry.entities[i % Math.max(1, registry.entities.length)];
  const span = (d: number, s: number) => {
    const doc = docs[d % docs.length]!;
    return { doc, annotation: doc.annotations[s % doc.annotations.length]! };
  };
  const value = <T>(r: Result<T>, get: (v: T) => Edit): Edit | null => (r.ok ? get(r.value) : null);
  const id = (e: ReturnType<typeof entity>) => e?.id ?? 'none';
  switch (step.op) {
    case 'create':
      return value(createEntity(registry, { name: NAMES[step.name % NAMES.length]!, kind: ACTOR_KINDS[step.kind % ACTOR_KINDS.length]! }, now), (v) => v.edit);
    case 'createLink': {
      const { doc, annotation } = span(step.doc, step.span);
      return value(createAndLink(registry, doc, annotation.id, {}, now), (v) => v.edit);
    }
    case 'rename':
      return value(renameEntity(registry, id(entity(step.pick)), NAMES[step.name % NAMES.length]!, now, step.keep), (v) => v);
    case 'kind':
      return value(setEntityKind(registry, id(entity(step.pick)), ACTOR_KINDS[step.kind % ACTOR_KINDS.length]!, now), (v) => v);
    case 'property':
      return value(setEntityProperty(registry, id(entity(step.pick)), ['role', 'country', 'gender', 'affiliation'][step.key]!, step.value, now), (v) => v);
    case 'externalId':
      return value(setExternalId(registry, id(entity(step.pick)), step.value, now), (v) => v);
    case 'note':
      return value(setEntityNote(registry, id(entity(step.pick)), step.note, now), (v) => v);
    case 'alias':
      return value(addAlias(registry, id(entity(step.pick)), NAMES[step.name % NAMES.length]!, now), (v) => v);
    case 'unalias': {
      const e = entity(step.pick);
      const alias = e?.aliases[step.alias % Math.max(1, e.aliases.length)];
      return alias === undefined ? null : value(removeAlias(registry, e!.id, alias, now), (v) => v);
    }
    case 'link': {
      const { doc, annotation } = span(step.doc, step.span);
      if (step.sameText) return value(linkSameText(registry, doc, annotation.id, id(entity(step.pick)), now), (v) => v.edit);
      return value(linkMention(registry, doc, annotation.id, id(entity(step.pick)), now), (v) => v);
    }
    case 'unlink': {
      const linkedSpans = docs.flatMap((doc) => doc.annotations.filter((a) => a.entity !== undefined).map((a) => ({ doc, a })));
      const pick = linkedSpans[step.span % Math.max(1, linkedSpans.length)];
      return value(unlinkMention(pick?.doc ?? docs[0]!, pick?.a.id ?? 'none', now), (v) => v);
    }
    case 'merge':
      return value(mergeEntities(registry, docs, id(entity(step.keep)), id(entity(step.gone)), now), (v) => v);
    case 'split': {
      const mentioned = registry.entities.filter((e) => mentionRefs(docs, e.id).length > 0);
      const source = mentioned[step.pick % Math.max(1, mentioned.length)];
      const refs = source ? mentionRefs(docs, source.id).filter((_, i) => (step.mask >> (i % 8)) & 1) : [];
      return value(splitMentions(registry, docs, id(source), refs, { name: NAMES[step.name % NAMES.length]! }, now), (v) => v.edit);
    }
    case 'delete':
      return value(deleteEntity(registry, docs, id(entity(step.pick)), now), (v) => v);
  }
}

const RUNS = { seed: 15, numRuns: 120 };

/** A distinct time for each step, so a stale `modified` is caught like any other field. */
function timeOf(step: number): string {
  return new Date(Date.parse(NOW) + (step + 1) * 60_000).toISOString();
}

describe('registry edits over random sequences', () => {
  it('each edit is undone exactly by its inverse, and the registry stays valid with no dangling link', () => {
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        let state = linkedWorld();
        for (const [i, step] of steps.entries()) {
          const edit = editFor(state, step, timeOf(i));
          if (!edit) continue;
          applied.set(step.op, (applied.get(step.op) ?? 0) + 1);
          const next = apply(state, edit);
          expect(registryProblem(next.registry)).toBeNull();
          expectNoDanglingLinks(next);
          expectSameState(apply(next, invertEdit(edit)), state);
          state = next;
        }
      }),
      RUNS,
    );
    // Every kind of edit was really made, not only refused.
    for (const op of [
      'create',
      'createLink',
      'rename',
      'kind',
      'property',
      'externalId',
      'note',
      'alias',
      'unalias',
      'link',
      'unlink',
      'merge',
      'split',
      'delete',
    ]) {
      expect(applied.get(op) ?? 0, op).toBeGreaterThan(5);
    }
  });

  it('undoing the whole history gives back the exact start; redoing it, the exact end', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        const start = linkedWorld();
        let state = start;
        let history: History = EMPTY_HISTORY;
        for (const [i, step] of steps.entries()) {
          const edit = editFor(state, step, timeOf(i));
          if (!edit) continue;
          state = apply(state, edit);
          history = recordEdit(history, edit);
        }
        const end = state;
        for (let undo = takeUndo(history); undo; undo = takeUndo(history)) {
          state = apply(state, undo.apply);
          history = undo.history;
        }
        expectSameState(state, start);
        for (let redo = takeRedo(history); redo; redo = takeRedo(history)) {
          state = apply(state, redo.apply);
          history = redo.history;
        }
        expectSameState(state, end);
      }),
      RUNS,
    );
  });
});

describe('merge and split', () => {
  function ok<T>(r: Result<T>): T {
    if (!r.ok) throw new Error(r.errors[0]!.message);
    return r.value;
  }

  it('merging moves every mention and takes the names as aliases; undo restores exactly', () => {
    let state = linkedWorld();
    const created = ok(
      createEntity(
        state.registry,
        { id: 'ent_zelensky', name: 'Zelensky', properties: { country: 'Ukraine' }, externalId: 'Q3874799', note: 'from the BBC piece' },
        NOW,
      ),
    );
    state = apply(state, created.edit);
    const bbc = state.docs.get('a_001')!;
    const tagged = ok(linkSameText(state.registry, bbc, bbc.annotations.find((a) => a.quote === 'Zelensky')!.id, 'ent_zelensky', NOW));
    expect(tagged.linked).toHaveLength(6);
    state = apply(state, tagged.edit);
    const before = state;
    const counts = entityCounts(state.docs.values());
    expect(counts.get('ent_zelensky')).toEqual({ mentions: 6, articles: 1 });
    expect(counts.get('ent_zelenskyy')).toEqual({ mentions: 5, articles: 1 });

    const merge = ok(mergeEntities(state.registry, [...state.docs.values()], 'ent_zelenskyy', 'ent_zelensky', NOW));
    state = apply(state, merge);
    expect(findEntity(state.registry, 'ent_zelensky')).toBeUndefined();
    const kept = findEntity(state.registry, 'ent_zelenskyy')!;
    expect(kept).toMatchObject({
      name: 'Volodymyr Zelenskyy',
      aliases: ['Zelensky'],
      properties: { country: 'Ukraine' },
      externalId: 'Q3874799',
      note: 'from the BBC piece',
    });
    expect(entityCounts(state.docs.values()).get('ent_zelenskyy')).toEqual({ mentions: 11, articles: 2 });

    expectSameState(apply(state, invertEdit(merge)), before);
  });

  it('splitting mentions off and merging them back restores every link', () => {
    const start = linkedWorld();
    const docs = [...start.docs.values()];
    const putin = mentionRefs(docs, 'ent_putin');
    const second = putin.filter((r) => r.articleId === 'a_001');
    const split = ok(splitMentions(start.registry, docs, 'ent_putin', second, { name: 'Vladimir Putin', id: 'ent_putin2' }, NOW));
    expect(split.entity.kind).toBe('person');
    let state = apply(start, split.edit);
    expect(mentionRefs(state.docs.values(), 'ent_putin2')).toEqual(second);
    expect(mentionRefs(state.docs.values(), 'ent_putin')).toHaveLength(putin.length - second.length);

    state = apply(state, ok(mergeEntities(state.registry, [...state.docs.values()], 'ent_putin', 'ent_putin2', NOW)));
    expect(mentionRefs(state.docs.values(), 'ent_putin')).toEqual(putin);
    expect(state.registry.entities.map((e) => e.id)).toEqual(start.registry.entities.map((e) => e.id));
    expect(findEntity(state.registry, 'ent_putin')!.aliases).toEqual([]);
  });

  it('refuses what cannot be done, changing nothing', () => {
    const state = linkedWorld();
    const docs = [...state.docs.values()];
    expect(mergeEntities(state.registry, docs, 'ent_putin', 'ent_putin', NOW)).toMatchObject({ ok: false });
    expect(mergeEntities(state.registry, docs, 'ent_putin', 'ent_nobody', NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'There is no actor ent_nobody.' }],
    });
    const zelenskyyMention = mentionRefs(docs, 'ent_zelenskyy')[0]!;
    expect(splitMentions(state.registry, docs, 'ent_putin', [zelenskyyMention], { name: 'X' }, NOW)).toMatchObject({ ok: false });
    expect(splitMentions(state.registry, docs, 'ent_putin', [], { name: 'X' }, NOW)).toMatchObject({ ok: false });
    // A merge built without the documents that mention the gone entity cannot move its mentions.
    expect(mergeEntities(state.registry, docs.slice(0, 1), 'ent_zelenskyy', 'ent_putin', NOW)).toMatchObject({ ok: true });
    const stale = ok(mergeEntities(state.registry, docs, 'ent_zelenskyy', 'ent_putin', NOW));
    const renamed = apply(state, ok(renameEntity(state.registry, 'ent_zelenskyy', 'Zelenskyy', '2026-03-02T00:00:00.000Z')));
    expect(() => apply(renamed, stale)).toThrow(/changed since this edit was made/);
  });
});
