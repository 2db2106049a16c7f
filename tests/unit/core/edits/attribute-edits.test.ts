import { describe, expect, it } from 'vitest';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { applyCommand } from '../../../../src/core/edits/apply';
import {
  addAttribute,
  addChoiceValue,
  attributeUsage,
  removeAttribute,
  removeChoiceValue,
  renameAttribute,
  renameChoiceValue,
} from '../../../../src/core/edits/attribute-edits';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import type { AttributeValue } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema, findLabel, type LabelSchema } from '../../../../src/core/model/label-schema';
import type { Result } from '../../../../src/core/model/result';

const NOW = '2026-03-03T00:00:00.000Z';
const LATER = '2026-03-04T00:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '));
  return r.value;
}

/** A claim with stance "for", a claim with stance "against", a quote of type "direct". */
function world(): { schema: LabelSchema; docs: ArticleDoc[] } {
  const schema = defaultLabelSchema();
  findLabel(schema, 'claim')!.attributes.push({ id: 'stance', name: 'Stance', type: 'choice', values: ['for', 'against'] });
  let doc: ArticleDoc = {
    article: { id: 'a1', title: 'a1', source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text: 'The minister said taxes would fall next year.' },
    annotations: [],
    relations: [],
  };
  const add = (label: string, start: number, end: number, attributes: Record<string, AttributeValue>) => {
    doc = value(applyCommand(doc, value(createAnnotation(doc, { label, fragments: [{ start, end }], attributes }, { author: 'ana', now: NOW })).command));
  };
  add('claim', 0, 12, { stance: 'for', checkWorthy: true });
  add('claim', 13, 30, { stance: 'against' });
  add('quote', 18, 44, { type: 'direct' });
  return { schema, docs: [doc] };
}

function run(edit: Edit, schema: LabelSchema, docs: ArticleDoc[]) {
  const out = value(applyEditToState(edit, { labelSchema: schema, docs: new Map(docs.map((d) => [d.article.id, d])) }));
  return { schema: out.labelSchema, docs: docs.map((d) => out.docs.get(d.article.id) ?? d) };
}

/** Applies the edit, then its inverse: schema and documents come back exactly. */
function roundTrip(edit: Edit, schema: LabelSchema, docs: ArticleDoc[]) {
  const after = run(edit, schema, docs);
  const back = run(invertEdit(edit), after.schema, after.docs);
  expect(back.schema).toEqual(schema);
  expect(back.docs).toEqual(docs);
  return after;
}

describe('attribute edits', () => {
  it('adds a choice attribute with a readable id, and undo removes it', () => {
    const { schema, docs } = world();
    const { edit, attribute } = value(addAttribute(schema, 'claim', { name: 'Evidence level', type: 'choice', values: ['low', 'high', 'low'] }));
    expect(attribute).toEqual({ id: 'evidence-level', name: 'Evidence level', type: 'choice', values: ['low', 'high'] });
    const after = roundTrip(edit, schema, docs);
    expect(findLabel(after.schema, 'claim')!.attributes.at(-1)).toEqual(attribute);
    expect(addAttribute(schema, 'claim', { name: 'stance', type: 'text' }).ok).toBe(false);
    expect(addAttribute(schema, 'nope', { name: 'X', type: 'text' }).ok).toBe(false);
  });

  it('renames an attribute by name only: the id, and every stored value, stay', () => {
    const { schema, docs } = world();
    const after = roundTrip(value(renameAttribute(schema, 'claim', 'stance', 'Position')), schema, docs);
    expect(findLabel(after.schema, 'claim')!.attributes.find((a) => a.id === 'stance')?.name).toBe('Position');
    expect(after.docs).toEqual(docs);
  });

  it('removing an attribute in use takes it off every annotation of the label, one undo brings all back', () => {
    const { schema, docs } = world();
    expect(attributeUsage(docs, 'claim', 'stance')).toBe(2);
    const after = roundTrip(value(removeAttribute(schema, docs, 'claim', 'stance', LATER)), schema, docs);
    expect(findLabel(after.schema, 'claim')!.attributes.map((a) => a.id)).toEqual(['checkWorthy']);
    expect(after.docs[0]!.annotations.map((a) => a.attributes)).toEqual([{ checkWorthy: true }, {}, { type: 'direct' }]);
  });

  it('renaming a choice value rewrites it on the annotations that have it, and only there', () => {
    const { schema, docs } = world();
    expect(attributeUsage(docs, 'claim', 'stance', 'for')).toBe(1);
    const after = roundTrip(value(renameChoiceValue(schema, docs, 'claim', 'stance', 'for', 'supports', LATER)), schema, docs);
    expect(findLabel(after.schema, 'claim')!.attributes.find((a) => a.id === 'stance')?.values).toEqual(['supports', 'against']);
    expect(after.docs[0]!.annotations.map((a) => a.attributes.stance)).toEqual(['supports', 'against', undefined]);
    expect(renameChoiceValue(schema, docs, 'claim', 'stance', 'for', 'Against', LATER).ok).toBe(false);
  });

  it('adds and removes choice values; removing clears it where it was set', () => {
    const { schema, docs } = world();
    const added = roundTrip(value(addChoiceValue(schema, 'claim', 'stance', 'neutral')), schema, docs);
    expect(findLabel(added.schema, 'claim')!.attributes.find((a) => a.id === 'stance')?.values).toEqual(['for', 'against', 'neutral']);
    expect(addChoiceValue(schema, 'claim', 'checkWorthy', 'x').ok).toBe(false);
    const removed = roundTrip(value(removeChoiceValue(schema, docs, 'claim', 'stance', 'against', LATER)), schema, docs);
    expect(removed.docs[0]!.annotations.map((a) => a.attributes.stance)).toEqual(['for', undefined, undefined]);
  });
});
