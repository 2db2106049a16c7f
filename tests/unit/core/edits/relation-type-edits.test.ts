import { describe, expect, it } from 'vitest';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { applyCommand } from '../../../../src/core/edits/apply';
import { createAnnotation, linkAnnotations } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { addRelationType, changeRelationType, relationTypeUsage, removeRelationType } from '../../../../src/core/edits/relation-type-edits';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema, findRelationType, type LabelSchema } from '../../../../src/core/model/label-schema';
import type { Result } from '../../../../src/core/model/result';

const NOW = '2026-03-03T00:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '));
  return r.value;
}

/** Two quotes and an actor; both quotes have the actor as Speaker, the first also as Source. */
function world(): { schema: LabelSchema; docs: ArticleDoc[] } {
  const schema = defaultLabelSchema();
  let doc: ArticleDoc = {
    article: { id: 'a1', title: 'a1', source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text: 'Putin said the talks failed. He said more.' },
    annotations: [],
    relations: [],
  };
  const span = (label: string, start: number, end: number) => {
    const made = value(createAnnotation(doc, { label, fragments: [{ start, end }] }, { author: 'ana', now: NOW }));
    doc = value(applyCommand(doc, made.command));
    return made.annotation.id;
  };
  const actor = span('actor', 0, 5);
  const q1 = span('quote', 6, 27);
  const q2 = span('quote', 32, 41);
  const link = (type: string, from: string) =>
    (doc = value(applyCommand(doc, value(linkAnnotations(doc, { type, from, to: actor }, { author: 'ana', now: NOW })).command)));
  link('speaker', q1);
  link('speaker', q2);
  link('source', q1);
  return { schema, docs: [doc] };
}

function run(edit: Edit, schema: LabelSchema, docs: ArticleDoc[]) {
  const out = value(applyEditToState(edit, { labelSchema: schema, docs: new Map(docs.map((d) => [d.article.id, d])) }));
  return { schema: out.labelSchema, docs: docs.map((d) => out.docs.get(d.article.id) ?? d) };
}

function roundTrip(edit: Edit, schema: LabelSchema, docs: ArticleDoc[]) {
  const after = run(edit, schema, docs);
  const back = run(invertEdit(edit), after.schema, after.docs);
  expect(back.schema).toEqual(schema);
  expect(back.docs.map((d) => ({ ...d, relations: [...d.relations].sort((a, b) => a.id.localeCompare(b.id)) }))).toEqual(
    docs.map((d) => ({ ...d, relations: [...d.relations].sort((a, b) => a.id.localeCompare(b.id)) })),
  );
  return after;
}

describe('relation type edits', () => {
  it('adds a type with a readable id and allowed ends; names are unique and ends must be labels', () => {
    const { schema, docs } = world();
    const { edit, type } = value(addRelationType(schema, { name: 'Target of', from: ['claim'], to: ['actor'] }));
    expect(type).toEqual({ id: 'target-of', name: 'Target of', from: ['claim'], to: ['actor'] });
    expect(findRelationType(roundTrip(edit, schema, docs).schema, 'target-of')).toEqual(type);
    expect(addRelationType(schema, { name: ' speaker ' }).ok).toBe(false);
    expect(addRelationType(schema, { name: 'X', from: ['nope'] }).ok).toBe(false);
    expect(addRelationType(schema, { name: '  ' }).ok).toBe(false);
  });

  it('renaming keeps every link (they refer to the id); a rename to the same name changes nothing', () => {
    const { schema, docs } = world();
    const after = roundTrip(value(changeRelationType(schema, 'speaker', { name: 'Said by' })), schema, docs);
    expect(findRelationType(after.schema, 'speaker')?.name).toBe('Said by');
    expect(after.docs).toEqual(docs);
    expect(changeRelationType(schema, 'speaker', { name: 'Speaker' }).ok).toBe(false);
    expect(changeRelationType(schema, 'speaker', { name: 'source' }).ok).toBe(false);
  });

  it('removing a type in use deletes its links only, and one undo brings all back', () => {
    const { schema, docs } = world();
    expect(relationTypeUsage(docs, 'speaker')).toEqual({ links: 2, articles: 1 });
    const after = roundTrip(value(removeRelationType(schema, docs, 'speaker', { mode: 'delete' })), schema, docs);
    expect(findRelationType(after.schema, 'speaker')).toBeUndefined();
    expect(after.docs[0]!.relations.map((r) => r.type)).toEqual(['source']);
  });

  it('removing with reassign moves the links, keeping their ids, and drops one the target already has', () => {
    const { schema, docs } = world();
    const sourceFrom = docs[0]!.relations.find((r) => r.type === 'source')!.from;
    const q2Speaker = docs[0]!.relations.find((r) => r.type === 'speaker' && r.from !== sourceFrom)!;
    const after = roundTrip(value(removeRelationType(schema, docs, 'speaker', { mode: 'reassign', to: 'source' })), schema, docs);
    const relations = after.docs[0]!.relations;
    expect(relations.every((r) => r.type === 'source')).toBe(true);
    // q1 already had a Source link to the actor: its moved Speaker link would repeat it.
    expect(relations).toHaveLength(2);
    expect(relations.find((r) => r.id === q2Speaker.id)).toEqual({ ...q2Speaker, type: 'source' });
    expect(removeRelationType(schema, docs, 'speaker', { mode: 'reassign', to: 'speaker' }).ok).toBe(false);
    expect(removeRelationType(schema, docs, 'nope', { mode: 'delete' }).ok).toBe(false);
  });
});
