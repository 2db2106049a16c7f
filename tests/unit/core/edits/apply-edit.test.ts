import { describe, expect, it } from 'vitest';
import { applyEditToState, labelSchemaProblem, removedFromSchema } from '../../../../src/core/edits/apply-edit';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema, extendSchema } from '../../../../src/core/model/label-schema';

const BY = { author: 'me', now: '2026-01-01T00:00:00.000Z' };

function doc(id: string, text: string): ArticleDoc {
  return { article: { id, title: 't', source: 's', importedAt: BY.now, hash: '0'.repeat(64), text }, annotations: [], relations: [] };
}

function insert(d: ArticleDoc, label: string, start: number, end: number): Edit {
  const r = createAnnotation(d, { label, fragments: [{ start, end }] }, BY);
  if (!r.ok) throw new Error('bad test input');
  return { kind: 'doc', articleId: d.article.id, command: r.value.command };
}

describe('applyEditToState', () => {
  const a = doc('a', 'The minister said the deal was fair.');
  const b = doc('b', 'Unions disagreed.');
  const state = {
    labelSchema: defaultLabelSchema(),
    docs: new Map([
      ['a', a],
      ['b', b],
    ]),
  };

  it('applies a batch across articles and the schema, all or nothing', () => {
    const schemaAfter = extendSchema(state.labelSchema, { labels: [{ id: 'source' }] }).schema;
    const edit: Edit = {
      kind: 'batch',
      edits: [
        { kind: 'schema', before: state.labelSchema, after: schemaAfter },
        insert(a, 'source', 4, 12),
        insert(a, 'claim', 0, 3),
        insert(b, 'actor', 0, 6),
      ],
    };
    const r = applyEditToState(edit, state);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaChanged).toBe(true);
    expect(r.value.docs.get('a')?.annotations.map((x) => x.label)).toEqual(['claim', 'source']);
    expect(r.value.docs.get('b')?.annotations).toHaveLength(1);
    expect(state.docs.get('a')?.annotations).toHaveLength(0);
  });

  it('refuses a label the schema lacks, a stale schema edit, an unknown article', () => {
    expect(applyEditToState(insert(a, 'rumour', 0, 3), state)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('"rumour" is not in the label schema') }],
    });
    const stale: Edit = { kind: 'schema', before: { labels: [], relationTypes: [] }, after: state.labelSchema };
    expect(applyEditToState(stale, state)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('changed since') }] });
    expect(applyEditToState({ ...insert(a, 'claim', 0, 3), articleId: 'zzz' } as Edit, state).ok).toBe(false);
    const edit = insert(a, 'claim', 0, 3);
    const applied = applyEditToState(edit, state);
    if (!applied.ok) throw new Error('expected ok');
    // applying the same insert twice fails: the id exists
    expect(applyEditToState({ kind: 'batch', edits: [edit, edit] }, state).ok).toBe(false);
    // and the inverse brings the document back
    const undone = applyEditToState(invertEdit(edit), { ...state, docs: applied.value.docs });
    expect(undone.ok && undone.value.docs.get('a')).toEqual(a);
  });

  it('compares the schema regardless of key order', () => {
    const before = {
      relationTypes: state.labelSchema.relationTypes.map((r) => ({ to: r.to, from: r.from, name: r.name, id: r.id })),
      labels: state.labelSchema.labels,
    };
    expect(applyEditToState({ kind: 'schema', before, after: state.labelSchema }, state).ok).toBe(true);
  });
});

describe('label schema checks', () => {
  it('finds duplicate ids and removed entries', () => {
    const s = defaultLabelSchema();
    expect(labelSchemaProblem(s)).toBeNull();
    expect(labelSchemaProblem({ ...s, labels: [...s.labels, s.labels[0]!] })).toMatch(/two labels with the id "claim"/);
    expect(removedFromSchema(s, { labels: s.labels.slice(1), relationTypes: [] })).toEqual({
      labels: ['claim'],
      relationTypes: ['speaker', 'source', 'participant'],
    });
  });
});
