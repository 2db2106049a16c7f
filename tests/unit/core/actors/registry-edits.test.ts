import { describe, expect, it } from 'vitest';
import { ActorRegistrySchema, EMPTY_REGISTRY, externalReference, findEntity, registryProblem, type ActorRegistry } from '../../../../src/core/actors/entity';
import { createAndLink, linkMention, unlinkMention } from '../../../../src/core/actors/mention-edits';
import { RegistryCommandSchema } from '../../../../src/core/actors/registry-commands';
import { addAlias, createEntity, entitiesNamed, removeAlias, renameEntity, setEntityProperty, setExternalId } from '../../../../src/core/actors/registry-edits';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { EditSchema, type Edit } from '../../../../src/core/edits/commands';
import { describeEdit } from '../../../../src/core/edits/history';
import { parseLede, serializeLede } from '../../../../src/core/formats/lede';
import { AnnotationSchema } from '../../../../src/core/model/annotation';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';
import type { Result } from '../../../../src/core/model/result';
import { apply, linkedWorld, NOW, seedDoc, world } from './world';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

function registryWith(...names: [string, ('person' | 'organisation')?][]): ActorRegistry {
  let registry = EMPTY_REGISTRY;
  for (const [i, [name, kind]] of names.entries()) {
    const edit = ok(createEntity(registry, { name, kind, id: `ent_${i}` }, NOW)).edit;
    registry = apply({ registry, docs: new Map() }, edit).registry;
  }
  return registry;
}

describe('creating and editing entities', () => {
  it('cleans the name, defaults the kind to person and refuses an empty or duplicate name', () => {
    const { entity } = ok(createEntity(EMPTY_REGISTRY, { name: '  Volodymyr   Zelenskyy ' }, NOW));
    expect(entity).toMatchObject({ name: 'Volodymyr Zelenskyy', kind: 'person', aliases: [], properties: {}, note: '', created: NOW });
    expect(entity.id).toMatch(/^ent_[0-9a-f]{20}$/);
    expect(createEntity(EMPTY_REGISTRY, { name: '   ' }, NOW)).toMatchObject({ ok: false, errors: [{ message: 'An actor needs a name.', field: 'name' }] });
    const registry = registryWith(['Recep Tayyip Erdoğan']);
    // The same name up to case and diacritics is the same actor unless the analyst says otherwise.
    expect(createEntity(registry, { name: 'recep tayyip erdogan' }, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'There is already an actor called "Recep Tayyip Erdoğan" (ent_0).' }],
    });
    expect(createEntity(registry, { name: 'Recep Tayyip Erdogan' }, NOW, { allowSameName: true }).ok).toBe(true);
    expect(createEntity(registry, { name: 'Recep Tayyip Erdoğan', kind: 'organisation' }, NOW).ok).toBe(true);
    expect(entitiesNamed(registry, 'RECEP TAYYIP ERDOGAN').map((e) => e.id)).toEqual(['ent_0']);
  });

  it('checks kinds, properties and external ids', () => {
    expect(createEntity(EMPTY_REGISTRY, { name: 'X', kind: 'planet' as never }, NOW)).toMatchObject({ ok: false, errors: [{ field: 'kind' }] });
    expect(createEntity(EMPTY_REGISTRY, { name: 'X', properties: { ' ': 'v' } }, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'A property needs a name.' }],
    });
    expect(createEntity(EMPTY_REGISTRY, { name: 'X', externalId: 'Q 7747' }, NOW)).toMatchObject({ ok: false, errors: [{ field: 'externalId' }] });
    const registry = registryWith(['Vladimir Putin']);
    const set = ok(setExternalId(registry, 'ent_0', ' Q7747 ', NOW));
    const after = apply({ registry, docs: new Map() }, set).registry;
    expect(findEntity(after, 'ent_0')!.externalId).toBe('Q7747');
    const cleared = apply({ registry: after, docs: new Map() }, ok(setExternalId(after, 'ent_0', '', NOW))).registry;
    expect('externalId' in findEntity(cleared, 'ent_0')!).toBe(false);
    expect(setExternalId(cleared, 'ent_0', null, NOW)).toMatchObject({ ok: false, errors: [{ message: 'Nothing changed.' }] });
  });

  it('keeps aliases unique up to case and diacritics, never the canonical name', () => {
    const registry = registryWith(['Recep Tayyip Erdoğan']);
    const state = apply({ registry, docs: new Map() }, ok(addAlias(registry, 'ent_0', 'Erdogan', NOW)));
    expect(findEntity(state.registry, 'ent_0')!.aliases).toEqual(['Erdogan']);
    expect(addAlias(state.registry, 'ent_0', 'ERDOĞAN', NOW)).toMatchObject({
      ok: false,
      errors: [{ message: '"Recep Tayyip Erdoğan" already has the name "ERDOĞAN".' }],
    });
    expect(addAlias(state.registry, 'ent_0', 'recep tayyip erdogan', NOW).ok).toBe(false);
    expect(removeAlias(state.registry, 'ent_0', 'Tayyip', NOW)).toMatchObject({ ok: false });
    const removed = apply(state, ok(removeAlias(state.registry, 'ent_0', 'Erdogan', NOW)));
    expect(findEntity(removed.registry, 'ent_0')!.aliases).toEqual([]);
  });

  it('renames, optionally keeping the old name as an alias', () => {
    const registry = registryWith(['Zelensky']);
    const kept = apply({ registry, docs: new Map() }, ok(renameEntity(registry, 'ent_0', 'Volodymyr Zelenskyy', NOW, true)));
    expect(findEntity(kept.registry, 'ent_0')).toMatchObject({ name: 'Volodymyr Zelenskyy', aliases: ['Zelensky'] });
    const plain = apply({ registry, docs: new Map() }, ok(renameEntity(registry, 'ent_0', 'Volodymyr Zelenskyy', NOW)));
    expect(findEntity(plain.registry, 'ent_0')!.aliases).toEqual([]);
    // A new name that is an existing alias leaves the aliases without it.
    const back = apply(kept, ok(renameEntity(kept.registry, 'ent_0', 'Zelensky', NOW)));
    expect(findEntity(back.registry, 'ent_0')).toMatchObject({ name: 'Zelensky', aliases: [] });
  });

  it('sets and removes free-form properties', () => {
    const registry = registryWith(['Dmitry Peskov']);
    let state = apply({ registry, docs: new Map() }, ok(setEntityProperty(registry, 'ent_0', 'role', 'Kremlin spokesman', NOW)));
    state = apply(state, ok(setEntityProperty(state.registry, 'ent_0', 'country', 'Russia', NOW)));
    expect(findEntity(state.registry, 'ent_0')!.properties).toEqual({ role: 'Kremlin spokesman', country: 'Russia' });
    state = apply(state, ok(setEntityProperty(state.registry, 'ent_0', 'role', '', NOW)));
    expect(findEntity(state.registry, 'ent_0')!.properties).toEqual({ country: 'Russia' });
  });
});

describe('the registry as stored', () => {
  it('is valid only in id order with unique ids and known kinds', () => {
    const registry = registryWith(['A'], ['B']);
    expect(registryProblem(registry)).toBeNull();
    expect(registryProblem({ entities: [...registry.entities].reverse() })).toBe('The actor registry is not in id order.');
    expect(registryProblem({ entities: [registry.entities[0]!, registry.entities[0]!] })).toContain('two entities with the id "ent_0"');
    expect(registryProblem({ entities: [{ ...registry.entities[0]!, kind: 'planet' as never }] })).toContain('entities.0.kind');
    expect(ActorRegistrySchema.safeParse({ entities: [{ ...registry.entities[0]!, name: ' padded' }] }).success).toBe(false);
  });

  it('splits external ids as brat normalisation lines want them', () => {
    expect(externalReference('Q7747')).toEqual({ resource: 'Wikidata', ref: 'Q7747' });
    expect(externalReference('Wikidata:Q7747')).toEqual({ resource: 'Wikidata', ref: 'Q7747' });
    expect(externalReference('GND:118607626')).toEqual({ resource: 'GND', ref: '118607626' });
    expect(externalReference('n79021164')).toEqual({ resource: 'External', ref: 'n79021164' });
  });

  it('serialises registry commands, and refuses malformed ones', () => {
    const edit = ok(createEntity(EMPTY_REGISTRY, { name: 'Kremlin', kind: 'organisation', id: 'ent_k' }, NOW)).edit;
    const roundTrip = EditSchema.safeParse(JSON.parse(JSON.stringify(edit)));
    expect(roundTrip.success && roundTrip.data).toEqual(edit);
    expect(RegistryCommandSchema.safeParse({ op: 'update', id: 'ent_k', before: { colour: 'red' }, after: { colour: 'blue' } }).success).toBe(false);
    expect(RegistryCommandSchema.safeParse({ op: 'insert', entities: [] }).success).toBe(false);
  });
});

describe('links from spans to entities', () => {
  it('old annotations (no entity) still parse, and Lede JSON carries the link both ways', () => {
    const state = linkedWorld();
    const doc = state.docs.get('a_000')!;
    const { entity, ...old } = doc.annotations.find((a) => a.quote === 'Putin')!;
    expect(entity).toBe('ent_putin');
    expect(AnnotationSchema.parse(old)).toEqual(old);
    const file = serializeLede([doc], defaultLabelSchema()).files[0]!.content;
    const parsed = parseLede(file, { author: 'me', keepAuthors: true });
    expect(parsed.ok && parsed.value.documents[0]!.annotations).toEqual(doc.annotations);
  });

  it('the store refuses a link to an unknown entity and a registry step without a registry', () => {
    const state = world();
    const doc = state.docs.get('a_000')!;
    const edit = ok(linkMention(state.registry, doc, doc.annotations[0]!.id, 'ent_putin', NOW));
    const base = { labelSchema: defaultLabelSchema(), docs: state.docs };
    const gone: ActorRegistry = { entities: state.registry.entities.filter((e) => e.id !== 'ent_putin') };
    expect(applyEditToState(edit, { ...base, actors: gone })).toMatchObject({
      ok: false,
      errors: [{ message: 'the actor ent_putin is not in the actor registry' }],
    });
    const create = ok(createEntity(state.registry, { name: 'Sergei Lavrov' }, NOW)).edit;
    expect(applyEditToState(create, base)).toMatchObject({ ok: false, errors: [{ message: 'The actor registry is not loaded, so it cannot be changed.' }] });
    // Creating the entity and linking to it in one batch is fine.
    const lavrov = ok(createEntity(state.registry, { name: 'Sergei Lavrov', id: 'ent_lavrov' }, NOW));
    const withLavrov = { entities: [...state.registry.entities, lavrov.entity].sort((a, b) => (a.id < b.id ? -1 : 1)) };
    const link = ok(linkMention(withLavrov, doc, doc.annotations[1]!.id, 'ent_lavrov', NOW));
    expect(applyEditToState({ kind: 'batch', edits: [lavrov.edit, link] }, { ...base, actors: state.registry }).ok).toBe(true);
  });

  it('unlinking removes the field, so the span is as it was before linking', () => {
    const doc = seedDoc('000_d052c3cef2812ef5');
    const state = world();
    const span = doc.annotations[0]!;
    const linked = apply(state, ok(linkMention(state.registry, state.docs.get('a_000')!, span.id, 'ent_putin', NOW)));
    expect(linkMention(linked.registry, linked.docs.get('a_000')!, span.id, 'ent_putin', NOW)).toMatchObject({ ok: false });
    const unlinked = apply(linked, ok(unlinkMention(linked.docs.get('a_000')!, span.id, NOW)));
    const after = unlinked.docs.get('a_000')!.annotations.find((a) => a.id === span.id)!;
    expect(Object.keys(after)).toEqual(Object.keys(span));
    expect(unlinkMention(unlinked.docs.get('a_000')!, span.id, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'This span is not linked to an actor.' }],
    });
  });

  it('creates an entity from a span and links its same-text spans in one undoable edit', () => {
    const state = world();
    const doc = state.docs.get('a_001')!;
    const span = doc.annotations.find((a) => a.quote === 'Trump')!;
    const made = ok(createAndLink(state.registry, doc, span.id, { kind: 'person' }, NOW));
    expect(made.entity).toMatchObject({ name: 'Trump', kind: 'person' });
    expect(made.linked.length).toBe(doc.annotations.filter((a) => a.quote === 'Trump').length);
    expect(describeEdit(made.edit)).toBe('new actor "Trump"');
    const after = apply(state, made.edit);
    expect(
      after.docs
        .get('a_001')!
        .annotations.filter((a) => a.entity === made.entity.id)
        .map((a) => a.id),
    ).toEqual(made.linked);
    // The same name again is refused unless the analyst says it is someone else.
    const again = after.docs.get('a_001')!.annotations.find((a) => a.quote === 'Trump' && a.entity)!;
    expect(createAndLink(after.registry, after.docs.get('a_001')!, again.id, {}, NOW)).toMatchObject({ ok: false });
  });

  it('describes registry edits for the undo button', () => {
    const state = linkedWorld();
    const create = ok(createEntity(state.registry, { name: 'Sergei Lavrov' }, NOW)).edit;
    expect(describeEdit(create)).toBe('new actor');
    expect(describeEdit(ok(renameEntity(state.registry, 'ent_putin', 'Putin', NOW)))).toBe('actor name, aliases change');
    const doc = state.docs.get('a_000')!;
    const link = ok(linkMention(state.registry, doc, doc.annotations.find((a) => !a.entity)!.id, 'ent_kremlin', NOW));
    expect(describeEdit(link)).toBe('actor link');
    expect(describeEdit(ok<Edit>(unlinkMention(doc, doc.annotations.find((a) => a.entity)!.id, NOW)))).toBe('actor unlinked');
  });
});
