import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { EMPTY_REGISTRY, type ActorRegistry } from '../../../../src/core/actors/entity';
import { linkMention } from '../../../../src/core/actors/mention-edits';
import { createEntity } from '../../../../src/core/actors/registry-edits';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';

/**
 * A small workspace for the registry tests: two of the seed articles with every "Putin",
 * "Zelensky(y)", "Trump" and "Kremlin" tagged as an actor, and a registry of three entities.
 * Edits are applied as the store applies them (applyEditToState), so what passes here is what
 * the store will accept.
 */

export const NOW = '2026-03-01T00:00:00.000Z';
const SEEDS = ['000_d052c3cef2812ef5', '001_404523ca2faaa758'];
const NAMES = /Putin|Zelenskyy?|Trump|Kremlin|Lavrov/g;

export interface World {
  registry: ActorRegistry;
  docs: Map<string, ArticleDoc>;
}

export function seedDoc(file: string): ArticleDoc {
  const text = readFileSync(resolve(__dirname, `../../../../seeds/${file}.txt`), 'utf8');
  let doc: ArticleDoc = {
    article: { id: `a_${file.slice(0, 3)}`, title: file, source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text },
    annotations: [],
    relations: [],
  };
  let n = 0;
  for (const m of text.matchAll(NAMES)) {
    const created = createAnnotation(
      doc,
      { label: 'actor', fragments: [{ start: m.index, end: m.index + m[0].length }], id: `ann_${doc.article.id}_${n++}` },
      { author: 'me', now: NOW },
    );
    if (!created.ok) throw new Error('setup');
    doc = { ...doc, annotations: [...doc.annotations, created.value.annotation] };
  }
  return doc;
}

export function world(): World {
  let registry = EMPTY_REGISTRY;
  for (const [id, name, kind] of [
    ['ent_putin', 'Vladimir Putin', 'person'],
    ['ent_zelenskyy', 'Volodymyr Zelenskyy', 'person'],
    ['ent_kremlin', 'Kremlin', 'organisation'],
  ] as const) {
    const created = createEntity(registry, { id, name, kind }, NOW);
    if (!created.ok) throw new Error('setup');
    registry = { entities: [...registry.entities, created.value.entity].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  }
  const docs = new Map(SEEDS.map((s) => seedDoc(s)).map((d) => [d.article.id, d]));
  return { registry, docs };
}

/** Applies an edit as the store would; the test fails on a refusal. */
export function apply(state: World, edit: Edit): World {
  const result = applyEditToState(edit, { labelSchema: defaultLabelSchema(), docs: state.docs, actors: state.registry });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  const docs = new Map(state.docs);
  for (const [id, doc] of result.value.docs) docs.set(id, doc);
  return { registry: result.value.actors!, docs };
}

/** Byte-for-byte: registry and documents as JSON, so key order and absent fields count too. */
export function expectSameState(actual: World, expected: World): void {
  expect(JSON.stringify(actual.registry)).toBe(JSON.stringify(expected.registry));
  for (const [id, doc] of expected.docs) expect(JSON.stringify(actual.docs.get(id))).toBe(JSON.stringify(doc));
}

/** Every span's entity is in the registry. */
export function expectNoDanglingLinks(state: World): void {
  const ids = new Set(state.registry.entities.map((e) => e.id));
  for (const doc of state.docs.values()) for (const a of doc.annotations) if (a.entity !== undefined) expect(ids.has(a.entity)).toBe(true);
}

/** The world with every "Putin" linked to Vladimir Putin and every "Zelenskyy" to Volodymyr Zelenskyy. */
export function linkedWorld(): World {
  let state = world();
  for (const doc of state.docs.values()) {
    for (const a of doc.annotations) {
      const target = a.quote === 'Putin' ? 'ent_putin' : a.quote === 'Zelenskyy' ? 'ent_zelenskyy' : null;
      if (!target) continue;
      const edit = linkMention(state.registry, state.docs.get(doc.article.id)!, a.id, target, NOW);
      if (!edit.ok) throw new Error('setup');
      state = apply(state, edit.value);
    }
  }
  return state;
}
