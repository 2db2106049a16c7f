import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { createAnnotation, linkAnnotations } from '../../../../src/core/edits/builders';
import { applyCommand } from '../../../../src/core/edits/apply';
import { invertEdit, type DocCommand, type Edit } from '../../../../src/core/edits/commands';
import { addLabel, changeLabel, labelUsage, removeLabel } from '../../../../src/core/edits/schema-edits';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema, findLabel, type LabelSchema } from '../../../../src/core/model/label-schema';

const NOW = '2026-03-03T00:00:00.000Z';
const BY = { author: 'ana', now: NOW };
const SEEDS = ['000_d052c3cef2812ef5.txt', '001_404523ca2faaa758.txt'].map((f) => readFileSync(resolve(__dirname, '../../../../seeds', f), 'utf8'));

function docOf(id: string, text: string): ArticleDoc {
  return { article: { id, title: id, source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text }, annotations: [], relations: [] };
}

function apply(doc: ArticleDoc, command: DocCommand): ArticleDoc {
  const r = applyCommand(doc, command);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

/** Two seed articles with quotes, actors and a speaker link, as an analyst would leave them. */
function tagged(): ArticleDoc[] {
  return SEEDS.map((text, n) => {
    let doc = docOf(`a_${n}`, text);
    const quoteAt = text.indexOf('“');
    const quote = createAnnotation(doc, { label: 'quote', fragments: [{ start: quoteAt, end: quoteAt + 20 }] }, BY);
    const actor = createAnnotation(doc, { label: 'actor', fragments: [{ start: 0, end: 9 }] }, BY);
    const claim = createAnnotation(doc, { label: 'claim', fragments: [{ start: 10, end: 30 }] }, BY);
    if (!quote.ok || !actor.ok || !claim.ok) throw new Error('setup');
    for (const c of [quote, actor, claim]) doc = apply(doc, c.value.command);
    const link = linkAnnotations(doc, { type: 'speaker', from: quote.value.annotation.id, to: actor.value.annotation.id }, BY);
    if (!link.ok) throw new Error('setup');
    return apply(doc, link.value.command);
  });
}

/** Documents by article id, as a list in id order (edits may touch articles in any order). */
function sorted(docs: ReadonlyMap<string, ArticleDoc>): ArticleDoc[] {
  return [...docs.values()].sort((a, b) => a.article.id.localeCompare(b.article.id));
}

function state(schema: LabelSchema, docs: ArticleDoc[]) {
  return { labelSchema: schema, docs: new Map(docs.map((d) => [d.article.id, d])) };
}

type SchemaOp =
  | { op: 'add'; name: string }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'key'; pick: number; key: string }
  | { op: 'remove'; pick: number; reassign: boolean; to: number };

/** The edit a random operation makes against the current state, or null when it does not apply. */
function editFor(op: SchemaOp, current: ReturnType<typeof state>): Edit | null {
  const labels = current.labelSchema.labels;
  if (op.op === 'add') {
    const r = addLabel(current.labelSchema, { name: op.name });
    return r.ok ? r.value.edit : null;
  }
  const label = labels[op.pick % Math.max(1, labels.length)];
  if (!label) return null;
  if (op.op === 'remove') {
    const to = labels[op.to % labels.length]!.id;
    const plan = op.reassign && to !== label.id ? { mode: 'reassign' as const, to } : { mode: 'delete' as const };
    const r = removeLabel(current.labelSchema, [...current.docs.values()], label.id, plan, NOW);
    return r.ok ? r.value : null;
  }
  const r = changeLabel(current.labelSchema, label.id, op.op === 'rename' ? { name: op.name } : { key: op.key });
  return r.ok ? r.value : null;
}

describe('label schema edits', () => {
  it('renaming, recolouring and re-keying change only the schema and undo exactly', () => {
    const schema = defaultLabelSchema();
    const edit = changeLabel(schema, 'quote', { name: 'Quotation', color: '#123456', key: '7' });
    expect(edit.ok).toBe(true);
    if (!edit.ok || edit.value.kind !== 'schema') return;
    expect(findLabel(edit.value.after, 'quote')).toMatchObject({ name: 'Quotation', color: '#123456', key: '7' });
    expect(invertEdit(edit.value)).toEqual({ kind: 'schema', before: edit.value.after, after: schema });
  });

  it('a key another label has is swapped, never duplicated', () => {
    const edit = changeLabel(defaultLabelSchema(), 'event', { key: '1' });
    if (!edit.ok || edit.value.kind !== 'schema') throw new Error('expected a schema edit');
    expect(findLabel(edit.value.after, 'event')!.key).toBe('1');
    expect(findLabel(edit.value.after, 'claim')!.key).toBe('4');
  });

  it('refuses empty or duplicate names, bad colours and keys the editor already uses', () => {
    const schema = defaultLabelSchema();
    expect(changeLabel(schema, 'quote', { name: '  ' }).ok).toBe(false);
    expect(changeLabel(schema, 'quote', { name: 'actor' }).ok).toBe(false);
    expect(changeLabel(schema, 'quote', { color: 'blue' }).ok).toBe(false);
    expect(changeLabel(schema, 'quote', { key: 'j' }, ['j', 'k']).ok).toBe(false);
    expect(addLabel(schema, { name: 'Claim' }).ok).toBe(false);
  });

  it('adds a label with a readable id, a fresh colour and the next free digit key', () => {
    const added = addLabel(defaultLabelSchema(), { name: 'Statistic claim' });
    if (!added.ok) throw new Error(added.errors[0]!.message);
    expect(added.value.label).toMatchObject({ id: 'statistic-claim', key: '5', kind: 'span' });
    expect(added.value.label.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('removing a label in use deletes its annotations and links, in every article, as one undoable edit', () => {
    const docs = tagged();
    const schema = defaultLabelSchema();
    expect(labelUsage(docs, 'actor')).toEqual({ annotations: 2, articles: ['a_0', 'a_1'] });
    const edit = removeLabel(schema, docs, 'actor', { mode: 'delete' }, NOW);
    if (!edit.ok) throw new Error(edit.errors[0]!.message);
    const applied = applyEditToState(edit.value, state(schema, docs));
    if (!applied.ok) throw new Error(applied.errors[0]!.message);
    for (const doc of applied.value.docs.values()) {
      expect(doc.annotations.some((a) => a.label === 'actor')).toBe(false);
      expect(doc.relations).toEqual([]);
    }
    expect(findLabel(applied.value.labelSchema, 'actor')).toBeUndefined();
    // "speaker" allowed only actors: it keeps naming the gone label rather than widening to any label.
    expect(applied.value.labelSchema.relationTypes.find((r) => r.id === 'speaker')!.to).toEqual(['actor']);
    const undone = applyEditToState(invertEdit(edit.value), { labelSchema: applied.value.labelSchema, docs: applied.value.docs });
    if (!undone.ok) throw new Error(undone.errors[0]!.message);
    expect(undone.value.labelSchema).toEqual(schema);
    expect(sorted(undone.value.docs)).toEqual(docs);
  });

  it('removing a label with reassignment keeps every annotation and link under the new label', () => {
    const docs = tagged();
    const schema = defaultLabelSchema();
    const edit = removeLabel(schema, docs, 'claim', { mode: 'reassign', to: 'quote' }, NOW);
    if (!edit.ok) throw new Error(edit.errors[0]!.message);
    const applied = applyEditToState(edit.value, state(schema, docs));
    if (!applied.ok) throw new Error(applied.errors[0]!.message);
    for (const [id, doc] of applied.value.docs) {
      const before = docs.find((d) => d.article.id === id)!;
      expect(doc.annotations).toHaveLength(before.annotations.length);
      expect(doc.relations).toEqual(before.relations);
      expect(doc.annotations.filter((a) => a.label === 'quote')).toHaveLength(2);
    }
    expect(applied.value.labelSchema.relationTypes.find((r) => r.id === 'source')!.from).toEqual(['quote']);
    const undone = applyEditToState(invertEdit(edit.value), { labelSchema: applied.value.labelSchema, docs: applied.value.docs });
    if (!undone.ok) throw new Error(undone.errors[0]!.message);
    expect(sorted(undone.value.docs)).toEqual(docs);
    expect(undone.value.labelSchema).toEqual(schema);
  });

  it('any sequence of schema edits undoes back to the start', () => {
    const opArb: fc.Arbitrary<SchemaOp> = fc.oneof(
      fc.record({ op: fc.constant('add' as const), name: fc.string({ minLength: 1, maxLength: 12 }) }),
      fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }) }),
      fc.record({ op: fc.constant('key' as const), pick: fc.nat(), key: fc.constantFrom('', '1', '2', '5', 'q') }),
      fc.record({ op: fc.constant('remove' as const), pick: fc.nat(), reassign: fc.boolean(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), (ops) => {
        let current = state(defaultLabelSchema(), tagged());
        const history: { before: typeof current; edit: Edit }[] = [];
        for (const op of ops) {
          const edit = editFor(op, current);
          if (!edit) continue;
          const next = applyEditToState(edit, current);
          expect(next.ok).toBe(true);
          if (!next.ok) return;
          history.push({ before: current, edit });
          current = { labelSchema: next.value.labelSchema, docs: new Map([...current.docs, ...next.value.docs]) };
        }
        for (const { before, edit } of history.reverse()) {
          const back = applyEditToState(invertEdit(edit), current);
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          current = { labelSchema: back.value.labelSchema, docs: new Map([...current.docs, ...back.value.docs]) };
          expect(current.labelSchema).toEqual(before.labelSchema);
          expect(sorted(current.docs)).toEqual(sorted(before.docs));
        }
      }),
      { numRuns: 100 },
    );
  });
});
